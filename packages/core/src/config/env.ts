// Environment pieces every service validates the same way. Each service's config.ts composes them with its own
// variables, reads process.env itself and reports every problem at once.
import { z } from "zod";
import { developmentSecret } from "../auth/development-secret";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const emptyAsUnset = z.literal("").transform(() => undefined);

export const commonEnv = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .or(emptyAsUnset),
  DATA_DIR: z.string().min(1).default("./data"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
};

export const optionalUrl = z.url().optional().or(emptyAsUnset);

/**
 * The auth secret is mandatory in production on Postgres (several replicas must share it). Embedded mode (no
 * DATABASE_URL: one process on its own DATA_DIR, as the one-container image runs) generates one once and keeps it
 * in DATA_DIR beside the database it protects, with a warning (design section 16).
 */
export function requireSecretInProduction(
  env: { NODE_ENV: string; BETTER_AUTH_SECRET?: string | undefined; DATABASE_URL?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.BETTER_AUTH_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["BETTER_AUTH_SECRET"],
      message: "is required when NODE_ENV=production with DATABASE_URL",
    });
  }
}

export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  return parsed.data;
}

export function resolveAuthSecret(secret: string | undefined, dataDir: string): { secret: string; warning?: string } {
  if (secret) return { secret };
  const generated = developmentSecret(dataDir);
  return {
    secret: generated.secret,
    warning: `BETTER_AUTH_SECRET is not set; using a development secret kept in ${generated.file} (generated once; set BETTER_AUTH_SECRET to choose your own, and keep the file with the data)`,
  };
}

/** Loads a service's configuration at start-up; on a ConfigError prints every problem and exits 1. */
export function loadConfigOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
