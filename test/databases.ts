// Fresh databases for tests: an in-memory PGlite, or a new database on the machine's Postgres that is dropped
// afterwards. TEST_DATABASES=pglite,postgres (the default) chooses which kinds suites run on.
import { randomBytes } from "node:crypto";
import { createDatabase, type DatabaseHandle } from "@todo/core/db/client";
import pg from "pg";

export type DatabaseKind = "pglite" | "postgres";

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const databaseKinds: DatabaseKind[] = (process.env.TEST_DATABASES ?? "pglite,postgres")
  .split(",")
  .map((s) => s.trim())
  .filter((s): s is DatabaseKind => s === "pglite" || s === "postgres");

export interface TestDatabase {
  handle: DatabaseHandle;
  url?: string;
  drop(): Promise<void>;
}

export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `todo_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A migrated database of the given kind. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const handle = await createDatabase({ dataDir: "memory://" });
    await handle.migrate();
    return { handle, drop: () => handle.close() };
  }
  const empty = await createEmptyPostgresDatabase();
  const handle = await createDatabase({ url: empty.url, poolMax: 5 });
  await handle.migrate();
  return {
    handle,
    url: empty.url,
    async drop() {
      await handle.close();
      await empty.drop();
    },
  };
}
