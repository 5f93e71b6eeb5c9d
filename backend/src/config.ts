// The only file that reads process.env: validates the whole environment at once and exports a frozen object.
import { resolve } from "node:path";
import { developmentSecret } from "@todo/core/auth/development-secret";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("0.0.0.0"),
    PORT: z.coerce.number().int().min(1).max(65535).default(8000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    DATA_DIR: z.string().min(1).default("./data"),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    BETTER_AUTH_URL: z
      .url()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    TRUSTED_ORIGINS: z.string().default(""),
    MCP_SERVER_URL: z.url().default("http://localhost:8080"),
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_MODEL: z.string().default("gpt-4o-mini"),
    OPENAI_BASE_URL: z
      .url()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
    AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
    MCP_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    EMBEDDED_MCP: z.enum(["true", "false"]).default("true"),
    SESSION_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(15_000),
    MIGRATE_ON_START: z.enum(["true", "false"]).default("true"),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.BETTER_AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["BETTER_AUTH_SECRET"], message: "is required when NODE_ENV=production" });
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
  mcpServerUrl: string;
  openai: { apiKey: string | undefined; model: string; baseUrl: string | undefined };
  logLevel: Env["LOG_LEVEL"];
  maxBodyBytes: number;
  authRateLimit: boolean;
  shutdownTimeoutMs: number;
  migrateOnStart: boolean;
  /** How long a resolved session is reused in-process; 0 turns the cache off. */
  sessionCacheMs: number;
  /** Embedded mode (no DATABASE_URL): this process also serves the MCP endpoint on this port. */
  embeddedMcpPort: number | undefined;
  version: string;
  /** Set when the development secret had to be generated; the caller logs it. */
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  const env = parsed.data;
  const warnings: string[] = [];
  const dataDir = resolve(env.DATA_DIR);
  let authSecret = env.BETTER_AUTH_SECRET;
  if (!authSecret) {
    const generated = developmentSecret(dataDir);
    authSecret = generated.secret;
    warnings.push(`BETTER_AUTH_SECRET is not set; using a development secret kept in ${generated.file}`);
  }
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
      ...new Set([
        authUrl,
        "http://localhost:3000",
        "http://127.0.0.1:3000",
        ...env.TRUSTED_ORIGINS.split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ]),
    ],
    mcpServerUrl: env.MCP_SERVER_URL,
    openai: { apiKey: env.OPENAI_API_KEY || undefined, model: env.OPENAI_MODEL, baseUrl: env.OPENAI_BASE_URL },
    logLevel: env.LOG_LEVEL,
    maxBodyBytes: env.MAX_BODY_BYTES,
    authRateLimit: env.AUTH_RATE_LIMIT === "on",
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    migrateOnStart: env.MIGRATE_ON_START === "true",
    sessionCacheMs: env.SESSION_CACHE_MS,
    embeddedMcpPort: !env.DATABASE_URL && env.EMBEDDED_MCP === "true" ? env.MCP_PORT : undefined,
    version: "0.1.0",
    warnings,
  });
}
