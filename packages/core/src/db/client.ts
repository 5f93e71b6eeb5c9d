// Database factory: node-postgres when a DATABASE_URL is given, embedded PGlite otherwise.
// Both are exposed as the same Drizzle type so every service is written once.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock";
import { schema } from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** The raw PGlite instance in embedded mode (PGlite allows one per data directory and process). */
  pglite?: PGlite;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  /** Applies pending migrations; several replicas may call it at once. */
  migrate(): Promise<void>;
  /** True when every committed migration has been applied. */
  isMigrated(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Postgres URL; when absent an embedded PGlite database is used. */
  url?: string;
  /** The service's DATA_DIR; PGlite keeps its files in `<dataDir>/pglite`. `memory://` keeps them in memory. */
  dataDir?: string;
  poolMax?: number;
  /**
   * Postgres only: the server cancels a statement running longer than this (statement_timeout), and the client
   * gives up on an answer 1 s later (a frozen server cannot cancel anything). Migrations are not limited.
   */
  statementTimeoutMs?: number;
  /** PGlite only: a new data directory starts from the prebuilt template when there is one (default true). */
  template?: boolean;
}

/** Default statement timeout: far above any query of the app (milliseconds), far below a client's patience. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;

/** Any value works as long as every replica uses the same one: it serialises concurrent migrators. */
const MIGRATION_LOCK_ID = 727_411_001;

/** The @todo/core package directory (in an image: node_modules/@todo/core beside the bundle). */
export function coreDir(): string {
  return dirname(createRequire(import.meta.url).resolve("@todo/core/package.json"));
}

export function migrationsFolder(): string {
  return join(coreDir(), "src", "db", "migrations");
}

function migrationCount(): number {
  return readMigrationFiles({ migrationsFolder: migrationsFolder() }).length;
}

async function appliedCount(query: (sql: string) => Promise<{ rows: unknown[] }>): Promise<number> {
  try {
    const res = await query("select count(*)::int as n from drizzle.__drizzle_migrations");
    return (res.rows[0] as { n: number }).n;
  } catch {
    return 0;
  }
}

export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    return createPostgres(
      options.url,
      options.poolMax ?? 10,
      options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    );
  }
  const dataDir = options.dataDir ?? "memory://";
  const template = options.template ?? true;
  if (dataDir.startsWith("memory://")) return createPglite(dataDir, template);
  mkdirSync(dataDir, { recursive: true });
  const release = await lockDataDir(dataDir);
  try {
    return await createPglite(join(dataDir, "pglite"), template, release);
  } catch (error) {
    await release();
    throw error;
  }
}

function createPostgres(url: string, max: number, statementTimeoutMs: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Also bounds the wait for a free connection when every one is busy.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 1_000,
  });
  // An idle client losing its connection (database restarted) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  const expected = migrationCount();
  return {
    db,
    kind: "postgres",
    async ping() {
      await pool.query("select 1");
    },
    async migrate() {
      // Its own connection without the pool's timeouts: waiting for another replica's migration lock, or a long
      // migration, is expected here.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
        try {
          await migratePg(drizzlePg(client, { schema }), {
            migrationsFolder: migrationsFolder(),
          });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]);
        }
      } finally {
        await client.end();
      }
    },
    async isMigrated() {
      return (await appliedCount((q) => pool.query(q))) >= expected;
    },
    async close() {
      await pool.end();
    },
  };
}

async function createPglite(
  dataDir: string,
  useTemplate: boolean,
  releaseLock?: () => Promise<void>,
): Promise<DatabaseHandle> {
  // Loaded only in embedded mode, so a deployment on Postgres never needs the PGlite package.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }, embedded] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
    import("./embedded"),
  ]);
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  // A new data directory starts from the migrated template when one was built for these migrations (no initdb,
  // no migrations to apply); otherwise PGlite runs initdb and migrate() applies everything.
  const template = useTemplate && !embedded.hasDataDirectory(dataDir) ? embedded.loadTemplate() : undefined;
  const client = new PGlite(dataDir, {
    startParams: embedded.EMBEDDED_START_PARAMS,
    extensions: embedded.EMBEDDED_EXTENSIONS,
    ...(template ? { loadDataDir: template } : {}),
  });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  const expected = migrationCount();
  let closed = false;
  return {
    db,
    kind: "pglite",
    pglite: client,
    async ping() {
      if (closed) throw new Error("database is closed");
      await client.query("select 1");
    },
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), {
        migrationsFolder: migrationsFolder(),
      });
    },
    async isMigrated() {
      return (await appliedCount((q) => client.query(q))) >= expected;
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      await releaseLock?.();
    },
  };
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  // statement_timeout: the database is too slow to answer right now, which a client should treat the same way.
  "57014",
]);
const CONNECTION_MESSAGES =
  /Connection terminated|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error|database is closed|PGlite is clos(?:ed|ing)|the database system is (starting up|shutting down)/i;

/** True when an error (or anything in its cause chain) means the database could not be reached in time. */
export function isConnectionError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
    if (e instanceof Error && CONNECTION_MESSAGES.test(e.message)) return true;
  }
  return false;
}
