// Reading the activity log and undoing one change. An entry is readable by whoever can see its task (or is a
// member of its project; an Inbox entry by the Inbox's owner). Undo reverts one change when nothing changed the
// task since; otherwise it is a coded conflict.
import { type ActivityEntry, ActivityQuery } from "@todo/contract/activity";
import { AppError, NotFoundError, parseInput } from "@todo/contract/errors";
import type { UpdateTaskInput } from "@todo/contract/task";
import { and, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { executePrepared } from "../db/prepared";
import { activity, projectMembers, taskNumbers, tasks, users } from "../db/schema";
import { projectRole } from "../projects/access";
import { assertCan } from "../projects/permissions";
import { type Executor, findTask, findTaskById, type TaskAccess } from "../tasks/task-rows";
import { applyUpdate, type ChangeOptions, softDelete } from "../tasks/tasks.service";
import { record, type Snapshot } from "./log";

/** Keys of a snapshot that hold internal ids, not shown to clients. */
const INTERNAL = new Set(["parent_task", "next_task", "occurrence_of"]);

function publicSnapshot(value: unknown): Record<string, unknown> | null {
  if (!value || typeof value !== "object") return null;
  return Object.fromEntries(Object.entries(value as Snapshot).filter(([k]) => !INTERNAL.has(k)));
}

async function entries(db: Executor, userId: string, where: SQL | undefined, limit: number): Promise<ActivityEntry[]> {
  const rows = await db
    .select({
      id: activity.id,
      at: activity.createdAt,
      actorId: activity.actorId,
      actorName: users.name,
      via: activity.via,
      action: activity.action,
      projectId: activity.projectId,
      number: taskNumbers.number,
      before: activity.before,
      after: activity.after,
      undoes: activity.undoes,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .leftJoin(taskNumbers, and(eq(taskNumbers.userId, userId), eq(taskNumbers.taskId, activity.taskId)))
    .where(where)
    .orderBy(desc(activity.id))
    .limit(limit);
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    actor: r.actorId && r.actorName !== null ? { id: r.actorId, name: r.actorName } : null,
    via: r.via,
    action: r.action as ActivityEntry["action"],
    project_id: r.projectId,
    task_id: r.number,
    before: publicSnapshot(r.before),
    after: publicSnapshot(r.after),
    undoes: r.undoes === null ? null : String(r.undoes),
  }));
}

/** The entries the caller may read: their Inbox's and those of the projects they are a member of. */
function readableBy(userId: string): SQL {
  return or(
    eq(activity.ownerId, userId),
    inArray(
      activity.projectId,
      sql`(select ${projectMembers.projectId} from ${projectMembers} where ${projectMembers.userId} = ${userId})`,
    ),
  ) as SQL;
}

/** `GET /api/activity?project=&task=`: newest first. */
export async function listActivity(db: Database, userId: string, query: unknown = {}): Promise<ActivityEntry[]> {
  const filter = parseInput(ActivityQuery, query);
  const where: (SQL | undefined)[] = [];
  if (filter.task !== undefined) {
    const found = await findTask(db, userId, filter.task);
    where.push(eq(activity.taskId, found.row.id));
  } else {
    where.push(readableBy(userId));
  }
  if (filter.project !== undefined) {
    await projectRole(db, userId, filter.project);
    where.push(eq(activity.projectId, filter.project));
  }
  if (filter.before !== undefined) where.push(lt(activity.id, Number(filter.before)));
  return entries(db, userId, and(...where), filter.limit);
}

function conflict(message: string): AppError {
  return new AppError("conflict", message);
}

const dateOrNull = (v: unknown) => (typeof v === "string" ? new Date(v) : null);

