// The projects migration on a database that holds data of the old shape (tasks numbered per owner, no projects):
// every task stays in its owner's Inbox under the number it had, nothing is lost, numbering carries on.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase, databaseKinds } from "../../../../test/databases";
import { createProject } from "../projects/projects.service";
import { createTask, getTask, listTasks } from "../tasks/tasks.service";
import { createDatabase, type DatabaseHandle, migrationsFolder } from "./client";

/** A migrations folder holding only the first migration: the schema as it was before projects. */
function initialMigrationsOnly(): string {
  const dir = mkdtempSync(join(tmpdir(), "todo-migrations-"));
  mkdirSync(join(dir, "meta"));
  const journal = JSON.parse(readFileSync(join(migrationsFolder(), "meta", "_journal.json"), "utf8"));
  journal.entries = journal.entries.slice(0, 1);
  writeFileSync(join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  copyFileSync(join(migrationsFolder(), `${journal.entries[0].tag}.sql`), join(dir, `${journal.entries[0].tag}.sql`));
  return dir;
}

async function migrateTo(handle: DatabaseHandle, folder: string) {
  if (handle.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(handle.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: folder });
  }
}

describe.each(databaseKinds)("projects migration on %s", (kind) => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    if (kind === "postgres") {
      const empty = await createEmptyPostgresDatabase();
      handle = await createDatabase({ url: empty.url, poolMax: 3 });
      drop = empty.drop;
    } else {
      handle = await createDatabase({ dataDir: "memory://", template: false });
    }
    await migrateTo(handle, initialMigrationsOnly());
    const db = handle.db;
    // Old-shape data: two users, numbers with gaps (a deleted task 2), a counter ahead of the highest number.
    await db.execute(sql`insert into users (id, name, email) values ('u1', 'Ann', 'ann@example.test'),
                                                                   ('u2', 'Ben', 'ben@example.test')`);
    await db.execute(sql`insert into tasks (user_id, number, title, tags, due_at, recurrence, completed, completed_at)
      values ('u1', 1, 'first', '{home}', '2026-12-01T09:00:00Z', 'FREQ=WEEKLY', false, null),
             ('u1', 3, 'third', '{}', null, null, true, '2026-11-30T10:00:00Z'),
             ('u2', 1, 'bens', '{work}', null, null, false, null)`);
    await db.execute(sql`insert into task_counters (user_id, last_number) values ('u1', 4), ('u2', 1)`);
    await handle.migrate();
  });
  afterAll(async () => {
    await handle.close();
    await drop();
  });

  it("keeps every task in its owner's Inbox under its old number", async () => {
    const ann = await listTasks(handle.db, "u1", { sort: "title" });
    expect(ann.tasks.map((t) => [t.id, t.title, t.project_id, t.parent_id])).toEqual([
      [1, "first", null, null],
      [3, "third", null, null],
    ]);
    expect(await getTask(handle.db, "u1", 1)).toMatchObject({
      tags: ["home"],
      due_at: "2026-12-01T09:00:00.000Z",
      recurrence: "FREQ=WEEKLY",
      subtasks: { total: 0, done: 0 },
      assignee: null,
    });
    expect(await getTask(handle.db, "u1", 3)).toMatchObject({
      completed: true,
      completed_at: "2026-11-30T10:00:00.000Z",
    });
    expect((await listTasks(handle.db, "u2", {})).tasks.map((t) => [t.id, t.title])).toEqual([[1, "bens"]]);
    await expect(getTask(handle.db, "u2", 3)).rejects.toMatchObject({ code: "not_found" });
    // Manual order starts as the old creation order.
    const positions = (await listTasks(handle.db, "u1", { sort: "position", order: "asc" })).tasks.map((t) => t.id);
    expect(positions).toEqual([1, 3]);
  });

  it("carries numbering on from the old counter and works with projects", async () => {
    expect((await createTask(handle.db, "u1", { title: "after migration" })).id).toBe(5);
    const project = await createProject(handle.db, "u2", { name: "Shared" });
    expect((await createTask(handle.db, "u2", { title: "in project", project_id: project.id })).id).toBe(2);
  });
});
