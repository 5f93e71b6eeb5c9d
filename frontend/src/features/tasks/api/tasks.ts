// Task endpoints and the TanStack Query hooks around them. Every mutation updates the cached lists at once
// (optimistic) and puts them back if the server says no.
import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { toast } from "sonner";
import { ApiError, apiRequest } from "@/lib/api-client";
import { formatWhen } from "../utils/format";

export const PRIORITIES = ["none", "low", "medium", "high"] as const;
export type Priority = (typeof PRIORITIES)[number];
export type StatusFilter = "all" | "pending" | "completed";
export type DueFilter = "overdue" | "today" | "week" | "none";
export type SortField = "created" | "due" | "priority" | "title";
export type SortOrder = "asc" | "desc";

export interface Task {
  id: number;
  title: string;
  description: string;
  completed: boolean;
  priority: Priority;
  tags: string[];
  due_at: string | null;
  remind_at: string | null;
  recurrence: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskFields {
  title: string;
  description?: string;
  completed?: boolean;
  priority?: Priority;
  tags?: string[];
  due_at?: string | null;
  remind_at?: string | null;
  recurrence?: string | null;
}

export interface TaskFilters {
  status: StatusFilter;
  q: string;
  priority: Priority | null;
  tags: string[];
  due: DueFilter | null;
  sort: SortField;
  order: SortOrder;
}

export interface ParsedQuickAdd {
  title: string;
  priority: Priority;
  tags: string[];
  due_at: string | null;
  remind_at: string | null;
  recurrence: string | null;
}

interface TaskPage {
  tasks: Task[];
  total: number;
}

export const PAGE_SIZE = 50;

export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export const tasksKeys = {
  all: ["tasks"] as const,
  lists: () => ["tasks", "list"] as const,
  list: (filters: TaskFilters) => ["tasks", "list", filters] as const,
  counts: () => ["tasks", "counts"] as const,
  overview: () => ["tasks", "overview"] as const,
};

function listQuery(filters: Partial<TaskFilters>, limit: number, offset = 0) {
  return {
    status: filters.status,
    q: filters.q?.trim() || undefined,
    priority: filters.priority ?? undefined,
    tag: filters.tags?.length ? filters.tags : undefined,
    due: filters.due ?? undefined,
    sort: filters.sort,
    order: filters.order,
    limit,
    offset,
    tz: timeZone(),
  };
}

export function listTasks(filters: Partial<TaskFilters>, limit = PAGE_SIZE, offset = 0, signal?: AbortSignal) {
  return apiRequest<TaskPage>("/api/tasks", { query: listQuery(filters, limit, offset), signal });
}

export function useTasks(filters: TaskFilters) {
  return useInfiniteQuery({
    queryKey: tasksKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listTasks(filters, PAGE_SIZE, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.tasks.length, 0);
      return loaded < last.total && last.tasks.length > 0 ? loaded : undefined;
    },
    placeholderData: (previous) => previous,
  });
}

export interface TaskCounts {
  pending: number;
  completed: number;
  overdue: number;
  today: number;
}

export function useTaskCounts() {
  return useQuery({
    queryKey: tasksKeys.counts(),
    queryFn: async ({ signal }): Promise<TaskCounts> => {
      const total = (filters: Partial<TaskFilters>) => listTasks(filters, 1, 0, signal).then((p) => p.total);
      const [pending, completed, overdue, today] = await Promise.all([
        total({ status: "pending" }),
        total({ status: "completed" }),
        total({ status: "pending", due: "overdue" }),
        total({ status: "pending", due: "today" }),
      ]);
      return { pending, completed, overdue, today };
    },
  });
}

/** Up to 200 pending tasks, soonest first: feeds the tag filter and the reminder notifications. */
export function useTaskOverview() {
  return useQuery({
    queryKey: tasksKeys.overview(),
    queryFn: ({ signal }) => listTasks({ status: "all", sort: "due", order: "asc" }, 200, 0, signal),
    refetchInterval: 60_000,
  });
}

export function parseQuickAdd(text: string, signal?: AbortSignal) {
  return apiRequest<ParsedQuickAdd>("/api/tasks/parse", {
    method: "POST",
    body: { text, timezone: timeZone() },
    signal,
  });
}

/** The live preview of what quick add understood; `unavailable` when the server has no parser endpoint. */
export function useQuickAddPreview(text: string) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: ["quick-add-preview", trimmed],
    queryFn: ({ signal }) => parseQuickAdd(trimmed, signal),
    enabled: trimmed.length > 0,
    staleTime: 60_000,
    retry: false,
    placeholderData: (previous) => previous,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Optimistic cache helpers

type ListData = InfiniteData<TaskPage, number>;
type Snapshot = Array<[readonly unknown[], ListData | undefined]>;

async function snapshotLists(queryClient: QueryClient): Promise<Snapshot> {
  await queryClient.cancelQueries({ queryKey: tasksKeys.lists() });
  return queryClient.getQueriesData<ListData>({ queryKey: tasksKeys.lists() });
}

function restoreLists(queryClient: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
}

