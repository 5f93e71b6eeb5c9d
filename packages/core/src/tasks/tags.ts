// Adding and removing tags as one UPDATE: the new list is computed by Postgres from the row it locks, so two
// concurrent changes (the UI adds "home" while the assistant removes "work") both land, and the tag limit holds.
import { parseInput, ValidationError } from "@todo/contract/errors";
import { LIMITS } from "@todo/contract/limits";
import { Tags, type Task } from "@todo/contract/task";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { ChangeOptions } from "../activity/log";
import { diff, record } from "../activity/log";
import type { Database } from "../db/client";
import { tasks } from "../db/schema";
import { assertCan } from "../projects/permissions";
import { findTask, parseNumber, taskJson } from "./task-rows";

export interface TagChange {
  add?: string[] | undefined;
  remove?: string[] | undefined;
}

export const hasTagChange = (change: TagChange) => Boolean(change.add?.length || change.remove?.length);

/**
 * The task's tags after the change: its own in their order, then the added ones not already there, without the
 * removed ones. Tags arrive normalised (lowercase, no '#') by the contract's Tags schema.
 */
export function tagsAfter({ add = [], remove = [] }: TagChange): SQL {
  return sql`array(
    select tag from unnest(array_cat(${tasks.tags}, ${sql.param(add, tasks.tags)}::text[])) with ordinality as t(tag, n)
     where tag <> all(${sql.param(remove, tasks.tags)}::text[])
     group by tag order by min(n))`;
}

/** The condition that keeps a change within the tag limit (the UPDATE then matches no row). */
export function withinTagLimit(change: TagChange): SQL {
  return sql`cardinality(${tagsAfter(change)}) <= ${LIMITS.tags}`;
}

/** A tag both added and removed in one change has no meaning: refused rather than guessed. */
export function checkTagChange(change: TagChange & { replace?: string[] | undefined }): void {
  if (change.replace !== undefined && (change.add !== undefined || change.remove !== undefined)) {
    throw new ValidationError("tags replaces the list; it cannot be combined with add_tags or remove_tags", [
      { path: "tags", message: "Give either the whole list of tags or the tags to add and remove, not both" },
    ]);
  }
  const both = (change.add ?? []).filter((tag) => change.remove?.includes(tag));
  if (both.length) {
    throw new ValidationError(`add_tags and remove_tags both name ${both.join(", ")}`, [
      { path: "remove_tags", message: `A tag cannot be added and removed at once: ${both.join(", ")}` },
    ]);
  }
}

export function tooManyTags(): ValidationError {
  return new ValidationError(`A task has at most ${LIMITS.tags} tags`, [
    { path: "add_tags", message: `A task can have at most ${LIMITS.tags} tags` },
  ]);
}

/**
 * Adds and removes tags in one statement and returns the task. A change that leaves the tags as they were does
 * not touch `updated_at`.
 */
export async function changeTags(
  db: Database,
  userId: string,
  id: unknown,
  change: TagChange,
  options?: ChangeOptions,
): Promise<Task> {
  const number = parseNumber(id);
  const normalised = {
    add: change.add && parseInput(Tags, change.add),
    remove: change.remove && parseInput(Tags, change.remove),
  };
  checkTagChange(normalised);
  const after = tagsAfter(normalised);
  return db.transaction(async (tx) => {
    const access = await findTask(tx, userId, number); // NotFoundError when the caller cannot see such a task
    assertCan(access.role, "task.update");
    const [row] = await tx
      .update(tasks)
      .set({
        tags: after,
        updatedAt: sql`case when ${after} = ${tasks.tags} then ${tasks.updatedAt} else now() end`,
      })
      .where(and(eq(tasks.id, access.row.id), withinTagLimit(normalised)))
      .returning();
    if (!row) throw tooManyTags();
    const changed = diff({ tags: access.row.tags }, { tags: row.tags });
    if (changed) {
      await record(tx, {
        actorId: userId,
        options,
        action: "task.updated",
        task: row,
        before: changed[0],
        after: changed[1],
      });
    }
    return taskJson(tx, userId, row.id);
  });
}

export const addTags = (db: Database, userId: string, id: unknown, tags: string[]) =>
  changeTags(db, userId, id, { add: tags });

export const removeTags = (db: Database, userId: string, id: unknown, tags: string[]) =>
  changeTags(db, userId, id, { remove: tags });
