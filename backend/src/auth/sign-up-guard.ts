// Runs before Better Auth's sign-up (issue 11.13). It refuses common passwords (zxcvbn-ts's list of ~18,000
// leaked passwords of 8+ characters, offline), and it answers a sign-up for an email that already has an account
// exactly as a new sign-up is answered — 200, a session cookie, set-auth-token, {token, user} — so the answer
// does not tell whether the email is registered:
// - the right password for that account signs its owner in (a real session, as sign-in would);
// - any other password gets a decoy session that no request accepts, and the account's owner is told
//   (notifyExistingAccount: a log line, and an email when SMTP_URL is set).
// Both branches hash or verify the password, so their timing matches a real sign-up's.
import { dictionary } from "@zxcvbn-ts/language-common";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { generateRandomString } from "better-auth/crypto";

const COMMON = new Set(
  (dictionary["passwords-common"] as string[]).filter((p) => p.length >= 8).map((p) => normalise(p)),
);

function normalise(password: string): string {
  return password.toLowerCase().replace(/\s+/g, "");
}

export function isCommonPassword(password: string): boolean {
  return COMMON.has(normalise(password));
}

export interface ExistingAccountNotice {
  userId: string;
  email: string;
}

export type NotifyExistingAccount = (notice: ExistingAccountNotice) => Promise<void>;

const PASSWORD_FIELDS: Record<string, string> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
  "/set-password": "newPassword",
};

export type AuthHookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** `before` runs first on every auth request (account-rules.ts: sign-up policy, delete confirmation). */
export function signUpGuard(
  notifyExistingAccount: NotifyExistingAccount,
  before?: (ctx: AuthHookContext) => Promise<void>,
) {
  return createAuthMiddleware(async (ctx) => {
    await before?.(ctx);
    const field = PASSWORD_FIELDS[ctx.path];
    if (!field) return;
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    const password = body[field];
    if (typeof password === "string" && isCommonPassword(password)) {
      throw new APIError("BAD_REQUEST", {
        message: "This password is one of the most common ones; choose another",
        code: "PASSWORD_TOO_COMMON",
      });
    }
    if (ctx.path !== "/sign-up/email" || typeof body.email !== "string" || typeof password !== "string") return;
    const found = await ctx.context.internalAdapter.findUserByEmail(body.email.toLowerCase());
    if (!found?.user) return; // a new email: Better Auth's own sign-up
    const { user } = found;
    const credential = (await ctx.context.internalAdapter.findAccounts(user.id)).find(
      (a) => a.providerId === "credential" && a.password,
    );
    const matches = credential?.password
      ? await ctx.context.password.verify({ hash: credential.password, password })
      : Boolean(await ctx.context.password.hash(password)) && false;
    const now = new Date();
    let token: string;
    let shown: Record<string, unknown>;
    if (matches) {
      const session = await ctx.context.internalAdapter.createSession(user.id);
      await setSessionCookie(ctx, { session, user });
      token = session.token;
      shown = user;
    } else {
      await notifyExistingAccount({ userId: user.id, email: user.email });
      token = generateRandomString(32, "a-z", "A-Z", "0-9");
      const cookie = ctx.context.authCookies.sessionToken;
      await ctx.setSignedCookie(cookie.name, token, ctx.context.secret, {
        ...cookie.attributes,
        maxAge: ctx.context.sessionConfig.expiresIn,
      });
      shown = {
        ...body,
        id: ctx.context.generateId({ model: "user" }) || generateRandomString(32),
        createdAt: now,
        updatedAt: now,
      };
    }
    const signed = ctx.responseHeaders
      ?.get("set-cookie")
      ?.match(new RegExp(`${ctx.context.authCookies.sessionToken.name}=([^;]+)`));
    if (signed?.[1]) {
      ctx.setHeader("set-auth-token", decodeURIComponent(signed[1])); // as the bearer plugin shows it
      ctx.setHeader("Access-Control-Expose-Headers", "set-auth-token");
    }
    return ctx.json({
      token,
      user: {
        name: shown.name,
        email: String(shown.email).toLowerCase(),
        emailVerified: matches ? user.emailVerified : false,
        image: (shown.image as string | undefined) ?? null,
        createdAt: shown.createdAt,
        updatedAt: shown.updatedAt,
        id: shown.id,
      },
    });
  });
}