/** The fields of a snapshot as an update that puts them back. */
async function restoring(
  tx: Executor,
  userId: string,
  before: Snapshot,
): Promise<UpdateTaskInput & { deleted_at?: Date | null }> {
  const change: UpdateTaskInput & { deleted_at?: Date | null } = {};
  const has = (k: string) => Object.hasOwn(before, k);
  if (has("title")) change.title = before.title as string;
  if (has("description")) change.description = before.description as string;
  if (has("completed")) change.completed = before.completed as boolean;
  if (has("priority")) change.priority = before.priority as UpdateTaskInput["priority"];
  if (has("tags")) change.tags = before.tags as string[];
  if (has("due_at")) change.due_at = dateOrNull(before.due_at);
  if (has("remind_at")) change.remind_at = dateOrNull(before.remind_at);
  if (has("recurrence")) change.recurrence = before.recurrence as string | null;
  if (has("time_zone")) change.timezone = before.time_zone as string;
  if (has("position")) change.position = before.position as number;
  if (has("assignee_id")) change.assignee_id = before.assignee_id as string | null;
  if (has("deleted_at")) change.deleted_at = dateOrNull(before.deleted_at);
  if (has("parent_task")) {
    const parent = before.parent_task as string | null;
    if (parent === null) change.parent_id = null;
    else {
      const [n] = await tx
        .select({ number: taskNumbers.number })
        .from(taskNumbers)
        .where(and(eq(taskNumbers.userId, userId), eq(taskNumbers.taskId, parent)));
      if (!n) throw conflict("The task's former parent is gone; it cannot be put back under it");
      change.parent_id = n.number;
    }
  }
  if (has("project_id") && change.parent_id == null) change.project_id = before.project_id as string | null;
  return change;
}

/** `POST /api/activity/{id}/undo`: reverts one change to a task when nothing changed the task since. */
export async function undoActivity(
  db: Database,
  userId: string,
  id: unknown,
  options?: ChangeOptions,
): Promise<{ undone: ActivityEntry; entry: ActivityEntry }> {
  const entryId = typeof id === "string" && /^\d{1,18}$/.test(id) ? Number(id) : Number.NaN;
  const missing = new NotFoundError(`Activity ${String(id).slice(0, 20)} was not found`);
  if (!Number.isSafeInteger(entryId)) throw missing;
  return db.transaction(async (tx) => {
    const [entry] = await tx.select().from(activity).where(eq(activity.id, entryId)).limit(1);
    if (!entry) throw missing;
    let access: TaskAccess | null = null;
    if (entry.taskId) access = await findTaskById(tx, userId, entry.taskId);
    const readable = access
      ? true
      : entry.taskId === null &&
        (entry.ownerId === userId ||
          (entry.projectId !== null &&
            (await projectRole(tx, userId, entry.projectId).then(
              () => true,
              () => false,
            ))));
    if (!readable) throw missing;
    if (!access) throw conflict("Only changes to a task can be undone");
    const [latest] = await tx
      .select({ id: sql<number>`max(${activity.id})` })
      .from(activity)
      .where(eq(activity.taskId, access.row.id));
    if (Number(latest?.id) !== entry.id) {
      throw conflict("The task has changed since; undo the later change first");
    }
    const before = (entry.before ?? {}) as Snapshot;
    switch (entry.action) {
      case "task.created": {
        assertCan(access.role, "task.delete");
        if (access.row.deletedAt) throw conflict("The task is already deleted");
        await softDelete(tx, userId, access.row, options, entry.id);
        break;
      }
      case "task.deleted": {
        assertCan(access.role, "task.delete");
        const at = dateOrNull((entry.after as Snapshot | null)?.deleted_at);
        if (!at) throw conflict("This change cannot be undone");
        await executePrepared(
          tx,
          sql`update ${tasks} set deleted_at = null, updated_at = now()
               where ${tasks.deletedAt} = ${at}
                 and ${tasks.id} in (with recursive sub(id, depth) as (
                       select ${access.row.id}::uuid, 1
                       union all select c.id, sub.depth + 1 from ${tasks} c join sub on c.parent_id = sub.id where sub.depth < 8
                     ) select id from sub)`,
        );
        await record(tx, {
          actorId: userId,
          options,
          action: "task.restored",
          task: access.row,
          before: { deleted_at: at.toISOString() },
          after: { deleted_at: null },
          undoes: entry.id,
        });
        break;
      }
      default: {
        if (access.row.deletedAt) throw conflict("The task was deleted; undo the delete first");
        const change = await restoring(tx, userId, before);
        await applyUpdate(tx, userId, access, change, options, entry.id);
      }
    }
    const [undone] = await entries(tx, userId, eq(activity.id, entry.id), 1);
    const [made] = await entries(tx, userId, eq(activity.undoes, entry.id), 1);
    if (!undone || !made) throw new Error("undo left no entry");
    return { undone, entry: made };
  });
}
