// A task row and its two JSON forms: `toTask` for single rows, `taskJsonColumns` for the list built by Postgres.
// Also the lookups every task operation starts from: the per-user number and the row it names.
import { NotFoundError, ValidationError } from "@todo/contract/errors";
import type { Task } from "@todo/contract/task";
import { and, eq, getTableColumns, type SQLWrapper, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { type TaskRow, tasks } from "../db/schema";

export type Executor = Pick<Database, "insert" | "select" | "update" | "delete" | "execute" | "_">;

export function toTask(row: TaskRow): Task {
  return {
    id: row.number,
    title: row.title,
    description: row.description,
    completed: row.completed,
    priority: row.priority,
    tags: row.tags,
    due_at: row.dueAt?.toISOString() ?? null,
    remind_at: row.remindAt?.toISOString() ?? null,
    recurrence: row.recurrence,
    completed_at: row.completedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** A timestamptz column as the same ISO 8601 text `Date.toISOString()` gives (milliseconds, truncated, UTC). */
const isoText = (column: SQLWrapper) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The select list that makes Postgres return rows already in the shape of `toTask`, for the list: no Date
 * objects and no mapping in JavaScript on the hottest path (see npm run bench). `toTask` stays the one
 * definition for single tasks; a test checks both agree on every field.
 */
export const taskJsonColumns = sql`${tasks.number} as id, ${tasks.title}, ${tasks.description}, ${tasks.completed},
  ${tasks.priority}, ${tasks.tags}, ${isoText(tasks.dueAt)} as due_at, ${isoText(tasks.remindAt)} as remind_at,
  ${tasks.recurrence}, ${isoText(tasks.completedAt)} as completed_at, ${isoText(tasks.createdAt)} as created_at,
  ${isoText(tasks.updatedAt)} as updated_at`;

export function notFound(number: number): NotFoundError {
  return new NotFoundError(`Task ${number} was not found`);
}

const toDate = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string));

/** A row of `tasks` as the driver returns it from raw SQL (snake_case columns). */
export function taskFromRaw(r: Record<string, unknown>): TaskRow {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    number: Number(r.number),
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

/**
 * Every column of `tasks` by name. Prepared statements list their columns rather than `*`: a statement prepared
 * before another replica's migration adds a column would otherwise fail with "cached plan must not change
 * result type".
 */
export const allTaskColumns = sql.join(
  Object.values(getTableColumns(tasks)).map((column) => sql.identifier(column.name)),
  sql`, `,
);

export function parseNumber(id: unknown): number {
  const n = typeof id === "string" && /^\d{1,9}$/.test(id) ? Number(id) : id;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 2_147_483_647) {
    throw new ValidationError("Task id must be a positive whole number");
  }
  return n;
}

export async function findRow(db: Executor, userId: string, number: number): Promise<TaskRow> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.userId, userId), eq(tasks.number, number)))
    .limit(1);
  if (!row) throw notFound(number);
  return row;
}
