// A task row, its JSON form and the lookups every task operation starts from. The JSON of a task (one or a page)
// is built by Postgres from one definition (`pageTasksJson`): the list is the hottest path (decision 008), and a
// single task goes through the same SQL so the two can never disagree.
import type { Role } from "@todo/contract/enums";
import { NotFoundError, ValidationError } from "@todo/contract/errors";
import type { Task } from "@todo/contract/task";
import { and, eq, getTableColumns, isNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { executePrepared } from "../db/prepared";
import { projectMembers, type TaskRow, taskNumbers, tasks, users } from "../db/schema";

export type Executor = Pick<Database, "insert" | "select" | "update" | "delete" | "execute" | "_">;

/** A timestamptz column as the same ISO 8601 text `Date.toISOString()` gives (milliseconds, truncated, UTC). */
const isoText = (column: SQLWrapper) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The `"tasks":[…]` part (without braces) of a page's JSON, for a CTE `page(tid, num, ord)` (the task's id, the
 * caller's number for it, its place) that the statement defines before this select: only the page's rows are
 * joined to their parent's number, assignee and subtask counts and formatted. One definition of the Task JSON in
 * SQL, for a single task and for the list (which adds `total` and `next_cursor`). `extra` adds columns to the
 * select (aggregates over `page`).
 */
export function pageTasksJson(userId: string, extra: SQL = sql``): SQL {
  return sql`
    select '"tasks":[' || coalesce(string_agg(row_to_json(task)::text, ',' order by page.ord), '') || ']' as tasks${extra}
      from page
      left join ${tasks} on ${tasks.id} = page.tid
      left join ${taskNumbers} pn on pn.user_id = ${userId} and pn.task_id = ${tasks.parentId}
      left join ${users} on ${users.id} = ${tasks.assigneeId}
      left join (select s.parent_id, count(*)::int as total, (count(*) filter (where s.completed))::int as done
                   from ${tasks} s where s.parent_id in (select tid from page) and s.deleted_at is null
                  group by s.parent_id) st on st.parent_id = ${tasks.id}
      cross join lateral (select page.num as id, ${tasks.title}, ${tasks.description}, ${tasks.completed},
                                 ${tasks.priority}, ${tasks.tags}, ${isoText(tasks.dueAt)} as due_at,
                                 ${isoText(tasks.remindAt)} as remind_at, ${tasks.recurrence},
                                 ${isoText(tasks.completedAt)} as completed_at,
                                 ${isoText(tasks.createdAt)} as created_at, ${isoText(tasks.updatedAt)} as updated_at,
                                 ${tasks.projectId} as project_id, pn.number as parent_id, ${tasks.position},
                                 (select a from (select ${users.id}, ${users.name}) a where ${users.id} is not null)
                                   as assignee,
                                 (select c from (select coalesce(st.total, 0) as total, coalesce(st.done, 0) as done) c)
                                   as subtasks
                        ) task`;
}

/** One task as the caller sees it (their number), or a NotFoundError. */
export async function taskJson(db: Pick<Database, "_">, userId: string, taskId: string): Promise<Task> {
  const [row] = await executePrepared<{ tasks: string }>(
    db,
    sql`
    with page as (
      select ${taskNumbers.taskId} as tid, ${taskNumbers.number} as num, 1 as ord
        from ${taskNumbers} join ${tasks} on ${tasks.id} = ${taskNumbers.taskId}
       where ${taskNumbers.userId} = ${userId} and ${taskNumbers.taskId} = ${taskId} and ${tasks.deletedAt} is null
    )
    ${pageTasksJson(userId)}`,
  );
  const page = JSON.parse(`{${row?.tasks ?? '"tasks":[]'}}`) as { tasks: Task[] };
  const [task] = page.tasks;
  if (!task) throw new NotFoundError("The task was not found");
  return task;
}

export function notFound(number: number): NotFoundError {
  return new NotFoundError(`Task ${number} was not found`);
}

/**
 * Every column of `tasks` by name. Prepared statements list their columns rather than `*`: a statement prepared
 * before another replica's migration adds a column would otherwise fail with "cached plan must not change
 * result type".
 */
export const allTaskColumns = sql.join(
  Object.values(getTableColumns(tasks)).map((column) => sql.identifier(column.name)),
  sql`, `,
);

const toDate = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string));

/** A row of `tasks` as the driver returns it from raw SQL (snake_case columns). */
export function taskFromRaw(r: Record<string, unknown>): TaskRow {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    projectId: (r.project_id as string | null) ?? null,
    parentId: (r.parent_id as string | null) ?? null,
    position: Number(r.position),
    assigneeId: (r.assignee_id as string | null) ?? null,
    deletedAt: toDate(r.deleted_at),
    title: r.title as string,
    description: r.description as string,
    completed: r.completed as boolean,
    completedAt: toDate(r.completed_at),
    priority: r.priority as TaskRow["priority"],
    tags: r.tags as string[],
    dueAt: toDate(r.due_at),
    remindAt: toDate(r.remind_at),
    recurrence: r.recurrence as string | null,
    timeZone: r.time_zone as string,
    createdAt: toDate(r.created_at) as Date,
    updatedAt: toDate(r.updated_at) as Date,
  };
}

export function parseNumber(id: unknown): number {
  const n = typeof id === "string" && /^\d{1,9}$/.test(id) ? Number(id) : id;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 2_147_483_647) {
    throw new ValidationError("Task id must be a positive whole number");
  }
  return n;
}

/** A task the caller can see, with their number for it and their role over it. */
export interface TaskAccess {
  row: TaskRow;
  number: number;
  role: Role;
}

/**
 * The task the caller calls `number`, with their role: the owner of an Inbox task, their membership's role for a
 * task in a project. Anything else (no such number, deleted, not a member any more) is the same NotFoundError.
 * `lock` takes the row lock (FOR UPDATE) inside a transaction.
 */
export async function findTask(db: Executor, userId: string, number: number, lock = false): Promise<TaskAccess> {
  const query = db
    .select({ row: tasks, number: taskNumbers.number, role: projectMembers.role })
    .from(taskNumbers)
    .innerJoin(tasks, eq(tasks.id, taskNumbers.taskId))
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, tasks.projectId), eq(projectMembers.userId, userId)))
    .where(and(eq(taskNumbers.userId, userId), eq(taskNumbers.number, number), isNull(tasks.deletedAt)))
    .limit(1);
  const [found] = lock ? await query.for("update", { of: tasks }) : await query;
  const role = found && accessRole(found.row, userId, found.role);
  if (!found || !role) throw notFound(number);
  return { row: found.row, number: found.number, role };
}

/** The same as findTask, by the task's own id (for undo, which names a task by its activity entry). */
export async function findTaskById(db: Executor, userId: string, taskId: string): Promise<TaskAccess | null> {
  const [found] = await db
    .select({ row: tasks, number: taskNumbers.number, role: projectMembers.role })
    .from(taskNumbers)
    .innerJoin(tasks, eq(tasks.id, taskNumbers.taskId))
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, tasks.projectId), eq(projectMembers.userId, userId)))
    .where(and(eq(taskNumbers.userId, userId), eq(taskNumbers.taskId, taskId)))
    .limit(1)
    .for("update", { of: tasks });
  const role = found && accessRole(found.row, userId, found.role);
  return found && role ? { row: found.row, number: found.number, role } : null;
}

function accessRole(row: TaskRow, userId: string, memberRole: Role | null): Role | null {
  if (row.projectId === null) return row.userId === userId ? "owner" : null;
  return memberRole;
}
