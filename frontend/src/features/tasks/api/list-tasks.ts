// GET /api/tasks: the filtered, paged list, and the overview of upcoming tasks that feeds the tag filter and the
// reminder notifications.

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { LIMITS } from "@todo/contract/limits";
import type { TaskPage, TaskView } from "@todo/contract/task";
import { apiRequest } from "@/lib/api-client";
import type { TaskFilters } from "../utils/filters";
import { tasksKeys, timeZone } from "./task-cache";

export const PAGE_SIZE = LIMITS.listDefault;

/** Which tasks a view lists besides the filters: one project (or the Inbox), one task's subtasks, a daily view. */
export interface TaskScope {
  project?: string | "inbox";
  parent?: number | "none";
  view?: TaskView;
  /** The manual order (projects, subtasks) instead of the filters' sort. */
  sort?: "position";
}

function listQuery(filters: Partial<TaskFilters>, limit: number, offset = 0, scope: TaskScope = {}) {
  return {
    project: scope.project,
    parent: scope.parent,
    view: scope.view,
    status: filters.status,
    q: filters.q?.trim() || undefined,
    priority: filters.priority ?? undefined,
    tag: filters.tags?.length ? filters.tags : undefined,
    due: filters.due ?? undefined,
    sort: scope.sort ?? filters.sort,
    order: scope.sort ? "asc" : filters.order,
    limit,
    offset,
    tz: timeZone(),
  };
}

export function listTasks(
  filters: Partial<TaskFilters>,
  limit: number = PAGE_SIZE,
  offset = 0,
  signal?: AbortSignal,
  scope?: TaskScope,
) {
  return apiRequest<TaskPage>("/api/tasks", { query: listQuery(filters, limit, offset, scope), signal });
}

export function useTasks(filters: Partial<TaskFilters>, scope?: TaskScope) {
  return useInfiniteQuery({
    queryKey: tasksKeys.list(scope ? { ...filters, scope } : filters),
    queryFn: ({ pageParam, signal }) => listTasks(filters, PAGE_SIZE, pageParam, signal, scope),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.tasks.length, 0);
      return loaded < last.total && last.tasks.length > 0 ? loaded : undefined;
    },
    placeholderData: (previous) => previous,
  });
}

/** The largest page the API gives, soonest first: feeds the tag filter and the reminder notifications. */
export function useTaskOverview() {
  return useQuery({
    queryKey: tasksKeys.overview(),
    queryFn: ({ signal }) => listTasks({ status: "all", sort: "due", order: "asc" }, LIMITS.listLimit, 0, signal),
    refetchInterval: 60_000,
  });
}
