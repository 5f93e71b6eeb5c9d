// Paging of list_tasks and find_tasks over core's list (oldest first) with core's keyset cursor (decision 019): an
// opaque cursor naming the last task returned, so the next page starts right after it however many tasks were
// added or deleted meanwhile, and costs the same at any depth. A cursor belongs to its filters.

import { AppError, ValidationError } from "@todo/contract/errors";
import type { ListTasksFilter, Task, TaskPage } from "@todo/contract/task";
import { resolveProject } from "@todo/core/projects/resolve";
import { listValidatedTasksJson } from "@todo/core/tasks/tasks.service";
import { projectsOfTasks } from "./project-args";
import type { ToolContext } from "./tool";

export type PageFilter = Pick<
  ListTasksFilter,
  "status" | "q" | "priority" | "tag" | "due" | "tz" | "project" | "parent" | "assignee"
>;

/** One page of the filtered list after `cursorText` (or the first page), with the cursor of the next one. */
export async function pageOf(
  ctx: ToolContext,
  filter: PageFilter,
  limit: number,
  cursorText: string | undefined,
): Promise<{ tasks: Task[]; projects: { id: string; name: string }[]; total: number; next_cursor?: string }> {
  let page: TaskPage;
  try {
    page = JSON.parse(
      await listValidatedTasksJson(ctx.db, ctx.userId, {
        ...filter,
        sort: "created",
        order: "asc",
        limit,
        offset: 0,
        ...(cursorText === undefined ? {} : { cursor: cursorText }),
      }),
    );
  } catch (error) {
    // The tools have always answered a bad cursor as a validation error naming the argument.
    if (error instanceof AppError && error.code === "bad_request") {
      throw new ValidationError(error.message, [{ path: "cursor", message: error.message }]);
    }
    throw error;
  }
  return {
    tasks: page.tasks,
    projects: await projectsOfTasks(ctx, page.tasks),
    total: page.total,
    ...(page.next_cursor ? { next_cursor: page.next_cursor } : {}),
  };
}

/** The list's `project` filter for a project argument (a name or id, or "inbox"), resolved among the caller's. */
export async function projectFilter(ctx: ToolContext, project: string | undefined): Promise<string | undefined> {
  if (project === undefined) return undefined;
  return (await resolveProject(ctx.db, ctx.userId, project))?.id ?? "inbox";
}
