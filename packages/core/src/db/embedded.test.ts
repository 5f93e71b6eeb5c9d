// The embedded database template (issue 19): a fresh data directory loaded from it is the same database that
// initdb + every migration produce, and a template built from other migrations is never picked.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle, migrationsFolder } from "./client";
import {
  buildTemplate,
  EMBEDDED_EXTENSIONS,
  EMBEDDED_START_PARAMS,
  loadTemplate,
  migrationsHash,
  templatePath,
} from "./embedded";

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), "todo-embedded-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every column of the public schema and every index, as text: what "the same database" means here. */
type Rows = { rows: Record<string, unknown>[] };

async function shape(handle: DatabaseHandle) {
  const columns = (await handle.db.execute(sql`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = 'public' order by table_name, column_name`)) as Rows;
  const indexes = (await handle.db.execute(
    sql`select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`,
  )) as Rows;
  const applied = (await handle.db.execute(
    sql`select hash from drizzle.__drizzle_migrations order by created_at`,
  )) as Rows;
  return { columns: columns.rows, indexes: indexes.rows, applied: applied.rows };
}

describe("embedded database template", () => {
  it("loads into a new data directory as the same migrated database initdb + migrate give", async () => {
    const path = join(temp(), "template.tgz");
    await buildTemplate(path);
    const blob = loadTemplate(path);
    expect(blob?.size).toBeGreaterThan(100_000);

    const { PGlite } = await import("@electric-sql/pglite");
    const loaded = new PGlite(join(temp(), "pglite"), {
      startParams: EMBEDDED_START_PARAMS,
      extensions: EMBEDDED_EXTENSIONS,
      loadDataDir: blob,
    });
    const plain = await createDatabase({ dataDir: join(temp(), "plain"), template: false });
    try {
      await plain.migrate();
      const { drizzle } = await import("drizzle-orm/pglite");
      const loadedHandle = { db: drizzle(loaded) } as unknown as DatabaseHandle;
      const [a, b] = [await shape(loadedHandle), await shape(plain)];
      expect(a.columns.length).toBeGreaterThan(20);
      expect(a).toEqual(b);
      expect((await loaded.query<{ shared_buffers: string }>("show shared_buffers")).rows[0]?.shared_buffers).toBe(
        "16MB",
      );
    } finally {
      await loaded.close();
      await plain.close();
    }
  }, 120_000);

  it("names the template by the migrations it holds, so a changed migration never loads an old one", () => {
    const folder = join(temp(), "migrations");
    cpSync(migrationsFolder(), folder, { recursive: true });
    expect(migrationsHash(folder)).toBe(migrationsHash());
    expect(templatePath(folder)).toBe(templatePath());
    writeFileSync(join(folder, "9999_extra.sql"), "select 1;");
    expect(migrationsHash(folder)).not.toBe(migrationsHash());
    expect(templatePath(folder)).not.toBe(templatePath());
    expect(loadTemplate(join(temp(), "missing.tgz"))).toBeUndefined();
  });

  it("a data directory that exists is opened as it is, never overwritten by the template", async () => {
    const dataDir = temp();
    const first = await createDatabase({ dataDir });
    await first.migrate();
    await first.db.execute(sql`create table kept (v text)`);
    await first.db.execute(sql`insert into kept values ('still here')`);
    await first.close();
    expect(existsSync(join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    const again = await createDatabase({ dataDir });
    try {
      expect(((await again.db.execute(sql`select v from kept`)) as Rows).rows).toEqual([{ v: "still here" }]);
      expect(await again.isMigrated()).toBe(true);
    } finally {
      await again.close();
    }
  }, 120_000);
});
