// The account rules Better Auth runs (issue 14): who may sign up (SIGNUP, invitations), disabled users get no
// session, deleting an account needs its email typed and removes what it owns, and the emails Better Auth's own
// flows send (password reset, verification) go through the app's mailer with links to the frontend (APP_URL).
import { DELETE_ACCOUNT_CONFIRMATION } from "@todo/contract/account";
import {
  deleteAccountData,
  isDisabled,
  isEmailVerified,
  signUpRefusal,
  useInvite,
} from "@todo/core/account/account.service";
import type { Database } from "@todo/core/db/client";
import type { Mailer } from "@todo/core/mail/mailer";
import { emailVerification, passwordReset, type Rendered } from "@todo/core/mail/messages";
import { logSafeError } from "@todo/core/runtime/log-safe-error";
import { APIError } from "better-auth/api";
import type { Logger } from "pino";
import type { Config } from "../config";
import type { AuthHookContext } from "./sign-up-guard";

export interface AccountMail {
  mailer: Mailer;
  logger: Logger;
}

/** Sends in the background: the answer must not wait on (or reveal) the mail server. */
function sendInBackground({ mailer, logger }: AccountMail, to: string, message: Rendered) {
  mailer
    .send({ to, ...message })
    .catch((error: unknown) => logger.warn({ err: logSafeError(error) }, "could not send the email"));
}

/** Runs before Better Auth's endpoints: the sign-up policy and the delete-account confirmation. */
export type SessionOf = (headers: Headers) => Promise<{ user: { email: string } } | null>;

export function accountRules(db: Database, config: Config, sessionOf: SessionOf) {
  return async (ctx: AuthHookContext) => {
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    if (ctx.path === "/sign-up/email" && typeof body.email === "string") {
      // Checked before the existing-account branch of the sign-up guard, so the answer says nothing about
      // whether the address is registered.
      const refusal = await signUpRefusal(db, config.account.signup, body.email);
      if (refusal) throw new APIError("FORBIDDEN", { message: refusal, code: "SIGN_UP_CLOSED" });
    }
    if (ctx.path === "/delete-user") {
      // Hooks run before the bearer plugin turns Authorization into a cookie: ask Better Auth as a request would.
      const session = ctx.headers ? await sessionOf(ctx.headers) : null;
      if (!session) throw new APIError("UNAUTHORIZED", { message: "Sign in again to delete the account" });
      const typed = body[DELETE_ACCOUNT_CONFIRMATION];
      if (typeof typed !== "string" || typed.trim().toLowerCase() !== session.user.email.toLowerCase()) {
        throw new APIError("BAD_REQUEST", {
          message: `Type the account's email in "${DELETE_ACCOUNT_CONFIRMATION}" to delete it`,
          code: "CONFIRMATION_REQUIRED",
        });
      }
      if (typeof body.password !== "string" || body.password === "") {
        throw new APIError("BAD_REQUEST", {
          message: "Enter your password to delete the account",
          code: "PASSWORD_REQUIRED",
        });
      }
      if (typeof body.token === "string") {
        throw new APIError("BAD_REQUEST", { message: "Delete with your password", code: "BAD_REQUEST" });
      }
    }
  };
}

/** The parts of Better Auth's options that carry the account rules. */
export function accountOptions(db: Database, config: Config, mail: AccountMail) {
  const appLink = (path: string, params: Record<string, string>) => {
    const url = new URL(path, config.appUrl);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  };
  const verification = config.account.emailVerification;
  return {
    emailAndPassword: {
      requireEmailVerification: verification === "required",
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      ...(mail.mailer.enabled && {
        sendResetPassword: async ({ user, token }: { user: { name: string; email: string }; token: string }) => {
          sendInBackground(
            mail,
            user.email,
            passwordReset({ name: user.name, url: appLink("/reset-password", { token }) }),
          );
        },
      }),
    },
    emailVerification: mail.mailer.enabled
      ? {
          sendOnSignUp: verification !== "off",
          sendOnSignIn: verification === "required",
          autoSignInAfterVerification: true,
          expiresIn: 60 * 60 * 24,
          sendVerificationEmail: async ({ user, url }: { user: { name: string; email: string }; url: string }) => {
            // Better Auth's link (on BETTER_AUTH_URL) is re-pointed at the app: the frontend proxies /api/auth.
            const own = new URL(url);
            const link = appLink("/api/auth/verify-email", {
              ...Object.fromEntries(own.searchParams),
              callbackURL: "/settings/account",
            });
            // For a change of email the token names the new address; mail goes to whoever Better Auth chose.
            sendInBackground(mail, user.email, emailVerification({ name: user.name, email: user.email, url: link }));
          },
        }
      : undefined,
    user: {
      changeEmail: { enabled: true, updateEmailWithoutVerification: true },
      deleteUser: {
        enabled: true,
        beforeDelete: async (user: { id: string }) => deleteAccountData(db, user.id),
      },
    },
    databaseHooks: {
      user: {
        create: { after: async (user: { email: string }) => useInvite(db, user.email) },
      },
      session: {
        create: {
          before: async (session: { userId: string }) => {
            // With EMAIL_VERIFICATION=required no path may sign in an unconfirmed address (the sign-up guard's
            // "right password for an existing account" branch included); Better Auth confirms before it signs in.
            if (verification === "required" && !(await isEmailVerified(db, session.userId))) {
              throw new APIError("FORBIDDEN", { message: "Confirm your email first", code: "EMAIL_NOT_VERIFIED" });
            }
            if (await isDisabled(db, session.userId)) {
              throw new APIError("FORBIDDEN", {
                message: "This account is disabled; ask the admin",
                code: "ACCOUNT_DISABLED",
              });
            }
          },
        },
      },
    },
  };
}
