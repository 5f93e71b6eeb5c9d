// The only file that reads process.env: validates the whole environment at once and exports a frozen object.
import { resolve } from "node:path";
import { EmailVerificationMode, SignupMode } from "@todo/contract/account";
import {
  ConfigError,
  commonEnv,
  optionalUrl,
  parseEnv,
  requireSecretInProduction,
  resolveAuthSecret,
} from "@todo/core/config/env";
import { MailFrom, SmtpUrl } from "@todo/core/mail/mailer";
import {
  resolveVapid,
  type VapidKeys,
  VapidPrivateKey,
  VapidPublicKey,
  VapidSubject,
} from "@todo/core/reminders/vapid";
import { z } from "zod";
import { compileTrust, type TrustProxy } from "./http/client-address";

const list = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** "none" (or empty) trusts no proxy; otherwise IPs, CIDRs and proxy-addr's names, comma-separated. */
const TrustedProxies = z
  .string()
  .default("loopback")
  .transform((value, ctx) => {
    const entries = value.trim().toLowerCase() === "none" ? [] : list(value);
    try {
      return { entries, trust: compileTrust(entries) };
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        message: `${(error as Error).message} (use IPs, CIDRs, loopback, linklocal, uniquelocal or none)`,
      });
      return z.NEVER;
    }
  });

const EnvSchema = z
  .object({
    ...commonEnv,
    PORT: z.coerce.number().int().min(1).max(65535).default(8000),
    BETTER_AUTH_URL: optionalUrl,
    TRUSTED_ORIGINS: z.string().default(""),
    MCP_SERVER_URL: z.url().optional(),
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_MODEL: z.string().default("gpt-4o-mini"),
    OPENAI_BASE_URL: optionalUrl,
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
    AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
    CHAT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
    MCP_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    EMBEDDED_MCP: z.enum(["true", "false"]).default("true"),
    SESSION_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(15_000),
    MIGRATE_ON_START: z.enum(["true", "false"]).default("true"),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    TRUSTED_PROXIES: TrustedProxies,
    METRICS_TOKEN: z
      .string()
      .min(16, "must be at least 16 characters")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    SMTP_URL: SmtpUrl,
    MAIL_FROM: MailFrom,
    APP_URL: optionalUrl,
    // Account (issue 14, README "Account").
    SIGNUP: SignupMode.default("open"),
    ADMIN_EMAILS: z
      .string()
      .default("")
      .transform((value, ctx) => {
        const emails = list(value).map((e) => e.toLowerCase());
        const bad = emails.find((e) => !z.email().safeParse(e).success);
        if (bad) {
          ctx.addIssue({ code: "custom", message: `"${bad}" is not an email address (comma-separated emails)` });
          return z.NEVER;
        }
        return emails;
      }),
    EMAIL_VERIFICATION: EmailVerificationMode.default("off"),
    VAPID_PUBLIC_KEY: VapidPublicKey,
    VAPID_PRIVATE_KEY: VapidPrivateKey,
    VAPID_SUBJECT: VapidSubject,

    MCP_PUBLIC_URL: optionalUrl,
  })
  .superRefine(requireSecretInProduction)
  .superRefine((env, ctx) => {
    if (env.EMAIL_VERIFICATION !== "off" && !env.SMTP_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["EMAIL_VERIFICATION"],
        message: `"${env.EMAIL_VERIFICATION}" needs SMTP_URL to send the verification email (or set it to off)`,
      });
    }
    if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: [env.VAPID_PUBLIC_KEY ? "VAPID_PRIVATE_KEY" : "VAPID_PUBLIC_KEY"],
        message: "set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY together (npx web-push generate-vapid-keys), or neither",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env["NODE_ENV"];
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolMax: number;
  authSecret: string;
  authUrl: string;
  trustedOrigins: string[];
  /**
   * Where the agent reaches the MCP server over HTTP, with a short-lived token; undefined in embedded mode, where the
   * agent calls the tools in this process with the session's user (docs/decisions/011-tools-defined-once.md).
   */
  mcpServerUrl: string | undefined;
  openai: { apiKey: string | undefined; model: string; baseUrl: string | undefined };
  logLevel: Env["LOG_LEVEL"];
  maxBodyBytes: number;
  authRateLimit: boolean;
  /** Assistant turns one user may start per minute in this replica (429 with Retry-After beyond it). */
  chatTurnsPerMinute: number;
  shutdownTimeoutMs: number;
  /** After SIGTERM, /ready answers 503 for this long before the server stops accepting (load balancers drain). */
  shutdownDelayMs: number;
  /** Peers whose X-Forwarded-For is believed (the frontend's hop); everyone else is their socket address. */
  trustedProxies: { entries: string[]; trust: TrustProxy };
  /** When set, /metrics wants `Authorization: Bearer <token>`; unset, it answers loopback callers only. */
  metricsToken: string | undefined;
  dbStatementTimeoutMs: number;
  /** Outgoing email; off without SMTP_URL. */
  mail: { smtpUrl: string | undefined; from: string };
  /** Where people open the app (links in emails): the frontend's public address. */
  appUrl: string;
  /** Account administration and sign-up (issue 14). */
  account: { signup: SignupMode; adminEmails: string[]; emailVerification: EmailVerificationMode };

  /** Web Push keys: from VAPID_* or generated once into DATA_DIR. */
  vapid: VapidKeys;

  /**
   * The MCP endpoint's public URL (MCP_PUBLIC_URL): the one resource OAuth access tokens are issued for (their
   * audience, RFC 8707). Default: port 8080 (or the embedded MCP port) on localhost.
   */
  mcpPublicUrl: string;
  migrateOnStart: boolean;
  /** How long a resolved session is reused in-process; 0 turns the cache off. */
  sessionCacheMs: number;
  /** Embedded mode (no DATABASE_URL): this process also serves the MCP endpoint on this port. */
  embeddedMcpPort: number | undefined;
  version: string;
  /** Set when the development secret had to be generated; the caller logs it. */
  warnings: string[];
}

