// The only file of the MCP server that reads process.env: validates it all at once, exports a frozen object.
import { resolve } from "node:path";
import { developmentSecret } from "@todo/core/auth/development-secret";
import { z } from "zod";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("0.0.0.0"),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    DATA_DIR: z.string().min(1).default("./data"),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    MCP_ALLOWED_ORIGINS: z.string().default(""),
    MCP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
    MCP_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(262_144),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.BETTER_AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["BETTER_AUTH_SECRET"], message: "is required when NODE_ENV=production" });
    }
  });

export interface McpConfig {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolMax: number;
  authSecret: string;
  allowedOrigins: string[];
  rateLimitPerMinute: number;
  maxBodyBytes: number;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  version: string;
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): McpConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  const env = parsed.data;
  const dataDir = resolve(env.DATA_DIR);
  const warnings: string[] = [];
  let authSecret = env.BETTER_AUTH_SECRET;
  if (!authSecret) {
    const generated = developmentSecret(dataDir);
    authSecret = generated.secret;
    warnings.push(`BETTER_AUTH_SECRET is not set; using the development secret in ${generated.file}`);
  }
  const local = ["http://localhost", "http://127.0.0.1"].flatMap((h) => [`${h}:3000`, `${h}:${env.PORT}`, `${h}:6274`]);
  return Object.freeze({
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    dbPoolMax: env.DB_POOL_MAX,
    authSecret,
    allowedOrigins: [
      ...new Set([
        ...local,
        ...env.MCP_ALLOWED_ORIGINS.split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ]),
    ],
    rateLimitPerMinute: env.MCP_RATE_LIMIT_PER_MINUTE,
    maxBodyBytes: env.MCP_MAX_BODY_BYTES,
    logLevel: env.LOG_LEVEL,
    version: "0.1.0",
    warnings,
  });
}
