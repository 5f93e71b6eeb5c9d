// Paging of list_tasks and find_tasks over core's list (oldest first): an opaque cursor that stays right while
// tasks are added or deleted between pages. It names the last task returned (its creation time and number, the
// list's order) and where the next page began; if tasks before it were deleted meanwhile, the next page is found
// again by a binary search on that order (a bounded number of one-row queries), so no task is skipped or repeated.

import { ValidationError } from "@todo/contract/errors";
import { LIMITS } from "@todo/contract/limits";
import type { ListTasksFilter, Task, TaskPage } from "@todo/contract/task";
import { resolveProject } from "@todo/core/projects/resolve";
import { listValidatedTasksJson } from "@todo/core/tasks/tasks.service";
import { projectsOfTasks } from "./project-args";
import type { ToolContext } from "./tool";

export type PageFilter = Pick<
  ListTasksFilter,
  "status" | "q" | "priority" | "tag" | "due" | "tz" | "project" | "parent" | "assignee"
>;

interface Cursor {
  /** Offset at which the next page began when the cursor was made. */
  o: number;
  /** created_at (ms) and number of the last task returned. */
  c: number;
  i: number;
  /** Which filters the cursor belongs to. */
  f: string;
}

/** A short fingerprint of the filters (FNV-1a): a cursor is refused with other filters. */
function fingerprint(filter: PageFilter): string {
  const text = JSON.stringify([
    filter.status,
    filter.q,
    filter.priority,
    filter.tag,
    filter.due,
    filter.tz,
    filter.project,
    filter.parent,
    filter.assignee,
  ]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

const encode = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function badCursor(): ValidationError {
  const message = "cursor is not one this list gave out for these filters; start again without cursor";
  return new ValidationError(message, [{ path: "cursor", message }]);
}

function decode(text: string, filter: PageFilter): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const c = value as Cursor;
  const ok =
    typeof c === "object" &&
    c !== null &&
    [c.o, c.c, c.i].every((n) => Number.isSafeInteger(n) && n >= 0) &&
    c.o <= LIMITS.maxOffset &&
    c.f === fingerprint(filter);
  if (!ok) throw badCursor();
  return c;
}

/** The list's order: creation time, then number. Negative when `task` comes before the cursor's task. */
function compare(task: Task, cursor: Cursor): number {
  return Date.parse(task.created_at) - cursor.c || task.id - cursor.i;
}

async function fetchPage(ctx: ToolContext, filter: PageFilter, offset: number, limit: number): Promise<TaskPage> {
  return JSON.parse(
    await listValidatedTasksJson(ctx.db, ctx.userId, { ...filter, sort: "created", order: "asc", limit, offset }),
  );
}

/** One page of the filtered list after `cursorText` (or the first page), with the cursor of the next one. */
export async function pageOf(
  ctx: ToolContext,
  filter: PageFilter,
  limit: number,
  cursorText: string | undefined,
): Promise<{ tasks: Task[]; projects: { id: string; name: string }[]; total: number; next_cursor?: string }> {
  let offset = 0;
  if (cursorText !== undefined) {
    const cursor = decode(cursorText, filter);
    // Usual case: nothing before the cursor changed, so the task before the next page is the cursor's task.
    const probe = await fetchPage(ctx, filter, Math.max(0, cursor.o - 1), 1);
    const before = probe.tasks[0];
    if (cursor.o > 0 && before && compare(before, cursor) === 0) offset = cursor.o;
    else {
      // Tasks were added or deleted before it: the first task after the cursor's, by binary search (≤ 21 steps).
      let lo = 0;
      let hi = Math.min(probe.total, LIMITS.maxOffset);
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        const at = (await fetchPage(ctx, filter, mid, 1)).tasks[0];
        if (at && compare(at, cursor) <= 0) lo = mid + 1;
        else hi = mid;
      }
      offset = lo;
    }
  }
  const page = await fetchPage(ctx, filter, offset, limit);
  const last = page.tasks.at(-1);
  const next = offset + page.tasks.length;
  return {
    tasks: page.tasks,
    projects: await projectsOfTasks(ctx, page.tasks),
    total: page.total,
    ...(last && next < page.total && next <= LIMITS.maxOffset
      ? { next_cursor: encode({ o: next, c: Date.parse(last.created_at), i: last.id, f: fingerprint(filter) }) }
      : {}),
  };
}

/** The list's `project` filter for a project argument (a name or id, or "inbox"), resolved among the caller's. */
export async function projectFilter(ctx: ToolContext, project: string | undefined): Promise<string | undefined> {
  if (project === undefined) return undefined;
  return (await resolveProject(ctx.db, ctx.userId, project))?.id ?? "inbox";
}