export { ConfigError };

const DEFAULT_MCP_SERVER_URL = "http://localhost:8080";
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

/** True when `url` names this process's own embedded MCP endpoint (as `npm start` sets it). */
function isOwnMcpEndpoint(url: string, host: string, mcpPort: number): boolean {
  const { hostname, port, protocol } = new URL(url);
  const effectivePort = Number(port || (protocol === "https:" ? 443 : 80));
  return (LOOPBACK.has(hostname) || hostname === host) && effectivePort === mcpPort;
}

/**
 * Embedded mode (no DATABASE_URL: one process, one PGlite database) runs the agent's tools in-process unless
 * MCP_SERVER_URL points to another process; otherwise the agent reaches MCP over HTTP.
 */
function agentMcpUrl(env: Env): string | undefined {
  if (!env.DATABASE_URL) {
    if (!env.MCP_SERVER_URL) return undefined;
    if (env.EMBEDDED_MCP === "true" && isOwnMcpEndpoint(env.MCP_SERVER_URL, env.HOST, env.MCP_PORT)) return undefined;
  }
  return env.MCP_SERVER_URL ?? DEFAULT_MCP_SERVER_URL;
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const env = parseEnv(EnvSchema, source);
  const dataDir = resolve(env.DATA_DIR);
  const auth = resolveAuthSecret(env.BETTER_AUTH_SECRET, dataDir);
  const warnings = auth.warning ? [auth.warning] : [];
  const vapid = resolveVapid({
    publicKey: env.VAPID_PUBLIC_KEY,
    privateKey: env.VAPID_PRIVATE_KEY,
    subject: env.VAPID_SUBJECT,
    dataDir,
  });
  if (vapid.warning) warnings.push(vapid.warning);
  const authSecret = auth.secret;
  const authUrl = env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`;
  return Object.freeze({
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    dbPoolMax: env.DB_POOL_MAX,
    authSecret,
    authUrl,
    trustedOrigins: [
      ...new Set([authUrl, "http://localhost:3000", "http://127.0.0.1:3000", ...list(env.TRUSTED_ORIGINS)]),
    ],
    mcpServerUrl: agentMcpUrl(env),
    openai: { apiKey: env.OPENAI_API_KEY || undefined, model: env.OPENAI_MODEL, baseUrl: env.OPENAI_BASE_URL },
    logLevel: env.LOG_LEVEL,
    maxBodyBytes: env.MAX_BODY_BYTES,
    authRateLimit: env.AUTH_RATE_LIMIT === "on",
    chatTurnsPerMinute: env.CHAT_RATE_LIMIT_PER_MINUTE,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    shutdownDelayMs: env.SHUTDOWN_DELAY_MS,
    trustedProxies: env.TRUSTED_PROXIES,
    metricsToken: env.METRICS_TOKEN,
    dbStatementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    appUrl: env.APP_URL ?? "http://localhost:3000",
    account: { signup: env.SIGNUP, adminEmails: env.ADMIN_EMAILS, emailVerification: env.EMAIL_VERIFICATION },

    vapid: vapid.keys,

    mcpPublicUrl:
      env.MCP_PUBLIC_URL ??
      `http://localhost:${!env.DATABASE_URL && env.EMBEDDED_MCP === "true" ? env.MCP_PORT : 8080}/mcp`,
    migrateOnStart: env.MIGRATE_ON_START === "true",
    sessionCacheMs: env.SESSION_CACHE_MS,
    embeddedMcpPort: !env.DATABASE_URL && env.EMBEDDED_MCP === "true" ? env.MCP_PORT : undefined,
    version: "0.1.0",
    warnings,
  });
}
