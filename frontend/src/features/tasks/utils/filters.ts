// The list's filters live in the URL (?q=&status=&priority=&tag=&due=&sort=&order=) so a reload or a shared
// link shows the same list. Their values are the contract's enums.
import {
  DUE_FILTERS,
  type DueFilter,
  PRIORITIES,
  type Priority,
  SORT_ORDERS,
  SORTS,
  type Sort,
  type SortOrder,
  TASK_STATUSES,
  type TaskStatus,
} from "@todo/contract/enums";

export interface TaskFilters {
  status: TaskStatus;
  q: string;
  priority: Priority | null;
  tags: string[];
  due: DueFilter | null;
  sort: Sort;
  order: SortOrder;
}

/** The natural direction of each sort: newest first, soonest first, most important first, A→Z. */
export const DEFAULT_ORDER: Record<Sort, SortOrder> = {
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
  const sort = oneOf(SORTS, params.get("sort")) ?? DEFAULT_FILTERS.sort;
  return {
    status: oneOf(TASK_STATUSES, params.get("status")) ?? DEFAULT_FILTERS.status,
    q: params.get("q") ?? "",
    priority: oneOf(PRIORITIES, params.get("priority")),
    tags: [...new Set(params.getAll("tag").filter(Boolean))],
    due: oneOf(DUE_FILTERS, params.get("due")),
    sort,
    order: oneOf(SORT_ORDERS, params.get("order")) ?? DEFAULT_ORDER[sort],
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
