// The list is bounded by the page, not by the history (issue 19, decision 019): over 20,000 seeded tasks of one
// user (plus a neighbour and a shared project), every list query shape is explained as Postgres runs it, with the
// planner's custom and generic plans, and fails on a sequential scan of tasks or a sort of more rows than the
// containers' pages. Cursor paging is checked against the full order, ties included.
import { ListTasksQuery } from "@todo/contract/task";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
// @ts-expect-error: pg's own conversion of a parameter to its text (no types shipped for this module)
import { prepareValue } from "pg/lib/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase } from "../../../../test/databases";
import { insertUser } from "../../../../test/users";
import { createDatabase, type DatabaseHandle } from "../db/client";
import { listStatement, planEachTime } from "./list-query";
import { listQueryOf, listTasks } from "./tasks.service";

const N = 20_000;
/** Alice's tasks come in groups of ten created at the same moment. */
const TIES = 9;
const dialect = new PgDialect();

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Subplan Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The nodes that choose and format the page: all but the count of `total` (the CTE "counted"). */
function pageNodes(plan: PlanNode): PlanNode[] {
  if (plan["Subplan Name"] === "CTE counted") return [];
  return [plan, ...(plan.Plans ?? []).flatMap(pageNodes)];
}

describe("list query plans on Postgres (20,000 tasks)", () => {
  let empty: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let handle: DatabaseHandle;
  let client: pg.Client;
  let alice: string;
  let bob: string;
  const project = "p_plans_shared";

  beforeAll(async () => {
    empty = await createEmptyPostgresDatabase();
    handle = await createDatabase({ url: empty.url, poolMax: 2 });
    await handle.migrate();
    alice = await insertUser(handle.db, "Alice");
    bob = await insertUser(handle.db, "Bob");
    const db = handle.db;
    await db.execute(sql`insert into projects (id, name) values (${project}, 'Shared')`);
    await db.execute(
      sql`insert into project_members (project_id, user_id, role) values (${project}, ${alice}, 'owner'), (${project}, ${bob}, 'editor')`,
    );
    // Alice's Inbox: mostly completed history, due dates (a fifth without), four priorities, a common tag, a
    // rare tag, a rare word. Creation times come in groups of ten (ties), and Alice's numbers run against the
    // creation order inside each group, so the number really has to settle ties.
    await db.execute(sql`
      with t as (
        insert into tasks (user_id, title, description, completed, completed_at, priority, tags, due_at, position,
                           created_at, updated_at)
        select ${alice}, case when g % 7 = 0 then 'Standup' else 'Task ' || g end || case when g % 1000 = 0 then ' zebra' else '' end,
               'note ' || g, g % 10 <> 0, case when g % 10 <> 0 then now() end,
               (array['none','low','medium','high'])[1 + g % 4]::task_priority,
               case when g % 3 = 0 then array['work'] when g % 997 = 0 then array['rare'] else '{}'::text[] end,
               case when g % 5 = 3 then null else now() - interval '300 days' + (g / 3) * interval '30 minutes' end,
               g % 50, now() - interval '400 days' + (g / 10) * interval '20 minutes', now()
          from generate_series(1, ${N}) g
        returning id, created_at
      )
      insert into task_numbers (user_id, number, task_id)
      select ${alice}, row_number() over (order by created_at, id desc), id from t`);
    // Bob's Inbox (a neighbour) and the shared project, numbered for both.
    await db.execute(sql`
      with t as (
        insert into tasks (user_id, title, completed, due_at, created_at)
        select ${bob}, 'Bob ' || g, g % 2 = 0, now() + g * interval '1 hour', now() - g * interval '1 minute'
          from generate_series(1, 5000) g returning id, created_at
      )
      insert into task_numbers (user_id, number, task_id)
      select ${bob}, row_number() over (order by created_at, id), id from t`);
    await db.execute(sql`
      with t as (
        insert into tasks (user_id, project_id, title, completed, priority, due_at, position, created_at)
        select ${bob}, ${project}, 'Shared ' || (g % 40), g % 4 = 0, (array['none','high'])[1 + g % 2]::task_priority,
               case when g % 3 = 0 then null else now() + (g / 4) * interval '1 day' end, g % 13,
               now() - (g / 5) * interval '1 hour'
          from generate_series(1, 2000) g returning id, created_at
      ),
      a as (
        insert into task_numbers (user_id, number, task_id)
        select ${alice}, ${N} + row_number() over (order by created_at desc, id), id from t returning 1
      )
      insert into task_numbers (user_id, number, task_id)
      select ${bob}, 5000 + row_number() over (order by created_at, id), id from t`);
    await db.execute(sql`vacuum analyze tasks`);
    await db.execute(sql`vacuum analyze task_numbers`);
    await db.execute(sql`analyze project_members`);
    client = new pg.Client({ connectionString: empty.url });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    await handle?.close();
    await empty?.drop();
  });

  const now = new Date();
  /** The plan of the statement the list runs for `query`, in the given plan cache mode. */
  async function plan(query: Record<string, unknown>, mode: "force_custom_plan" | "force_generic_plan") {
    const filter = ListTasksQuery.parse(query);
    const { statement } = listStatement(listQueryOf(alice, filter, { now }));
    const built = dialect.sqlToQuery(statement);
    await client.query(`set plan_cache_mode = ${mode}`);
    await client.query("deallocate all");
    await client.query(`prepare list_plan as ${built.sql}`);
    // EXECUTE takes its arguments as SQL text: each parameter as the literal the driver would send.
    const args = built.params
      .map((v) => (v === null || v === undefined ? "null" : client.escapeLiteral(String(prepareValue(v)))))
      .join(", ");
    const res = await client.query(`explain (analyze, format json) execute list_plan${args ? `(${args})` : ""}`);
    return (res.rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0]?.Plan as PlanNode;
  }

  /** The cursor after the first page; for a list of one page (a rare word), the cursor after its first task. */
  async function cursorOf(query: Record<string, unknown>): Promise<string> {
    const page = await listTasks(handle.db, alice, query, { now });
    if (page.next_cursor) return page.next_cursor;
    const first = await listTasks(handle.db, alice, { ...query, limit: 1 }, { now });
    expect(first.tasks.length).toBe(1);
    expect(first.next_cursor).toEqual(expect.any(String));
    return first.next_cursor as string;
  }

  // Alice reads two containers (her Inbox and the project) unless the query names one.
  const shapes: [string, Record<string, unknown>, number][] = [
    ["default", {}, 2],
    ["oldest first", { order: "asc" }, 2],
    ["pending", { status: "pending" }, 2],
    ["completed", { status: "completed" }, 2],
    ["pending by due", { status: "pending", sort: "due" }, 2],
    ["by due", { sort: "due" }, 2],
    ["by priority", { sort: "priority" }, 2],
    ["pending by priority", { status: "pending", sort: "priority" }, 2],
    ["by title", { sort: "title" }, 2],
    ["by title, z first", { sort: "title", order: "desc" }, 2],
    ["by position", { sort: "position" }, 2],
    ["today", { view: "today" }, 2],
    ["upcoming", { view: "upcoming" }, 2],
    ["overdue", { due: "overdue" }, 2],
    ["search", { q: "zebra" }, 2],
    ["tag", { tag: "rare" }, 2],
    ["priority filter", { priority: "medium", status: "pending" }, 2],
    ["inbox", { project: "inbox" }, 1],
    ["project by position", { project, sort: "position" }, 1],
    ["top tasks", { parent: "none" }, 2],
    ["limit 200", { limit: 200 }, 2],
  ];

  for (const [name, query, containers] of shapes) {
    it(`${name}: no sequential scan of tasks, no sort beyond the page (custom and generic plans)`, async () => {
      const cursorQueries = [query, { ...query, cursor: await cursorOf(query) }];
      for (const q of cursorQueries) {
        // The plans the list runs: a named statement may settle on the generic plan; search and tag lists are
        // planned for their values each time (planEachTime).
        const modes = planEachTime(ListTasksQuery.parse(q))
          ? (["force_custom_plan"] as const)
          : (["force_custom_plan", "force_generic_plan"] as const);
        for (const mode of modes) {
          const tree = await plan(q, mode);
          const all = nodes(tree);
          const label = `${name}${q.cursor ? " (by cursor)" : ""}, ${mode}`;
          expect(
            all.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "tasks"),
            label,
          ).toEqual([]);
          // Choosing the page reads no history either: a scan of tasks that throws away more than a tenth of
          // Alice's tasks by filter is a scan. (Counting `total` reads every match, on an index.)
          expect(all.some((n) => n["Subplan Name"] === "CTE counted")).toBe(true);
          for (const scan of pageNodes(tree).filter((n) => n["Relation Name"] === "tasks")) {
            expect(
              (scan["Rows Removed by Filter"] ?? 0) * (scan["Actual Loops"] ?? 1),
              `${label}: ${scan["Node Type"]}`,
            ).toBeLessThanOrEqual(N / 10);
          }
          const limit = Number(q.limit ?? 50);
          // Each container gives at most the page and the one row that tells there is a next, plus the rest of
          // a group of tasks created at the same moment (ten in this data) at its end.
          const bound = containers * (limit + 1 + TIES);
          for (const sort of all.filter((n) => n["Node Type"] === "Sort" || n["Node Type"] === "Incremental Sort")) {
            expect((sort["Actual Rows"] ?? 0) * (sort["Actual Loops"] ?? 1), label).toBeLessThanOrEqual(bound);
          }
        }
      }
    });
  }

  /** Alice's numbers in the list's full order, computed independently of the list query. */
  async function reference(order: string, where = "true"): Promise<number[]> {
    const res = await client.query(
      `select n.number from task_numbers n join tasks t on t.id = n.task_id
        where n.user_id = $1 and t.deleted_at is null and ${where} order by ${order}`,
      [alice],
    );
    return res.rows.map((r) => Number(r.number));
  }

  async function walk(query: Record<string, unknown>): Promise<{ ids: number[]; totals: Set<number> }> {
    const ids: number[] = [];
    const totals = new Set<number>();
    let cursor: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await listTasks(handle.db, alice, { ...query, limit: 200, ...(cursor ? { cursor } : {}) }, { now });
      ids.push(...page.tasks.map((t) => t.id));
      totals.add(page.total);
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    return { ids, totals };
  }

  const orders: [string, Record<string, unknown>, string][] = [
    ["created, newest first", { project }, "t.created_at desc, n.number desc"],
    ["due", { project, sort: "due" }, "t.due_at asc nulls last, t.created_at asc, n.number asc"],
    [
      "due, latest first",
      { project, sort: "due", order: "desc" },
      "t.due_at desc nulls last, t.created_at desc, n.number desc",
    ],
    [
      "priority",
      { project, sort: "priority" },
      "t.priority desc, t.due_at asc nulls last, t.created_at desc, n.number desc",
    ],
    [
      "priority, lowest first",
      { project, sort: "priority", order: "asc" },
      "t.priority asc, t.due_at asc nulls last, t.created_at asc, n.number asc",
    ],
    ["title", { project, sort: "title" }, "lower(t.title) asc, t.created_at asc, n.number asc"],
    ["position", { project, sort: "position", order: "desc" }, "t.position desc, t.created_at desc, n.number desc"],
  ];
  for (const [name, query, order] of orders) {
    it(`pages by cursor through the whole order, ties included: ${name}`, async () => {
      const { ids, totals } = await walk(query);
      expect(ids).toEqual(await reference(order, `t.project_id = '${project}'`));
      expect([...totals]).toEqual([2000]);
    });
  }

  it("pages by cursor through 22,000 tasks in two containers exactly as by offset's order", async () => {
    const started = Date.now();
    const { ids } = await walk({ status: "pending", sort: "due" });
    expect(ids).toEqual(await reference("t.due_at asc nulls last, t.created_at asc, n.number asc", "not t.completed"));
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  const retouched = (cursor: string, change: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(cursor, "base64url").toString()), ...change })).toString(
      "base64url",
    );

  it("refuses a cursor for another sort or other filters, or one that was tampered with", async () => {
    const cursor = await cursorOf({ sort: "due" });
    for (const query of [
      { sort: "priority", cursor },
      { sort: "due", status: "pending", cursor },
      { sort: "due", cursor: `${cursor}x` },
      { sort: "due", cursor: "not-a-cursor" },
      { sort: "due", cursor: retouched(cursor, { v: ["2026-02-30T09:00:00.000000Z", "2026-02-01T09:00:00.000000Z"] }) },
      { sort: "due", cursor: retouched(cursor, { n: 2 ** 31 }) },
      {
        sort: "due",
        cursor: Buffer.from(
          JSON.stringify({ ...JSON.parse(Buffer.from(cursor, "base64url").toString()), v: ["x", 1] }),
        ).toString("base64url"),
      },
    ]) {
      await expect(listTasks(handle.db, alice, query, { now }), JSON.stringify(query)).rejects.toMatchObject({
        code: "bad_request",
      });
    }
    await expect(listTasks(handle.db, alice, { sort: "due", cursor, offset: 50 }, { now })).rejects.toMatchObject({
      code: "validation_error",
    });
  });
});
