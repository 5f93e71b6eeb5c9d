// The list's filters live in the URL (?q=&status=&priority=&tag=&due=&sort=&order=) so a reload or a shared
// link shows the same list.
import type { DueFilter, Priority, SortField, SortOrder, StatusFilter, TaskFilters } from "../api/tasks";

const STATUSES: StatusFilter[] = ["all", "pending", "completed"];
const PRIORITY_VALUES: Priority[] = ["none", "low", "medium", "high"];
const DUES: DueFilter[] = ["overdue", "today", "week", "none"];
const SORT_FIELDS: SortField[] = ["created", "due", "priority", "title"];

/** The natural direction of each sort: newest first, soonest first, most important first, A→Z. */
export const DEFAULT_ORDER: Record<SortField, SortOrder> = {
  created: "desc",
  due: "asc",
  priority: "desc",
  title: "asc",
};

export const DEFAULT_FILTERS: TaskFilters = {
  status: "pending",
  q: "",
  priority: null,
  tags: [],
  due: null,
  sort: "created",
  order: "desc",
};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function filtersFromParams(params: URLSearchParams): TaskFilters {
  const sort = oneOf(SORT_FIELDS, params.get("sort")) ?? DEFAULT_FILTERS.sort;
  return {
    status: oneOf(STATUSES, params.get("status")) ?? DEFAULT_FILTERS.status,
    q: params.get("q") ?? "",
    priority: oneOf(PRIORITY_VALUES, params.get("priority")),
    tags: [...new Set(params.getAll("tag").filter(Boolean))],
    due: oneOf(DUES, params.get("due")),
    sort,
    order: oneOf(["asc", "desc"] as const, params.get("order")) ?? DEFAULT_ORDER[sort],
  };
}

export function paramsFromFilters(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.status !== DEFAULT_FILTERS.status) params.set("status", filters.status);
  if (filters.priority) params.set("priority", filters.priority);
  for (const tag of filters.tags) params.append("tag", tag);
  if (filters.due) params.set("due", filters.due);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set("sort", filters.sort);
  if (filters.order !== DEFAULT_ORDER[filters.sort]) params.set("order", filters.order);
  return params;
}

/** True when something narrows the list beyond the default "pending" view. */
export function isFiltered(filters: TaskFilters): boolean {
  return Boolean(filters.q.trim() || filters.priority || filters.tags.length || filters.due);
}
