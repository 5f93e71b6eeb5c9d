// The list's `total` for lists filtered by status alone comes from per-container counters a trigger keeps
// (migration 0010, decision 026). After every kind of change — create, subtask, complete, reopen, move between
// projects and the Inbox, delete, undo of a delete, project deletion, hard deletes — each such total must equal
// what paging through the list finds, for the owner and for a member of a shared project.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../test/databases";
import { insertUser } from "../../../../test/users";
import { listActivity, undoActivity } from "../activity/activity.service";
import type { Database } from "../db/client";
import { containerCounts, tasks as taskTable, users } from "../db/schema";
import { addMember, createProject, deleteProject } from "../projects/projects.service";
import { completeTask, createTask, deleteTask, listTasks, reopenTask, updateTask } from "./tasks.service";

describe.each(databaseKinds)("list totals kept by counters on %s", (kind) => {
  let database: TestDatabase;
  let db: Database;
  let owner: string;
  let member: string;
  let home: string;
  let work: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.handle.db;
    owner = await insertUser(db, "Owner");
    member = await insertUser(db, "Member");
    home = (await createProject(db, owner, { name: "Home" })).id;
    work = (await createProject(db, owner, { name: "Work" })).id;
    const [m] = await db.select({ email: users.email }).from(users).where(eq(users.id, member));
    await addMember(db, owner, home, { email: m?.email, role: "editor" });
  });
  afterAll(() => database.drop());

  /** Every task of a list, by paging it with the cursor (what the total must match). */
  async function walk(userId: string, query: Record<string, unknown>): Promise<number> {
    let seen = 0;
    let cursor: string | undefined;
    for (;;) {
      const page = await listTasks(db, userId, { ...query, limit: 7, ...(cursor ? { cursor } : {}) });
      seen += page.tasks.length;
      if (!page.next_cursor) return seen;
      cursor = page.next_cursor;
    }
  }

  async function expectTotalsRight(step: string) {
    for (const userId of [owner, member]) {
      for (const status of ["all", "pending", "completed"] as const) {
        for (const parent of [undefined, "none"] as const) {
          for (const project of [undefined, "inbox", home, work]) {
            const query = { status, ...(parent ? { parent } : {}), ...(project ? { project } : {}) };
            const { total } = await listTasks(db, userId, { ...query, limit: 1 });
            expect(total, `${step}: ${userId === owner ? "owner" : "member"} ${JSON.stringify(query)}`).toBe(
              await walk(userId, query),
            );
          }
        }
      }
    }
  }

  it("stay right through every kind of change", async () => {
    await expectTotalsRight("empty");
    const a = await createTask(db, owner, { title: "inbox a" });
    const b = await createTask(db, owner, { title: "home b", project_id: home });
    const c = await createTask(db, member, { title: "home c by the member", project_id: home });
    await createTask(db, owner, { title: "work d", project_id: work });
    const sub = await createTask(db, owner, { title: "sub of b", parent_id: b.id });
    await createTask(db, owner, { title: "sub of sub", parent_id: sub.id });
    await createTask(db, member, { title: "member's inbox" });
    await expectTotalsRight("created");

    await completeTask(db, owner, a.id);
    await completeTask(db, owner, sub.id);
    await expectTotalsRight("completed");
    await reopenTask(db, owner, sub.id);
    await expectTotalsRight("reopened");

    await updateTask(db, owner, b.id, { project_id: work }); // moves its subtree along
    await expectTotalsRight("moved to work");
    await updateTask(db, owner, b.id, { project_id: null });
    await expectTotalsRight("moved to the inbox");
    await updateTask(db, owner, sub.id, { parent_id: null });
    await expectTotalsRight("subtask made a top task");
    await updateTask(db, owner, b.id, { title: "renamed, nothing counted changes" });

    const deleted = await deleteTask(db, member, c.id);
    await expectTotalsRight("deleted");
    const entry = (await listActivity(db, member)).find((e) => e.action === "task.deleted" && e.task_id === deleted.id);
    expect(entry?.action).toBe("task.deleted");
    await undoActivity(db, member, entry?.id);
    await expectTotalsRight("delete undone");

    await db.delete(taskTable).where(eq(taskTable.title, "member's inbox"));
    await expectTotalsRight("hard delete");
    await deleteProject(db, owner, work);
    await expectTotalsRight("project deleted");
  });

  it("are what a count of the tasks table gives, for every container", async () => {
    const counted = await db.execute(
      sql`select case when project_id is null then 'u:' || user_id else 'p:' || project_id end as container,
              count(*)::int as live, (count(*) filter (where not completed))::int as pending
         from tasks where deleted_at is null group by 1 order by 1`,
    );
    const kept = await db.select().from(containerCounts);
    const nonEmpty = kept.filter((k) => k.live !== 0).sort((x, y) => x.container.localeCompare(y.container));
    expect(nonEmpty.map(({ container, live, pending }) => ({ container, live, pending }))).toEqual(
      (counted as unknown as { rows: unknown[] }).rows,
    );
    expect(kept.every((k) => k.live >= 0 && k.pending >= 0 && k.topLive >= 0 && k.topPending >= 0)).toBe(true);
  });
});
