// Every task rule lives here: validation, per-user numbering, projects and subtasks, manual order, assignees,
// recurrence, search, filters and sorting, and the activity entry of every change. Functions take the database as
// a parameter and know nothing of HTTP, so REST, MCP and the agent share them; every permission is asked of
// `can(role, action)` (projects/permissions.ts).

import { parseInput, ValidationError } from "@todo/contract/errors";
import { LIMITS } from "@todo/contract/limits";
import {
  type CompletedTask,
  CreateTaskInput,
  type ListTasksFilter,
  ListTasksQuery,
  SnoozeInput,
  type Task,
  type TaskPage,
  UpdateTaskInput,
} from "@todo/contract/task";
import { and, arrayContains, asc, eq, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import {
  type ChangeOptions,
  diff,
  lastCompletion,
  record,
  removeUntouchedNext,
  type Snapshot,
  snapshot,
  wellFormed,
} from "../activity/log";
import type { Database } from "../db/client";
import { executePrepared } from "../db/prepared";
import { activity, projects, type TaskRow, taskCounters, taskNumbers, tasks } from "../db/schema";
import { containerRole, isMember } from "../projects/access";
import { subtreeOf, syncVisibility, viewersOf } from "../projects/numbering";
import { assertCan } from "../projects/permissions";
import { taskChanged } from "../reminders/hook";
import { dueCondition, viewCondition } from "./due-windows";
import { type ListQuery, listJson } from "./list-query";
import { anchorRecurrence, assertRepeats, nextOccurrence } from "./recurrence";
import { checkTagChange, hasTagChange, tagsAfter, tooManyTags, withinTagLimit } from "./tags";
import {
  allTaskColumns,
  type Executor,
  findTask,
  notFound,
  parseNumber,
  type TaskAccess,
  taskFromRaw,
  taskJson,
} from "./task-rows";

export type { ChangeOptions } from "../activity/log";

type NewTask = Omit<typeof tasks.$inferInsert, "id" | "createdAt" | "updatedAt">;

/** A new task's place: after everything made before it (seconds since the epoch; moves use the gaps). */
const defaultPosition = () => Date.now() / 1000;

/**
 * Inserts a task, numbers it for everyone who can see its container and records its creation, in one statement
 * (data-modifying CTEs): atomic without an explicit transaction, one round trip. Returns the row and the
 * creator's number for it.
 */
async function insertTask(
  tx: Pick<Database, "_">,
  task: NewTask,
  entry: { actorId: string; options: ChangeOptions | undefined; after: Snapshot },
): Promise<{ row: TaskRow; number: number }> {
  const viewers = viewersOf(task.projectId ?? null, task.userId);
  const [r] = await executePrepared<Record<string, unknown>>(
    tx,
    sql`
    with t as (
      insert into ${tasks} (user_id, project_id, parent_id, position, assignee_id, title, description, completed,
                            completed_at, priority, tags, due_at, remind_at, recurrence, time_zone)
      values (${task.userId}, ${task.projectId ?? null}, ${task.parentId ?? null}::uuid, ${task.position},
              ${task.assigneeId ?? null}, ${task.title}, ${task.description}, ${task.completed}, ${task.completedAt},
              ${task.priority}, ${sql.param(task.tags, tasks.tags)}, ${task.dueAt}, ${task.remindAt},
              ${task.recurrence}, ${task.timeZone})
      returning ${allTaskColumns}
    ),
    counters as (
      insert into ${taskCounters} (user_id, last_number)
      select user_id, 1 from (${viewers}) v order by user_id
      on conflict (user_id) do update set last_number = ${taskCounters}.last_number + 1
      returning user_id, last_number
    ),
    numbered as (
      insert into ${taskNumbers} (user_id, number, task_id)
      select counters.user_id, counters.last_number, t.id from counters, t
      returning user_id, number
    ),
    logged as (
      insert into ${activity} (actor_id, via, action, project_id, task_id, owner_id, after)
      select ${entry.actorId}, ${entry.options?.via ?? "api"}, 'task.created', t.project_id, t.id,
             case when t.project_id is null then t.user_id end, ${JSON.stringify(wellFormed(entry.after))}::jsonb
        from t
      returning id
    )
    select t.*, (select number from numbered where user_id = ${entry.actorId}) as creator_number,
           (select count(*) from logged) as logged
      from t`,
  );
  if (!r) throw new Error("task insert returned no row");
  if (task.remindAt) taskChanged();
  return { row: taskFromRaw(r), number: Number(r.creator_number) };
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

/** How deep a task sits: 1 for a top task (bounded walk up the parents). */
async function depthOf(tx: Executor, taskId: string): Promise<number> {
  const [row] = await executePrepared<{ depth: number }>(
    tx,
    sql`with recursive up(id, parent_id, depth) as (
          select ${tasks.id}, ${tasks.parentId}, 1 from ${tasks} where ${tasks.id} = ${taskId}
          union all
          select p.id, p.parent_id, up.depth + 1 from ${tasks} p join up on p.id = up.parent_id where up.depth < 8
        ) select max(depth)::int as depth from up`,
  );
  return Number(row?.depth ?? 1);
}

/** How many levels a subtree spans: 1 for a task without subtasks. */
async function heightOf(tx: Executor, taskId: string): Promise<number> {
  const [row] = await executePrepared<{ height: number }>(
    tx,
    sql`with recursive sub(id, depth) as (
          select ${tasks.id}, 1 from ${tasks} where ${tasks.id} = ${taskId}
          union all
          select c.id, sub.depth + 1 from ${tasks} c join sub on c.parent_id = sub.id where sub.depth < 8
        ) select max(depth)::int as height from sub`,
  );
  return Number(row?.height ?? 1);
}

function tooDeep(): ValidationError {
  return new ValidationError(`Subtasks go at most ${LIMITS.taskDepth} levels deep`, [
    { path: "parent_id", message: `A task can have subtasks down to ${LIMITS.taskDepth} levels, not more` },
  ]);
}

async function checkAssignee(tx: Executor, assigneeId: string | null, projectId: string | null, owner: string) {
  if (assigneeId === null) return;
  const ok = projectId === null ? assigneeId === owner : await isMember(tx, projectId, assigneeId);
  if (!ok) {
    throw new ValidationError("The assignee must be a member of the task's project", [
      { path: "assignee_id", message: "Assign the task to a member of its project" },
    ]);
  }
}

/** Creates a task from raw input (validated here): for callers without a validated body. */
export async function createTask(db: Database, userId: string, input: unknown, options?: ChangeOptions): Promise<Task> {
  return createValidatedTask(db, userId, parseInput(CreateTaskInput, input), options);
}

/** Creates a task from input the contract's CreateTaskInput has already validated (a route's body). */
export async function createValidatedTask(
  db: Database,
  userId: string,
  data: CreateTaskInput,
  options?: ChangeOptions,
): Promise<Task> {
  checkRemind(data.due_at, data.remind_at);
  const timeZone = data.timezone ?? "UTC";
  const recurrence = data.recurrence ? recurrenceFrom(data.recurrence, data.due_at ?? null, timeZone) : null;
  const completed = data.completed ?? false;
  const create = async (tx: Executor) => {
    let projectId = data.project_id ?? null;
    let owner = userId;
    let parentId: string | null = null;
    if (data.parent_id !== undefined && data.parent_id !== null) {
      const parent = await findTask(tx, userId, data.parent_id);
      if (data.project_id !== undefined && data.project_id !== parent.row.projectId) {
        throw new ValidationError("A subtask lives in its parent's project", [
          { path: "project_id", message: "Leave project_id out: a subtask is always in its parent's project" },
        ]);
      }
      assertCan(parent.role, "task.create");
      if ((await depthOf(tx, parent.row.id)) >= LIMITS.taskDepth) throw tooDeep();
      projectId = parent.row.projectId;
      owner = parent.row.userId;
      parentId = parent.row.id;
    } else {
      assertCan(await containerRole(tx, userId, projectId), "task.create");
    }
    const assigneeId = data.assignee_id ?? null;
    if (assigneeId !== null) await checkAssignee(tx, assigneeId, projectId, owner);
    const fields: NewTask = {
      userId: projectId === null ? owner : userId,
      projectId,
      parentId,
      position: data.position ?? defaultPosition(),
      assigneeId,
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
    };
    const { row } = await insertTask(tx, fields, { actorId: userId, options, after: newSnapshot(fields) });
    return taskJson(tx, userId, row.id);
  };
  // The common case (a top task in the caller's own Inbox) needs no check and no transaction: one statement.
  if (!data.project_id && !data.parent_id && !data.assignee_id) {
    const fields: NewTask = {
      userId,
      projectId: null,
      parentId: null,
      position: data.position ?? defaultPosition(),
      assigneeId: null,
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
    };
    const { row, number } = await insertTask(db, fields, { actorId: userId, options, after: newSnapshot(fields) });
    return inboxTaskJson(row, number);
  }
  return db.transaction(create);
}

/** The fields of a task about to be inserted, as its creation entry keeps them. */
function newSnapshot(task: NewTask): Snapshot {
  const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
  return {
    title: task.title,
    description: task.description ?? "",
    completed: task.completed ?? false,
    completed_at: iso(task.completedAt),
    priority: task.priority ?? "none",
    tags: task.tags ?? [],
    due_at: iso(task.dueAt),
    remind_at: iso(task.remindAt),
    recurrence: task.recurrence ?? null,
    time_zone: task.timeZone ?? "UTC",
    project_id: task.projectId ?? null,
    parent_task: task.parentId ?? null,
    position: task.position ?? 0,
    assignee_id: task.assigneeId ?? null,
    deleted_at: null,
  };
}

/**
 * The JSON of a task just created at the top of its owner's Inbox: no parent, no assignee, no subtasks, so
 * nothing to look up. A test checks it equals what GET answers for the same task.
 */
function inboxTaskJson(row: TaskRow, number: number): Task {
  return {
    id: number,
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
    project_id: null,
    parent_id: null,
    position: row.position,
    assignee: null,
    subtasks: { total: 0, done: 0 },
  };
}

export async function getTask(db: Database, userId: string, id: unknown): Promise<Task> {
  const found = await findTask(db, userId, parseNumber(id));
  return taskJson(db, userId, found.row.id);
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
  return listJson(db, listQueryOf(userId, filter, context));
}

/** The list query of a validated filter (the plan test explains the statement it gives). */
export function listQueryOf(userId: string, filter: ListTasksFilter, context: ListContext = {}): ListQuery {
  const now = context.now ?? new Date();
  const timeZone = filter.tz ?? context.timeZone ?? "UTC";
  const where: (SQL | undefined)[] = [];

  // Literal conditions on `completed` (not parameters), so that a prepared statement's generic plan still
  // proves the pending-only partial indexes apply (migration 0004).
  if (filter.status === "pending") where.push(sql`not ${tasks.completed}`);
  if (filter.status === "completed") where.push(sql`${tasks.completed}`);
  if (filter.priority) where.push(eq(tasks.priority, filter.priority));
  if (filter.tag?.length) where.push(arrayContains(tasks.tags, filter.tag));
  if (filter.q) {
    // ILIKE on each field, served by the trigram index (migration 0004); todo_tags_text is the index's spelling
    // of array_to_string(tags, ' ').
    const pattern = `%${escapeLike(filter.q)}%`;
    where.push(
      or(
        ilike(tasks.title, pattern),
        ilike(tasks.description, pattern),
        sql`todo_tags_text(${tasks.tags}) ilike ${pattern}`,
      ),
    );
  }
  if (filter.due) where.push(dueCondition(filter.due, now, timeZone));
  if (filter.view) where.push(viewCondition(filter.view, now, timeZone));
  if (filter.project === "inbox") where.push(isNull(tasks.projectId));
  else if (filter.project) where.push(eq(tasks.projectId, filter.project));
  if (filter.parent === "none") where.push(isNull(tasks.parentId));
  else if (filter.parent !== undefined) {
    // The parent named by the caller's own number: an unknown number matches nothing.
    where.push(
      sql`${tasks.parentId} = (select pn.task_id from ${taskNumbers} pn where pn.user_id = ${userId} and pn.number = ${filter.parent})`,
    );
  }
  if (filter.assignee === "me") where.push(eq(tasks.assigneeId, userId));

  const sort = filter.sort ?? (filter.view ? "due" : "created");
  const order = filter.order ?? (sort === "created" || sort === "priority" ? "desc" : "asc");
  return {
    userId,
    where: and(...where),
    sort,
    order,
    limit: filter.limit,
    offset: filter.offset,
    cursor: filter.cursor,
    inbox: filter.project === undefined || filter.project === "inbox",
    projects: filter.project === undefined ? true : filter.project === "inbox" ? false : filter.project,
    filter,
    timeZone,
    counter: byStatusOnly(filter) ? { status: filter.status, topOnly: filter.parent === "none" } : undefined,
  };
}

/** A list filtered by nothing but status, parent=none and the project: its total is kept by counters. */
function byStatusOnly(filter: ListTasksFilter): boolean {
  return (
    !filter.q &&
    !filter.priority &&
    !filter.tag?.length &&
    !filter.due &&
    !filter.view &&
    filter.assignee === undefined &&
    (filter.parent === undefined || filter.parent === "none")
  );
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

export async function updateTask(
  db: Database,
  userId: string,
  id: unknown,
  input: unknown,
  options?: ChangeOptions,
): Promise<Task> {
  const number = parseNumber(id);
  return updateValidatedTask(db, userId, number, parseInput(UpdateTaskInput, input), options);
}

/** The siblings of a task's place (same container, same parent), as a condition on "tasks". */
function siblingsOf(projectId: string | null, owner: string, parentId: string | null): SQL {
  return and(
    projectId === null ? and(isNull(tasks.projectId), eq(tasks.userId, owner)) : eq(tasks.projectId, projectId),
    parentId === null ? isNull(tasks.parentId) : eq(tasks.parentId, parentId),
    isNull(tasks.deletedAt),
  ) as SQL;
}

/**
 * Serialises reorders within one container: the project's row, or the Inbox owner's counter row. Two moves at
 * once then compute their positions one after the other and neither is lost.
 */
async function lockContainer(tx: Executor, projectId: string | null, owner: string): Promise<void> {
  if (projectId !== null) {
    await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
    return;
  }
  await tx.insert(taskCounters).values({ userId: owner, lastNumber: 0 }).onConflictDoNothing();
  await tx.select({ id: taskCounters.userId }).from(taskCounters).where(eq(taskCounters.userId, owner)).for("update");
}

const MIN_GAP = 1e-6;

/** The position right after `after` (or first, for null) among the siblings, spreading them out when too close. */
async function positionAfter(
  tx: Executor,
  userId: string,
  moving: string,
  after: number | null,
  place: { projectId: string | null; owner: string; parentId: string | null },
): Promise<number> {
  await lockContainer(tx, place.projectId, place.owner);
  const siblings = and(siblingsOf(place.projectId, place.owner, place.parentId), sql`${tasks.id} <> ${moving}`);
  for (let attempt = 0; attempt < 2; attempt++) {
    let anchor: number | null = null;
    if (after !== null) {
      const found = await findTask(tx, userId, after);
      const [isSibling] = await tx
        .select({ position: tasks.position })
        .from(tasks)
        .where(and(siblings, eq(tasks.id, found.row.id)));
      if (!isSibling) {
        throw new ValidationError(`Task ${after} is not in the same list as the task being moved`, [
          { path: "after", message: "Name a task of the same project and parent" },
        ]);
      }
      anchor = isSibling.position;
    }
    const [next] = await tx
      .select({ position: tasks.position })
      .from(tasks)
      .where(
        and(
          siblings,
          anchor === null ? undefined : sql`${tasks.position} >= ${anchor}`,
          after === null
            ? undefined
            : sql`${tasks.id} not in (select ${taskNumbers.taskId} from ${taskNumbers} where ${taskNumbers.userId} = ${userId} and ${taskNumbers.number} = ${after})`,
        ),
      )
      .orderBy(asc(tasks.position), asc(tasks.createdAt), asc(tasks.id))
      .limit(1);
    if (anchor === null) return next ? next.position - 1024 : defaultPosition();
    if (!next) return anchor + 1024;
    if (next.position - anchor >= MIN_GAP * 2) return (anchor + next.position) / 2;
    // No room left between the two: spread the whole list out (1024 apart, same order) and try again.
    await executePrepared(
      tx,
      sql`update ${tasks} set position = r.rn * 1024
            from (select ${tasks.id} as id, row_number() over (order by ${tasks.position}, ${tasks.createdAt}, ${tasks.id}) as rn
                    from ${tasks} where ${siblings}) r
           where ${tasks.id} = r.id`,
    );
  }
  throw new Error("could not find a position");
}

/** Changes a task with input the contract's UpdateTaskInput has already validated (a route's body). */
export async function updateValidatedTask(
  db: Database,
  userId: string,
  id: unknown,
  data: UpdateTaskInput,
  options?: ChangeOptions,
): Promise<Task> {
  const number = parseNumber(id);
  const tagChange = { add: data.add_tags, remove: data.remove_tags };
  checkTagChange({ ...tagChange, replace: data.tags });
  return db.transaction(async (tx) => {
    const access = await findTask(tx, userId, number, true);
    const { row } = await applyUpdate(tx, userId, access, data, options);
    return taskJson(tx, userId, row.id);
  });
}

/** The one place a task changes (PATCH, tools, undo): permissions, moves, order, assignee, activity. */
export async function applyUpdate(
  tx: Executor,
  userId: string,
  access: TaskAccess,
  data: UpdateTaskInput & { deleted_at?: Date | null },
  options: ChangeOptions | undefined,
  undoes?: number,
): Promise<{ row: TaskRow; next: TaskRow | null }> {
  const current = access.row;
  const tagChange = { add: data.add_tags, remove: data.remove_tags };
  const changesTags = hasTagChange(tagChange);
  const completing = data.completed === true && !current.completed;
  const reopening = data.completed === false && current.completed;
  const onlyCompletion = Object.keys(data).every((k) => k === "completed");
  assertCan(access.role, onlyCompletion ? "task.complete" : "task.update");
  if (data.assignee_id !== undefined && data.assignee_id !== current.assigneeId) assertCan(access.role, "task.assign");

  // Where the task goes: its parent decides its project; a subtask moved to another project becomes a top task.
  let projectId = current.projectId;
  let owner = current.userId;
  let parentId = current.parentId;
  if (data.parent_id !== undefined) {
    if (data.parent_id === null) parentId = null;
    else {
      const parent = await findTask(tx, userId, data.parent_id);
      if (data.project_id !== undefined && data.project_id !== parent.row.projectId) {
        throw new ValidationError("A subtask lives in its parent's project", [
          { path: "project_id", message: "A subtask is always in its parent's project" },
        ]);
      }
      assertCan(parent.role, "task.create");
      parentId = parent.row.id;
      projectId = parent.row.projectId;
      owner = parent.row.userId;
    }
  } else if (data.project_id !== undefined && data.project_id !== current.projectId) {
    parentId = null;
  }
  if (data.project_id !== undefined && data.parent_id == null) {
    projectId = data.project_id;
    owner = projectId === null ? (current.projectId === null ? current.userId : userId) : current.userId;
  }
  const moves = projectId !== current.projectId || owner !== current.userId;
  const reparents = parentId !== current.parentId;
  if (moves) assertCan(await containerRole(tx, userId, projectId), "task.create");
  if (reparents && parentId !== null) {
    const [cycle] = await executePrepared<{ id: string }>(
      tx,
      sql`select id from (${subtreeOf(current.id)}) s where s.id = ${parentId}`,
    );
    if (cycle) {
      throw new ValidationError("A task cannot become a subtask of itself or of its own subtasks", [
        { path: "parent_id", message: "Choose a parent outside this task's subtasks" },
      ]);
    }
    if ((await depthOf(tx, parentId)) + (await heightOf(tx, current.id)) > LIMITS.taskDepth) throw tooDeep();
  }

  const assigneeId = data.assignee_id === undefined ? current.assigneeId : data.assignee_id;
  if (data.assignee_id !== undefined) await checkAssignee(tx, assigneeId, projectId, owner);

  let position = data.position ?? current.position;
  if (data.after !== undefined) {
    position = await positionAfter(tx, userId, current.id, data.after, { projectId, owner, parentId });
  } else if (data.position === undefined && (moves || reparents)) {
    position = defaultPosition();
  }

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
      projectId,
      userId: owner,
      parentId,
      position,
      assigneeId: moves && assigneeId !== null && data.assignee_id === undefined ? null : assigneeId,
      deletedAt: data.deleted_at === undefined ? current.deletedAt : data.deleted_at,
      updatedAt: new Date(),
    })
    .where(and(eq(tasks.id, current.id), changesTags ? withinTagLimit(tagChange) : undefined))
    .returning();
  if (!row) throw changesTags ? tooManyTags() : notFound(access.number);
  let updated = row;
  if (moves) {
    // The subtree follows; an assignee who is not a member of the new project is taken off.
    await executePrepared(
      tx,
      sql`update ${tasks} set project_id = ${projectId}, user_id = ${owner}
           where ${tasks.id} in (select id from (${subtreeOf(current.id)}) s) and ${tasks.id} <> ${current.id}`,
    );
    await syncVisibility(tx, current.id, projectId, owner);
    if (updated.assigneeId !== null) {
      const stays =
        projectId === null ? updated.assigneeId === owner : await isMember(tx, projectId, updated.assigneeId);
      if (!stays) {
        const [cleared] = await tx.update(tasks).set({ assigneeId: null }).where(eq(tasks.id, current.id)).returning();
        if (cleared) updated = cleared;
      }
    }
  }
  // Reopening takes back the next occurrence its completion made, when nothing happened to that one since.
  if (reopening) await removeUntouchedNext(tx, await lastCompletion(tx, current.id));
  // The next occurrence of a recurring task is made first, so the completion's entry can name it (undo removes it).
  const next = completing && undoes === undefined ? await createNextOccurrence(tx, userId, updated, options) : null;
  if (updated.remindAt) taskChanged();
  const change = diff(snapshot(current), snapshot(updated));
  if (change) {
    await record(tx, {
      actorId: userId,
      options,
      action:
        data.deleted_at === null && current.deletedAt !== null
          ? "task.restored"
          : completing
            ? "task.completed"
            : reopening
              ? "task.reopened"
              : "task.updated",
      task: updated,
      before: change[0],
      after: next ? { ...change[1], next_task: next.id } : change[1],
      undoes: undoes ?? null,
    });
  }
  return { row: updated, next };
}

export async function deleteTask(db: Database, userId: string, id: unknown, options?: ChangeOptions): Promise<Task> {
  const number = parseNumber(id);
  return db.transaction(async (tx) => {
    const access = await findTask(tx, userId, number, true);
    assertCan(access.role, "task.delete");
    const task = await taskJson(tx, userId, access.row.id);
    await softDelete(tx, userId, access.row, options);
    return task;
  });
}

/**
 * Deletes a task and its subtasks by hiding them (deleted_at): an undone delete brings back the same tasks under
 * the same numbers, with their history.
 */
export async function softDelete(
  tx: Executor,
  userId: string,
  row: TaskRow,
  options: ChangeOptions | undefined,
  undoes?: number,
) {
  const at = new Date();
  await executePrepared(
    tx,
    sql`update ${tasks} set deleted_at = ${at}, updated_at = ${at}
         where ${tasks.id} in (select id from (${subtreeOf(row.id)}) s) and ${tasks.deletedAt} is null`,
  );
  await record(tx, {
    actorId: userId,
    options,
    action: "task.deleted",
    task: row,
    before: { deleted_at: null },
    after: { deleted_at: at.toISOString() },
    undoes: undoes ?? null,
  });
}

async function createNextOccurrence(
  tx: Executor,
  userId: string,
  done: TaskRow,
  options: ChangeOptions | undefined,
): Promise<TaskRow | null> {
  if (!done.recurrence) return null;
  const base = done.dueAt ?? done.remindAt ?? done.completedAt ?? new Date();
  const nextBase = nextOccurrence(done.recurrence, base, done.timeZone);
  if (!nextBase) return null;
  const shift = nextBase.getTime() - base.getTime();
  const fields: NewTask = {
    userId: done.userId,
    projectId: done.projectId,
    parentId: done.parentId,
    position: done.position,
    assigneeId: done.assigneeId,
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
  };
  const { row } = await insertTask(tx, fields, {
    actorId: userId,
    options,
    after: { ...newSnapshot(fields), occurrence_of: done.id },
  });
  return row;
}

/**
 * Marks a task done. A recurring task gets its next occurrence in the same transaction.
 * Completing a task that is already done changes nothing and creates no second occurrence.
 */
/**
 * Snooze (a reminder notification's action): remind again at `until`. A reminder never comes after the due date,
 * so snoozing past it moves the due date to `until` as well; the task stays open. Through the one update path, so
 * permissions, activity and the reminder scheduler see it like any other change.
 */
export async function snoozeTask(
  db: Database,
  userId: string,
  id: unknown,
  input: unknown,
  options?: ChangeOptions,
): Promise<Task> {
  const { until } = parseInput(SnoozeInput, input);
  if (until.getTime() < Date.now() - 60_000) {
    throw new ValidationError("until must not be in the past", [
      { path: "until", message: "Snooze to a time that has not passed yet" },
    ]);
  }
  const current = await getTask(db, userId, id);
  if (current.completed) {
    throw new ValidationError("A completed task has no reminder to snooze", [
      { path: "until", message: "Reopen the task first" },
    ]);
  }
  const pastDue = current.due_at !== null && Date.parse(current.due_at) < until.getTime();
  const change = { remind_at: until.toISOString(), ...(pastDue ? { due_at: until.toISOString() } : {}) };
  return updateTask(db, userId, current.id, change, options);
}

export async function completeTask(
  db: Database,
  userId: string,
  id: unknown,
  options?: ChangeOptions,
): Promise<CompletedTask> {
  const number = parseNumber(id);
  return db.transaction(async (tx) => {
    const access = await findTask(tx, userId, number, true);
    assertCan(access.role, "task.complete");
    if (access.row.completed) return { task: await taskJson(tx, userId, access.row.id), next: null };
    const { row, next } = await applyUpdate(tx, userId, access, { completed: true }, options);
    return { task: await taskJson(tx, userId, row.id), next: next ? await taskJson(tx, userId, next.id) : null };
  });
}

export async function reopenTask(db: Database, userId: string, id: unknown, options?: ChangeOptions): Promise<Task> {
  const number = parseNumber(id);
  return db.transaction(async (tx) => {
    const access = await findTask(tx, userId, number, true);
    assertCan(access.role, "task.complete");
    if (access.row.completed) await applyUpdate(tx, userId, access, { completed: false }, options);
    return taskJson(tx, userId, access.row.id);
  });
}

/** Original API's toggle: completes a pending task (with recurrence) or reopens a completed one. */
export async function toggleTask(db: Database, userId: string, id: unknown, options?: ChangeOptions): Promise<Task> {
  const current = await getTask(db, userId, id);
  return current.completed ? reopenTask(db, userId, id, options) : (await completeTask(db, userId, id, options)).task;
}
