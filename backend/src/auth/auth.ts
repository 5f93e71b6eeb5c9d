// Better Auth (email + password, sessions, bearer tokens for scripts) on the application's own database.
import type { Database } from "@todo/core/db/client";
import { isConnectionError } from "@todo/core/db/client";
import { accounts, oauthSchema, rateLimits, sessions, users, verifications } from "@todo/core/db/schema";
import type { Mailer } from "@todo/core/mail/mailer";
import { existingAccountSignUp } from "@todo/core/mail/messages";
import { logSafeError } from "@todo/core/runtime/log-safe-error";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { bearer } from "better-auth/plugins/bearer";
import type { Logger } from "pino";
import type { Config } from "../config";
import { type AccountMail, accountOptions, accountRules, type SessionOf } from "./account-rules";
import { oauthPlugins } from "./oauth";
import { forwardedOrigin } from "./same-origin";
import { type NotifyExistingAccount, signUpGuard } from "./sign-up-guard";

/**
 * Tells the owner of an account that someone tried to sign up with its address: an email when SMTP_URL is set,
 * always a log line. The email goes out in the background, so the sign-up answers as fast as a new one would
 * (its timing must not tell that the address is registered); a failed delivery is logged, never shown.
 */
export function notifyExistingAccountSignUp(logger: Logger, mailer: Mailer, appUrl: string): NotifyExistingAccount {
  return async ({ userId, email }) => {
    logger.info({ user: userId }, "sign-up attempted with the email of an existing account");
    if (!mailer.enabled) return;
    mailer
      .send({ to: email, ...existingAccountSignUp({ email, appUrl }) })
      .catch((error: unknown) => logger.warn({ user: userId, err: logSafeError(error) }, "could not send the email"));
  };
}

/** The Postgres error code of an error or of its cause (drizzle wraps driver errors in "Failed query: …"). */
function pgCode(error: unknown): unknown {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return (error as { code?: unknown } | undefined)?.code ?? cause?.code;
}

/** The adapter methods whose errors are renamed. */
const ADAPTER_METHODS = [
  "create",
  "findOne",
  "findMany",
  "update",
  "updateMany",
  "delete",
  "deleteMany",
  "count",
] as const;

/**
 * The drizzle adapter with two Postgres errors named in words Better Auth's plugins look for, since drizzle wraps
 * them in "Failed query: …": a unique violation ("duplicate key", how the OAuth provider recognises a lost insert
 * race when every replica seeds its resource at start-up), and a missing table ("relation … does not exist", how it
 * recognises a database whose migrations have not run yet and defers the seed instead of failing unhandled).
 */
function raceAwareDrizzleAdapter(db: Database, config: Parameters<typeof drizzleAdapter>[1]) {
  const factory = drizzleAdapter(db, config);
  return (options: Parameters<typeof factory>[0]) => {
    const adapter = factory(options);
    const named = { ...adapter } as Record<string, unknown>;
    for (const method of ADAPTER_METHODS) {
      const original = adapter[method] as unknown as ((args: { model?: string }) => Promise<unknown>) | undefined;
      if (typeof original !== "function") continue;
      named[method] = async (args: { model?: string }) => {
        try {
          return await original.call(adapter, args);
        } catch (error) {
          const code = pgCode(error);
          if (code === "23505") throw new Error(`duplicate key (unique violation) in ${args.model}`, { cause: error });
          if (code === "42P01") {
            throw new Error(`relation for ${args.model} does not exist (migrations not applied)`, { cause: error });
          }
          // The OAuth provider seeds its resource while Better Auth starts; a database that is not reachable at that
          // moment (or already closing) must defer the seed to first use, where it is retried, not reject unhandled.
          if (args.model === "oauthResource" && isConnectionError(error)) {
            throw new Error(
              `relation for ${args.model} does not exist yet (database not reachable; retried on first use)`,
              {
                cause: error,
              },
            );
          }
          throw error;
        }
      };
    }
    return named as typeof adapter;
  };
}

export function createAuth(
  db: Database,
  config: Config,
  notifyExistingAccount: NotifyExistingAccount,
  mail: AccountMail,
) {
  const account = accountOptions(db, config, mail);
  // The account rules ask for the caller's session; the auth object exists by the time a request arrives.
  const late: { sessionOf?: SessionOf } = {};
  const sessionOf: SessionOf = (headers) => late.sessionOf?.(headers) ?? Promise.resolve(null);
  const auth = betterAuth({
    appName: "todo-app",
    baseURL: config.authUrl,
    basePath: "/api/auth",
    secret: config.authSecret,
    // The configured origins, plus the one the frontend says the page was served from (same-origin.ts; the
    // forwarding headers of an untrusted peer are removed before Better Auth sees the request, auth.routes.ts).
    trustedOrigins: (request) => {
      const served = request ? forwardedOrigin(request.headers) : undefined;
      return served ? [...config.trustedOrigins, served] : config.trustedOrigins;
    },
    database: raceAwareDrizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
        ...oauthSchema,
      },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
      ...account.emailAndPassword,
    },
    emailVerification: account.emailVerification,
    user: account.user,
    databaseHooks: account.databaseHooks,
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    plugins: [bearer(), ...oauthPlugins(config)],
    hooks: { before: signUpGuard(notifyExistingAccount, accountRules(db, config, sessionOf)) },
    // Counters live in Postgres so every replica enforces the same limits.
    rateLimit: {
      enabled: config.authRateLimit,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 10 },
        "/request-password-reset": { window: 60, max: 5 },
        "/reset-password": { window: 60, max: 10 },
        "/change-password": { window: 60, max: 10 },
        "/delete-user": { window: 60, max: 10 },
      },
    },
    telemetry: { enabled: false },
    advanced: {
      // Set by auth.routes.ts to the one address client-address.ts trusts; nothing else is read.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    logger: { disabled: config.env === "test" },
  });
  late.sessionOf = (headers) => auth.api.getSession({ headers });
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;