function mapLists(queryClient: QueryClient, change: (tasks: Task[]) => Task[]) {
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

function patchTask(queryClient: QueryClient, id: number, fields: Partial<Task>) {
  mapLists(queryClient, (tasks) => tasks.map((t) => (t.id === id ? { ...t, ...fields } : t)));
}

function prependTask(queryClient: QueryClient, task: Task) {
  queryClient.setQueriesData<ListData>({ queryKey: tasksKeys.lists() }, (data) => {
    if (!data?.pages[0]) return data;
    const [first, ...rest] = data.pages;
    return { ...data, pages: [{ tasks: [task, ...first.tasks], total: first.total + 1 }, ...rest] };
  });
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.unreachable) return "The server is unreachable; your change was not saved.";
    return error.message;
  }
  return "Something went wrong; your change was not saved.";
}

function invalidateTasks(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: tasksKeys.all });
}

let temporaryId = -1;

function draftTask(fields: Partial<Task> & { title: string }): Task {
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
    ...fields,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations

export function useQuickAdd() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text }: { text: string; preview?: ParsedQuickAdd }) =>
      apiRequest<Task>("/api/tasks", { method: "POST", body: { text, timezone: timeZone() } }),
    onMutate: async ({ text, preview }) => {
      const snapshot = await snapshotLists(queryClient);
      prependTask(queryClient, draftTask(preview ? { ...preview } : { title: text }));
      return { snapshot };
    },
    onError: (error, _vars, context) => {
      restoreLists(queryClient, context?.snapshot);
      toast.error(`Could not add the task. ${describeError(error)}`);
    },
    onSettled: () => invalidateTasks(queryClient),
  });
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, fields }: { id: number; fields: Partial<TaskFields> }) =>
      apiRequest<Task>(`/api/tasks/${id}`, { method: "PATCH", body: { ...fields, timezone: timeZone() } }),
    onMutate: async ({ id, fields }) => {
      const snapshot = await snapshotLists(queryClient);
      patchTask(queryClient, id, fields as Partial<Task>);
      return { snapshot };
    },
    onError: (error, _vars, context) => {
      restoreLists(queryClient, context?.snapshot);
      toast.error(`Could not save the task. ${describeError(error)}`);
    },
    onSettled: () => invalidateTasks(queryClient),
  });
}

export function useToggleTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (task: Task) => {
      if (task.completed) {
        return { task: await apiRequest<Task>(`/api/tasks/${task.id}/reopen`, { method: "POST" }), next: null };
      }
      return apiRequest<{ task: Task; next: Task | null }>(`/api/tasks/${task.id}/complete`, { method: "POST" });
    },
    onMutate: async (task) => {
      const snapshot = await snapshotLists(queryClient);
      patchTask(queryClient, task.id, {
        completed: !task.completed,
        completed_at: task.completed ? null : new Date().toISOString(),
      });
      return { snapshot };
    },
    onSuccess: ({ task, next }) => {
      if (next) {
        const when = next.due_at ? ` — next one ${formatWhen(next.due_at)}` : "";
        toast.success(`Completed “${task.title}”${when}`);
      }
    },
    onError: (error, _task, context) => {
      restoreLists(queryClient, context?.snapshot);
      toast.error(`Could not update the task. ${describeError(error)}`);
    },
    onSettled: () => invalidateTasks(queryClient),
  });
}

/** Deletes at once; "Undo" re-creates the task from its old fields (it gets a new number). */
export function useDeleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: Task) => apiRequest<void>(`/api/tasks/${task.id}`, { method: "DELETE" }),
    onMutate: async (task) => {
      const snapshot = await snapshotLists(queryClient);
      mapLists(queryClient, (tasks) => tasks.filter((t) => t.id !== task.id));
      return { snapshot };
    },
    onSuccess: (_data, task) => {
      toast.success(`Deleted “${task.title}”`, {
        duration: 8_000,
        action: { label: "Undo", onClick: () => void undoDelete(queryClient, task) },
      });
    },
    onError: (error, _task, context) => {
      restoreLists(queryClient, context?.snapshot);
      toast.error(`Could not delete the task. ${describeError(error)}`);
    },
    onSettled: () => invalidateTasks(queryClient),
  });
}

// Plain function rather than a hook: the toast outlives the row (and maybe the page) that deleted the task.
async function undoDelete(queryClient: QueryClient, task: Task) {
  const fields: TaskFields = {
    title: task.title,
    description: task.description,
    completed: task.completed,
    priority: task.priority,
    tags: task.tags,
    due_at: task.due_at,
    remind_at: task.remind_at,
    recurrence: task.recurrence,
  };
  const snapshot = await snapshotLists(queryClient);
  prependTask(queryClient, draftTask(fields));
  try {
    await apiRequest<Task>("/api/tasks", { method: "POST", body: { ...fields, timezone: timeZone() } });
    toast.success(`Restored “${task.title}”`);
  } catch (error) {
    restoreLists(queryClient, snapshot);
    toast.error(`Could not restore the task. ${describeError(error)}`);
  } finally {
    await invalidateTasks(queryClient);
  }
}
