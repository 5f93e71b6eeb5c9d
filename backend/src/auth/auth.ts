// Better Auth (email + password, sessions, bearer tokens for scripts) on the application's own database.
import type { Database } from "@todo/core/db/client";
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

/** Postgres' unique_violation, as the drizzle error carries it in its cause. */
function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return (error as { code?: unknown } | undefined)?.code === "23505" || cause?.code === "23505";
}

/**
 * The drizzle adapter with unique violations named as such: drizzle wraps them in "Failed query: …", and Better
 * Auth's plugins recognise a lost insert race by the words "unique" or "duplicate" (the OAuth provider seeds its
 * resource at start-up on every replica at once; without this, the replica that loses the race fails every request).
 */
function raceAwareDrizzleAdapter(db: Database, config: Parameters<typeof drizzleAdapter>[1]) {
  const factory = drizzleAdapter(db, config);
  return (options: Parameters<typeof factory>[0]) => {
    const adapter = factory(options);
    const create: typeof adapter.create = async (args) => {
      try {
        return await adapter.create(args);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new Error(`duplicate key (unique violation) in ${args.model}`, { cause: error });
      }
    };
    return { ...adapter, create };
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
