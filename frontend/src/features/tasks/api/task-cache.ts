// The task feature's query keys and the optimistic cache helpers its mutations share: every mutation changes the
// cached lists at once and puts them back if the server says no.

import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { Task, TaskPage } from "@todo/contract/task";
import { ApiError } from "@/lib/api-client";

/** The browser's IANA zone: the zone a person means when they pick a date or say "today". */
export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The browser's locale, which the UI formats dates in: quick add reads "12/03" the same way (day or month first). */
export function locale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

export const tasksKeys = {
  all: ["tasks"] as const,
  lists: () => ["tasks", "list"] as const,
  list: (filters: unknown) => ["tasks", "list", filters] as const,
  counts: () => ["tasks", "counts"] as const,
  overview: () => ["tasks", "overview"] as const,
};

type ListData = InfiniteData<TaskPage, number>;
export type Snapshot = Array<[readonly unknown[], ListData | undefined]>;

export async function snapshotLists(queryClient: QueryClient): Promise<Snapshot> {
  await queryClient.cancelQueries({ queryKey: tasksKeys.lists() });
  return queryClient.getQueriesData<ListData>({ queryKey: tasksKeys.lists() });
}

export function restoreLists(queryClient: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}

export function mapLists(queryClient: QueryClient, change: (tasks: Task[]) => Task[]) {
  queryClient.setQueriesData<ListData>({ queryKey: tasksKeys.lists() }, (data) => {
    if (!data) return data;
    return {
      ...data,
      pages: data.pages.map((page) => {
        const tasks = change(page.tasks);
        return { ...page, tasks, total: page.total + (tasks.length - page.tasks.length) };
      }),
    };
  });
}

export function patchTask(queryClient: QueryClient, id: number, fields: Partial<Task>) {
  mapLists(queryClient, (tasks) => tasks.map((t) => (t.id === id ? { ...t, ...fields } : t)));
}

/** Whether a list of this query key would hold the task: a draft goes only where it will be once saved. */
function listHolds(key: readonly unknown[], task: Task): boolean {
  const scope = (key[2] as { scope?: { project?: string; parent?: number | "none"; view?: string } } | undefined)
    ?.scope;
  if (!scope) return true;
  if (typeof scope.parent === "number" && scope.parent !== task.parent_id) return false;
  if (scope.project && scope.project !== (task.project_id ?? "inbox")) return false;
  if (scope.view && !task.due_at) return false;
  return true;
}

export function prependTask(queryClient: QueryClient, task: Task) {
  queryClient.setQueriesData<ListData>(
    { queryKey: tasksKeys.lists(), predicate: (q) => listHolds(q.queryKey, task) },
    (data) => {
      if (!data?.pages[0]) return data;
      const [first, ...rest] = data.pages;
      return { ...data, pages: [{ tasks: [task, ...first.tasks], total: first.total + 1 }, ...rest] };
    },
  );
}

export function invalidateTasks(queryClient: QueryClient) {
  // The projects' pending counts (the sidebar) change with their tasks.
  void queryClient.invalidateQueries({ queryKey: ["projects", "list"] });
  void queryClient.invalidateQueries({ queryKey: ["projects", "archived"] });
  void queryClient.invalidateQueries({ queryKey: ["projects", "detail"] });
  return queryClient.invalidateQueries({ queryKey: tasksKeys.all });
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.unreachable) return "The server is unreachable; your change was not saved.";
    return error.message;
  }
  return "Something went wrong; your change was not saved.";
}

let temporaryId = -1;

/** A task shown before the server has answered (negative id: not clickable yet). */
export function draftTask(fields: Partial<Task> & { title: string }): Task {
  const now = new Date().toISOString();
  return {
    id: temporaryId--,
    description: "",
    completed: false,
    priority: "none",
    tags: [],
    due_at: null,
    remind_at: null,
    recurrence: null,
    completed_at: null,
    created_at: now,
    updated_at: now,
    project_id: null,
    parent_id: null,
    position: Date.now() / 1000,
    assignee: null,
    subtasks: { total: 0, done: 0 },
    ...fields,
  };
}
