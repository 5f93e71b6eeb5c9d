import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase } from "../../../../test/databases";
import { insertUser } from "../../../../test/users";
import { createTask, listTasks, listTasksJson } from "../tasks/tasks.service";
import { createDatabase, type DatabaseHandle } from "./client";
import { executePrepared } from "./prepared";

describe("prepared statements on Postgres", () => {
  let empty: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let handle: DatabaseHandle;
  // One connection, so every statement lands on the connection that prepared it.
  beforeAll(async () => {
    empty = await createEmptyPostgresDatabase();
    handle = await createDatabase({ url: empty.url, poolMax: 1 });
    await handle.migrate();
  });
  afterAll(async () => {
    await handle.close();
    await empty.drop();
  });

  const prepared = async () =>
    (await executePrepared<{ name: string }>(handle.db, sql`select name from pg_prepared_statements order by name`))
      .map((r) => r.name)
      .filter((name) => name.startsWith("todo_"));

  it("prepares each query shape once per connection and reuses it", async () => {
    const user = await insertUser(handle.db);
    await createTask(handle.db, user, { title: "One" });
    await listTasks(handle.db, user);
    const afterFirst = await prepared();
    await createTask(handle.db, user, { title: "Two" });
    await listTasks(handle.db, user);
    await listTasks(handle.db, user, { sort: "title" });
    const afterMore = await prepared();
    // Same shapes reuse their statements; a new sort is a new shape.
    expect(afterFirst.length).toBeGreaterThanOrEqual(3);
    expect(afterMore).toEqual(expect.arrayContaining(afterFirst));
    expect(afterMore.length).toBe(afterFirst.length + 1);
    expect((await listTasks(handle.db, user)).tasks.map((t) => t.title)).toEqual(["Two", "One"]);
  });

  it("keeps working when a migration adds a column after the statements were prepared", async () => {
    const user = await insertUser(handle.db);
    await createTask(handle.db, user, { title: "Before" });
    await listTasksJson(handle.db, user);
    await handle.db.execute(sql`alter table tasks add column added_by_a_later_release text`);
    try {
      const created = await createTask(handle.db, user, { title: "After", tags: ["new"] });
      expect(created).toMatchObject({ id: 2, title: "After", tags: ["new"] });
      expect((await listTasks(handle.db, user)).tasks.map((t) => t.title)).toEqual(["After", "Before"]);
    } finally {
      await handle.db.execute(sql`alter table tasks drop column added_by_a_later_release`);
    }
  });
});
