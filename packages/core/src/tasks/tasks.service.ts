// Every task rule lives here: validation, per-user numbering, recurrence, search, filters and sorting.
// Functions take the database as a parameter and know nothing of HTTP, so REST, MCP and the agent share them.

import { parseInput, ValidationError } from "@todo/contract/errors";
import {
  type CompletedTask,
  CreateTaskInput,
  type ListTasksFilter,
  ListTasksQuery,
  type Task,
  type TaskPage,
  UpdateTaskInput,
} from "@todo/contract/task";
import { and, arrayContains, asc, desc, eq, ilike, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { executePrepared } from "../db/prepared";
import { type TaskRow, taskCounters, tasks } from "../db/schema";
import { dueCondition } from "./due-windows";
import { anchorRecurrence, assertRepeats, nextOccurrence } from "./recurrence";
import { checkTagChange, hasTagChange, tagsAfter, tooManyTags, withinTagLimit } from "./tags";
import {
  allTaskColumns,
  type Executor,
  findRow,
  notFound,
  parseNumber,
  taskFromRaw,
  taskJsonColumns,
  toTask,
} from "./task-rows";

/** Kept importable from here, where it was defined before task-rows.ts. */
export { toTask } from "./task-rows";

type NewTask = Omit<typeof tasks.$inferInsert, "number" | "id" | "createdAt" | "updatedAt">;

/**
 * Takes the user's next number and inserts the task in one statement (a data-modifying CTE): atomic without an
 * explicit transaction, and one round trip instead of four.
 */
async function insertWithNumber(db: Pick<Database, "_">, task: NewTask): Promise<TaskRow> {
  const [r] = await executePrepared<Record<string, unknown>>(
    db,
    sql`
    with next_number as (
      insert into ${taskCounters} (user_id, last_number) values (${task.userId}, 1)
      on conflict (user_id) do update set last_number = ${taskCounters}.last_number + 1
      returning last_number
    )
    insert into ${tasks} (user_id, number, title, description, completed, completed_at, priority, tags, due_at,
                          remind_at, recurrence, time_zone)
    select ${task.userId}, last_number, ${task.title}, ${task.description}, ${task.completed}, ${task.completedAt},
           ${task.priority}, ${sql.param(task.tags, tasks.tags)}, ${task.dueAt}, ${task.remindAt}, ${task.recurrence},
           ${task.timeZone}
      from next_number
    returning ${allTaskColumns}`,
  );
  if (!r) throw new Error("task insert returned no row");
  return taskFromRaw(r);
}

function checkRemind(dueAt: Date | null | undefined, remindAt: Date | null | undefined) {
  if (dueAt && remindAt && remindAt.getTime() > dueAt.getTime()) {
    throw new ValidationError("remind_at must not be later than due_at", [
      { path: "remind_at", message: "The reminder must not be later than the due date" },
    ]);
  }
}

/** A rule as stored: pinned to the due date's day, and refused when it never comes round from where it starts. */
function recurrenceFrom(rule: string, dueAt: Date | null, timeZone: string): string {
  const anchored = anchorRecurrence(rule, dueAt, timeZone);
  assertRepeats(anchored, dueAt ?? new Date(), timeZone);
  return anchored;
}

/** Creates a task from raw input (validated here): for callers without a validated body. */
export async function createTask(db: Database, userId: string, input: unknown): Promise<Task> {
  return createValidatedTask(db, userId, parseInput(CreateTaskInput, input));
}

/** Creates a task from input the contract's CreateTaskInput has already validated (a route's body). */
export async function createValidatedTask(db: Database, userId: string, data: CreateTaskInput): Promise<Task> {
  checkRemind(data.due_at, data.remind_at);
  const timeZone = data.timezone ?? "UTC";
  const recurrence = data.recurrence ? recurrenceFrom(data.recurrence, data.due_at ?? null, timeZone) : null;
  const completed = data.completed ?? false;
  const row = await insertWithNumber(db, {
    userId,
    title: data.title,
    description: data.description ?? "",
    completed,
    completedAt: completed ? new Date() : null,
    priority: data.priority ?? "none",
    tags: data.tags ?? [],
    dueAt: data.due_at ?? null,
    remindAt: data.remind_at ?? null,
    recurrence,
    timeZone,
  });
  return toTask(row);
}

export async function getTask(db: Database, userId: string, id: unknown): Promise<Task> {
  return toTask(await findRow(db, userId, parseNumber(id)));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface ListContext {
  now?: Date;
  /** Time zone that "today" and "this week" refer to; the query's `tz` wins. */
  timeZone?: string;
}

/**
 * A page of the user's tasks as the JSON text of `{"tasks": [Task…], "total": n}`, built by Postgres: the
 * list is the hottest path, and parsing rows, building Dates and serialising them again in JavaScript cost more
 * than the query itself (see npm run bench). The REST route sends this text as it is.
 */
export async function listTasksJson(
  db: Database,
  userId: string,
  query: ListTasksQuery | Record<string, unknown> = {},
  context: ListContext = {},
): Promise<string> {
  return listValidatedTasksJson(db, userId, parseInput(ListTasksQuery, query), context);
}

/** `listTasksJson` for a query the contract's ListTasksQuery has already validated (a route's query). */
export async function listValidatedTasksJson(
  db: Database,
  userId: string,
  filter: ListTasksFilter,
  context: ListContext = {},
): Promise<string> {
  const now = context.now ?? new Date();
  const timeZone = filter.tz ?? context.timeZone ?? "UTC";
  const where: (SQL | undefined)[] = [eq(tasks.userId, userId)];

  if (filter.status === "pending") where.push(eq(tasks.completed, false));
  if (filter.status === "completed") where.push(eq(tasks.completed, true));
  if (filter.priority) where.push(eq(tasks.priority, filter.priority));
  if (filter.tag?.length) where.push(arrayContains(tasks.tags, filter.tag));
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    where.push(
      or(
        ilike(tasks.title, pattern),
        ilike(tasks.description, pattern),
        sql`array_to_string(${tasks.tags}, ' ') ilike ${pattern}`,
      ),
    );
  }
  if (filter.due) where.push(dueCondition(filter.due, now, timeZone));

  const order = filter.order ?? (filter.sort === "created" || filter.sort === "priority" ? "desc" : "asc");
  const dir = order === "asc" ? asc : desc;
  const orderBy: SQL[] = [];
  switch (filter.sort) {
    case "due":
      // Tasks without a due date come last in either direction.
      orderBy.push(sql`${tasks.dueAt} is null`, dir(tasks.dueAt));
      break;
    case "priority":
      orderBy.push(dir(tasks.priority), sql`${tasks.dueAt} is null`, asc(tasks.dueAt));
      break;
    case "title":
      orderBy.push(dir(sql`lower(${tasks.title})`));
      break;
    default:
      orderBy.push(dir(tasks.createdAt));
  }
  orderBy.push(dir(tasks.number));

  const [row] = await executePrepared<{ body: string }>(
    db,
    sql`
    with page as (
      select ${taskJsonColumns}, count(*) over () as total, row_number() over (order by ${sql.join(orderBy, sql`, `)}) as ord
        from ${tasks}
       where ${and(...where)}
       order by ord
       limit ${filter.limit} offset ${filter.offset}
    )
    select '{"tasks":[' || coalesce(string_agg(row_to_json(task)::text, ',' order by page.ord), '') || '],"total":'
           || coalesce(max(page.total), (select count(*) from ${tasks} where ${and(...where)})) || '}' as body
      from page
      cross join lateral (select page.id, page.title, page.description, page.completed, page.priority, page.tags,
                                 page.due_at, page.remind_at, page.recurrence, page.completed_at, page.created_at,
                                 page.updated_at) task`,
  );
  return row?.body ?? '{"tasks":[],"total":0}';
}

/** A page of the user's tasks: `listTasksJson`, parsed (for the MCP tools and the assistant). */
export async function listTasks(
  db: Database,
  userId: string,
  query: ListTasksQuery | Record<string, unknown> = {},
  context: ListContext = {},
): Promise<TaskPage> {
  return JSON.parse(await listTasksJson(db, userId, query, context));
}

export async function updateTask(db: Database, userId: string, id: unknown, input: unknown): Promise<Task> {
  const number = parseNumber(id);
  return updateValidatedTask(db, userId, number, parseInput(UpdateTaskInput, input));
}

/** Changes a task with input the contract's UpdateTaskInput has already validated (a route's body). */
export async function updateValidatedTask(
  db: Database,
  userId: string,
  id: unknown,
  data: UpdateTaskInput,
): Promise<Task> {
  const number = parseNumber(id);
  const tagChange = { add: data.add_tags, remove: data.remove_tags };
  checkTagChange({ ...tagChange, replace: data.tags });
  const changesTags = hasTagChange(tagChange);
  return db.transaction(async (tx) => {
    const current = await findRow(tx, userId, number);
    const dueAt = data.due_at === undefined ? current.dueAt : data.due_at;
    const remindAt = data.remind_at === undefined ? current.remindAt : data.remind_at;
    checkRemind(dueAt, remindAt);
    const timeZone = data.timezone ?? current.timeZone;
    const recurrence =
      data.recurrence === undefined
        ? current.recurrence
        : data.recurrence === null
          ? null
          : recurrenceFrom(data.recurrence, dueAt, timeZone);
    const completing = data.completed === true && !current.completed;
    const reopening = data.completed === false && current.completed;
    const [row] = await tx
      .update(tasks)
      .set({
        title: data.title ?? current.title,
        description: data.description ?? current.description,
        priority: data.priority ?? current.priority,
        // Added and removed tags are applied to the row as the UPDATE finds it, not to the copy read above.
        tags: changesTags ? tagsAfter(tagChange) : (data.tags ?? current.tags),
        dueAt,
        remindAt,
        recurrence,
        timeZone,
        completed: data.completed ?? current.completed,
        completedAt: completing ? new Date() : reopening ? null : current.completedAt,
        updatedAt: new Date(),
      })
      .where(and(eq(tasks.id, current.id), changesTags ? withinTagLimit(tagChange) : undefined))
      .returning();
    if (!row) throw changesTags ? tooManyTags() : notFound(number);
    const updated = row;
    if (completing) await createNextOccurrence(tx, updated);
    return toTask(updated);
  });
}

export async function deleteTask(db: Database, userId: string, id: unknown): Promise<Task> {
  const number = parseNumber(id);
  const [row] = await db
    .delete(tasks)
    .where(and(eq(tasks.userId, userId), eq(tasks.number, number)))
    .returning();
  if (!row) throw notFound(number);
  return toTask(row);
}

async function createNextOccurrence(tx: Executor, done: TaskRow): Promise<TaskRow | null> {
  if (!done.recurrence) return null;
  const base = done.dueAt ?? done.remindAt ?? done.completedAt ?? new Date();
  const nextBase = nextOccurrence(done.recurrence, base, done.timeZone);
  if (!nextBase) return null;
  const shift = nextBase.getTime() - base.getTime();
  return insertWithNumber(tx, {
    userId: done.userId,
    title: done.title,
    description: done.description,
    completed: false,
    completedAt: null,
    priority: done.priority,
    tags: done.tags,
    dueAt: done.dueAt ? nextBase : null,
    remindAt: done.remindAt ? new Date(done.remindAt.getTime() + shift) : null,
    recurrence: done.recurrence,
    timeZone: done.timeZone,
  });
}

/**
 * Marks a task done. A recurring task gets its next occurrence in the same transaction.
 * Completing a task that is already done changes nothing and creates no second occurrence.
 */
export async function completeTask(db: Database, userId: string, id: unknown): Promise<CompletedTask> {
  const number = parseNumber(id);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tasks)
      .set({ completed: true, completedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(tasks.userId, userId), eq(tasks.number, number), eq(tasks.completed, false)))
      .returning();
    if (!row) return { task: toTask(await findRow(tx, userId, number)), next: null };
    const next = await createNextOccurrence(tx, row);
    return { task: toTask(row), next: next ? toTask(next) : null };
  });
}

export async function reopenTask(db: Database, userId: string, id: unknown): Promise<Task> {
  const number = parseNumber(id);
  const [row] = await db
    .update(tasks)
    .set({ completed: false, completedAt: null, updatedAt: new Date() })
    .where(and(eq(tasks.userId, userId), eq(tasks.number, number), isNotNull(tasks.completedAt)))
    .returning();
  return row ? toTask(row) : getTask(db, userId, number);
}

/** Original API's toggle: completes a pending task (with recurrence) or reopens a completed one. */
export async function toggleTask(db: Database, userId: string, id: unknown): Promise<Task> {
  const current = await getTask(db, userId, id);
  return current.completed ? reopenTask(db, userId, id) : (await completeTask(db, userId, id)).task;
}
