// Every enumeration the parts of the app share. Declaration order is meaningful where noted.
import { z } from "zod";

/** Declaration order is the sort order (none < low < medium < high). */
export const PRIORITIES = ["none", "low", "medium", "high"] as const;
export const Priority = z.enum(PRIORITIES).meta({ description: "Task priority", example: "high" });
export type Priority = z.infer<typeof Priority>;

export const TASK_STATUSES = ["all", "pending", "completed"] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const DUE_FILTERS = ["overdue", "today", "tomorrow", "week", "none"] as const;
export const DueFilter = z.enum(DUE_FILTERS);
export type DueFilter = z.infer<typeof DueFilter>;

export const SORTS = ["created", "due", "priority", "title"] as const;
export const Sort = z.enum(SORTS);
export type Sort = z.infer<typeof Sort>;

export const SORT_ORDERS = ["asc", "desc"] as const;
export const SortOrder = z.enum(SORT_ORDERS);
export type SortOrder = z.infer<typeof SortOrder>;

/** Project roles, weakest first. */
export const ROLES = ["viewer", "editor", "owner"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Through what a change was made (recorded in the activity log). */
export const VIAS = ["web", "api", "mcp", "assistant", "caldav"] as const;
export const Via = z.enum(VIAS);
export type Via = z.infer<typeof Via>;
