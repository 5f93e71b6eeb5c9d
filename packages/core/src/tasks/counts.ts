// The numbers the UI's counts line shows (to do, overdue, due today, done…), counted by Postgres in one pass over
// the tasks the user can see (their Inbox and their projects): one statement instead of a list request per number.
import { parseInput } from "@todo/contract/errors";
import { type TaskCounts, TaskCountsQuery } from "@todo/contract/task";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { executePrepared } from "../db/prepared";
import { taskNumbers, tasks } from "../db/schema";
import { dueCondition } from "./due-windows";

export interface CountContext {
  now?: Date;
  /** Zone that "today", "tomorrow" and "this week" refer to; the query's `tz` wins (default UTC). */
  timeZone?: string;
}

const pendingAnd = (condition: SQL) => sql`count(*) filter (where not ${tasks.completed} and ${condition})::int`;

/** Counts of the user's tasks; validates the query (`tz`). */
export async function countTasks(
  db: Database,
  userId: string,
  query: unknown = {},
  context: CountContext = {},
): Promise<TaskCounts> {
  return countValidatedTasks(db, userId, parseInput(TaskCountsQuery, query), context);
}

/** `countTasks` for a query the contract's TaskCountsQuery has already validated (a route's query). */
export async function countValidatedTasks(
  db: Database,
  userId: string,
  { tz }: TaskCountsQuery,
  context: CountContext = {},
): Promise<TaskCounts> {
  const now = context.now ?? new Date();
  const timeZone = tz ?? context.timeZone ?? "UTC";
  const due = (filter: "overdue" | "today" | "tomorrow" | "week") => pendingAnd(dueCondition(filter, now, timeZone));
  const [row] = await executePrepared<TaskCounts>(
    db,
    sql`
    select count(*)::int as "all",
           count(*) filter (where not ${tasks.completed})::int as pending,
           count(*) filter (where ${tasks.completed})::int as completed,
           ${due("overdue")} as overdue,
           ${due("today")} as today,
           ${due("tomorrow")} as tomorrow,
           ${due("week")} as week
      from ${taskNumbers} join ${tasks} on ${tasks.id} = ${taskNumbers.taskId}
     where ${and(eq(taskNumbers.userId, userId), isNull(tasks.deletedAt))}`,
  );
  if (!row) throw new Error("count returned no row");
  return row;
}
