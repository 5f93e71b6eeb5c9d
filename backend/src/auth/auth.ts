// Better Auth (email + password, sessions, bearer tokens for scripts) on the application's own database.
import type { Database } from "@todo/core/db/client";
import { accounts, rateLimits, sessions, users, verifications } from "@todo/core/db/schema";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { bearer } from "better-auth/plugins/bearer";
import type { Logger } from "pino";
import type { Config } from "../config";
import { forwardedOrigin } from "./same-origin";
import { type NotifyExistingAccount, signUpGuard } from "./sign-up-guard";

/**
 * Until email exists (the SMTP issue), telling the owner of an account that someone tried to sign up with its
 * address is a log line; the mailer will take this hook's place.
 */
export function logExistingAccountSignUp(logger: Logger): NotifyExistingAccount {
  return async ({ userId }) => logger.info({ user: userId }, "sign-up attempted with the email of an existing account");
}

export function createAuth(db: Database, config: Config, notifyExistingAccount: NotifyExistingAccount) {
  return betterAuth({
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
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    plugins: [bearer()],
    hooks: { before: signUpGuard(notifyExistingAccount) },
    // Counters live in Postgres so every replica enforces the same limits.
    rateLimit: {
      enabled: config.authRateLimit,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 10 },
      },
    },
    telemetry: { enabled: false },
    advanced: {
      // Set by auth.routes.ts to the one address client-address.ts trusts; nothing else is read.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    logger: { disabled: config.env === "test" },
  });
}

export type Auth = ReturnType<typeof createAuth>;
