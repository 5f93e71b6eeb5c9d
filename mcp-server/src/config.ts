// The only file of the MCP server that reads process.env: validates it all at once, exports a frozen object.
import { resolve } from "node:path";
import { commonEnv, optionalUrl, parseEnv, requireSecretInProduction, resolveAuthSecret } from "@todo/core/config/env";
import { z } from "zod";

export { ConfigError } from "@todo/core/config/env";

const EnvSchema = z
  .object({
    ...commonEnv,
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    MCP_ALLOWED_ORIGINS: z.string().default(""),
    MCP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
    MCP_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(262_144),
    MCP_PUBLIC_URL: optionalUrl,
    BETTER_AUTH_URL: optionalUrl,
  })
  .superRefine(requireSecretInProduction);

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
  /** This endpoint's public URL (MCP_PUBLIC_URL): the OAuth resource, the audience an access token must name. */
  publicUrl: string;
  /** The OAuth authorization server's issuer: <BETTER_AUTH_URL>/api/auth (the backend, or the app in front of it). */
  oauthIssuer: string;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  version: string;
  warnings: string[];
}

export function loadConfig(source: Record<string, string | undefined> = process.env): McpConfig {
  const env = parseEnv(EnvSchema, source);
  const dataDir = resolve(env.DATA_DIR);
  const auth = resolveAuthSecret(env.BETTER_AUTH_SECRET, dataDir);
  const local = ["http://localhost", "http://127.0.0.1"].flatMap((h) => [`${h}:3000`, `${h}:${env.PORT}`, `${h}:6274`]);
  return Object.freeze({
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    dbPoolMax: env.DB_POOL_MAX,
    authSecret: auth.secret,
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
    publicUrl: env.MCP_PUBLIC_URL ?? `http://localhost:${env.PORT}/mcp`,
    oauthIssuer: `${(env.BETTER_AUTH_URL ?? "http://localhost:8000").replace(/\/$/, "")}/api/auth`,
    logLevel: env.LOG_LEVEL,
    version: "0.1.0",
    warnings: auth.warning ? [auth.warning] : [],
  });
}
