// Writing the activity log: one entry per change, in the transaction of the change, with the task's fields before
// and after (only the fields that changed, for an update).

import type { ActivityAction } from "@todo/contract/activity";
import type { Via } from "@todo/contract/enums";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { activity, type TaskRow, tasks } from "../db/schema";
import type { Executor } from "../tasks/task-rows";

/** Who is changing something, and through what. Every operation that changes data takes one. */
export interface ChangeOptions {
  /** Through what the change came (default `api`). */
  via?: Via;
}

export type Snapshot = Record<string, unknown>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The fields of a task the log keeps and undo restores. `parent_task` is the parent's own id, not a number. */
export function snapshot(row: TaskRow): Snapshot {
  return {
    title: row.title,
    description: row.description,
    completed: row.completed,
    completed_at: iso(row.completedAt),
    priority: row.priority,
    tags: row.tags,
    due_at: iso(row.dueAt),
    remind_at: iso(row.remindAt),
    recurrence: row.recurrence,
    time_zone: row.timeZone,
    project_id: row.projectId,
    parent_task: row.parentId,
    position: row.position,
    assignee_id: row.assigneeId,
    deleted_at: iso(row.deletedAt),
  };
}

/** The fields that differ, as [before, after]; null when nothing changed. */
export function diff(before: Snapshot, after: Snapshot): [Snapshot, Snapshot] | null {
  const b: Snapshot = {};
  const a: Snapshot = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? [b, a] : null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A snapshot whose strings are well-formed Unicode: a lone surrogate (which a text column stores as U+FFFD) would
 * make jsonb refuse the whole entry.
 */
export function wellFormed(value: Snapshot | null | undefined): Snapshot | null {
  if (!value) return null;
  return JSON.parse(
    JSON.stringify(value, (_key, v) => (typeof v === "string" ? v.replace(LONE_SURROGATE, "\uFFFD") : v)),
  );
}

export interface NewEntry {
  actorId: string;
  options: ChangeOptions | undefined;
  action: ActivityAction;
  task?: TaskRow;
  projectId?: string | null;
  before?: Snapshot | null;
  after?: Snapshot | null;
  undoes?: number | null;
}

/** Records one change; an Inbox task's entries are readable by the Inbox's owner only. */
export async function record(db: Executor, entry: NewEntry): Promise<number> {
  const projectId = entry.task ? entry.task.projectId : (entry.projectId ?? null);
  const [row] = await db
    .insert(activity)
    .values({
      actorId: entry.actorId,
      via: entry.options?.via ?? "api",
      action: entry.action,
      projectId,
      taskId: entry.task?.id ?? null,
      ownerId: projectId === null ? (entry.task?.userId ?? entry.actorId) : null,
      before: wellFormed(entry.before),
      after: wellFormed(entry.after),
      undoes: entry.undoes ?? null,
    })
    .returning({ id: activity.id });
  if (!row) throw new Error("activity insert returned no row");
  return row.id;
}

/**
 * The generated next occurrence of a completion is removed when nothing happened to it since it was made (its
 * creation is its only entry): reopening or undoing the completion then leaves no stray copy.
 */
export async function removeUntouchedNext(tx: Executor, completionAfter: unknown): Promise<void> {
  const next = (completionAfter as Snapshot | null)?.next_task;
  if (typeof next !== "string") return;
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(activity).where(eq(activity.taskId, next));
  if (Number(row?.n ?? 0) !== 1) return;
  const [untouched] = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.id, next), eq(tasks.completed, false), sql`${tasks.deletedAt} is null`));
  if (untouched) await tx.delete(tasks).where(eq(tasks.id, next));
}

/** The latest completion entry of a task (for reopen). */
export async function lastCompletion(tx: Executor, taskId: string): Promise<unknown> {
  const [row] = await tx
    .select({ after: activity.after })
    .from(activity)
    .where(and(eq(activity.taskId, taskId), eq(activity.action, "task.completed"), isNotNull(activity.after)))
    .orderBy(desc(activity.id))
    .limit(1);
  return row?.after ?? null;
}
