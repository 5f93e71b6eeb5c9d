// Embedded PGlite: the settings it runs with, and the migrated data directory a fresh start loads instead of
// running initdb and every migration (issue 19: a fresh start took 10-12 s and left ~850 MB resident, because
// initdb's WebAssembly heap grows large and a WebAssembly memory never shrinks). See
// docs/decisions/024-embedded-footprint.md.
//
// The template is a gzipped tarball of a data directory that PGlite's own dumpDataDir wrote after applying the
// migrations; its file name carries a hash of the migration files it holds, so a template built from other
// migrations is never used (the start falls back to initdb + migrate, which is always correct).
// Loaded only in embedded mode (client.ts imports it dynamically), like PGlite itself.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { coreDir, migrationsFolder } from "./client";
import { schema } from "./schema";

/**
 * PGlite's own start parameters, with Postgres' shared buffers at 16 MB instead of 128 MB: PGlite touches all of
 * them at start, so they are resident for the life of the process. An embedded database serves one household's
 * tasks; the operating system's page cache still holds the data files.
 */
export const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/** The extensions the migrations use: trigram indexes for the list's search (migration 0004, decision 019). */
export const EMBEDDED_EXTENSIONS = { pg_trgm };

/** A hash of the migrations: the journal and every SQL file, in name order. */
export function migrationsHash(folder = migrationsFolder()): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(join(folder, "meta", "_journal.json")));
  for (const name of readdirSync(folder)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    hash.update(name);
    hash.update(readFileSync(join(folder, name)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Where the template for the current migrations is (or would be) kept. */
export function templatePath(folder = migrationsFolder()): string {
  return join(coreDir(), "dist", `embedded-${migrationsHash(folder)}.tgz`);
}

/** The template for the current migrations, or undefined when none was built (a start then runs initdb). */
export function loadTemplate(path = templatePath()): Blob | undefined {
  if (!existsSync(path)) return undefined;
  return new Blob([readFileSync(path)]);
}

/** True when `dir` already holds a PGlite data directory (so a template must not be loaded into it). */
export function hasDataDirectory(dir: string): boolean {
  return dir.startsWith("memory://") ? false : existsSync(join(dir, "PG_VERSION"));
}

/**
 * Builds the template: a data directory in memory, migrated, dumped as a gzipped tarball to `path` (written to a
 * temporary name and renamed, so a reader never sees half a file). Returns the path.
 */
export async function buildTemplate(path = templatePath()): Promise<string> {
  const client = new PGlite("memory://", { startParams: EMBEDDED_START_PARAMS, extensions: EMBEDDED_EXTENSIONS });
  try {
    await client.waitReady;
    await migrate(drizzle(client, { schema }), { migrationsFolder: migrationsFolder() });
    const tarball = await client.dumpDataDir("gzip");
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    renameSync(partial, path);
    return path;
  } finally {
    await client.close();
  }
}
