import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase } from "../../../../test/databases";
import { createDatabase } from "./client";

describe("migrations", () => {
  it("are safe when several replicas apply them at once on Postgres", async () => {
    const empty = await createEmptyPostgresDatabase();
    const replicas = await Promise.all([1, 2, 3].map(() => createDatabase({ url: empty.url, poolMax: 2 })));
    try {
      expect(await replicas[0]!.isMigrated()).toBe(false);
      await Promise.all(replicas.map((r) => r.migrate()));
      for (const r of replicas) expect(await r.isMigrated()).toBe(true);
      const applied = (await replicas[0]!.db.execute(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      )) as unknown as { rows: { n: number }[] };
      // Each migration of the journal applied once, however many replicas raced.
      const journal = JSON.parse(readFileSync(new URL("./migrations/meta/_journal.json", import.meta.url), "utf8"));
      expect((applied.rows[0] as { n: number }).n).toBe(journal.entries.length);
      await replicas[1]!.migrate(); // idempotent
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
      await empty.drop();
    }
  });

  it("keeps embedded data in DATA_DIR across restarts", async () => {
    const dir = `/tmp/todo-pglite-${process.pid}-${Date.now()}`;
    const first = await createDatabase({ dataDir: dir });
    await first.migrate();
    await first.db.execute(sql`insert into users (id, name, email) values ('u1', 'U', 'u@example.test')`);
    await first.close();
    const second = await createDatabase({ dataDir: dir });
    expect(await second.isMigrated()).toBe(true);
    const rows = (await second.db.execute(sql`select email from users`)) as unknown as { rows: unknown[] };
    expect(rows.rows).toEqual([{ email: "u@example.test" }]);
    await second.close();
  });
});
