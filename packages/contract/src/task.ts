// A task: its JSON shape, its fields with their rules, and the inputs that create, change and list tasks. The
// database layer, the REST routes, the MCP tools, the assistant and the UI's forms all use these.
import { z } from "zod";
import { DueFilter, Priority, SORTS, SortOrder, TaskStatus } from "./enums";
import { LIMITS } from "./limits";
import { Locale } from "./locale";
import { Position, ProjectId, UserId } from "./project";
import { canonicalRecurrence } from "./recurrence";
import { NO_NUL, NO_NUL_MESSAGE, stripBidiControls } from "./text";
import { TimeZone } from "./time-zone";

export const Title = z
  .string()
  .regex(NO_NUL, `Title ${NO_NUL_MESSAGE}`)
  .overwrite(stripBidiControls)
  .trim()
  .min(1, "Title must not be empty")
  .max(LIMITS.title, `Title must be at most ${LIMITS.title} characters`)
  .meta({ description: `Task title, 1–${LIMITS.title} characters (trimmed)`, example: "Pay rent" });

export const Description = z
  .string()
  .regex(NO_NUL, `Description ${NO_NUL_MESSAGE}`)
  .max(LIMITS.description, `Description must be at most ${LIMITS.description} characters`)
  .meta({ description: `Free-text notes, up to ${LIMITS.description} characters`, example: "Transfer to landlord" });

export const TAG_PATTERN = /^[\p{L}\p{N}_-]+$/u;

export const Tag = z
  .string()
  .trim()
  .transform((s) => s.replace(/^#/, "").toLowerCase())
  .pipe(
    z
      .string()
      .min(1, "Tags must not be empty")
      .max(LIMITS.tag, `Tags must be at most ${LIMITS.tag} characters`)
      .regex(TAG_PATTERN, "Tags may contain letters, digits, '-' and '_' only"),
  )
  .meta({ description: "A tag: lowercase letters, digits, - and _ (a leading # is dropped)", example: "home" });

export const Tags = z
  .array(Tag)
  .max(100, "Too many tags")
  .transform((tags) => [...new Set(tags)])
  .pipe(z.array(z.string()).max(LIMITS.tags, `At most ${LIMITS.tags} tags`))
  .meta({ description: `Up to ${LIMITS.tags} tags`, example: ["home", "finance"] });

/** Postgres has no year 0 and JavaScript writes years past 9999 as "+010000": both would fail in the database. */
const EARLIEST = new Date("0001-01-01T00:00:00Z").getTime();
const LATEST = new Date("9999-12-31T23:59:59.999Z").getTime();

export const DateTime = z.iso
  .datetime({ offset: true, message: "Must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T09:00:00Z" })
  .transform((s) => new Date(s))
  .refine(
    (d) => d.getTime() >= EARLIEST && d.getTime() <= LATEST,
    "Dates must fall between the years 0001 and 9999 (UTC)",
  )
  .meta({ description: "ISO 8601 date-time with offset", example: "2026-12-01T09:00:00Z" });

export const Recurrence = z
  .string()
  .max(LIMITS.recurrence)
  .transform((s, ctx) => {
    try {
      return canonicalRecurrence(s);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  })
  .meta({
    description: 'RFC 5545 RRULE such as "FREQ=WEEKLY;BYDAY=MO", or daily|weekly|monthly|yearly|weekdays',
    example: "FREQ=WEEKLY;BYDAY=MO",
  });

/** The per-user task number people, the API and the tools use. */
export const TaskId = z.number().int().min(1).max(2_147_483_647);
export type TaskId = z.infer<typeof TaskId>;

const taskFields = {
  title: Title,
  description: Description,
  completed: z.boolean(),
  priority: Priority,
  tags: Tags,
  due_at: DateTime.nullable(),
  remind_at: DateTime.nullable(),
  recurrence: Recurrence.nullable(),
  timezone: TimeZone,
  project_id: ProjectId.nullable().meta({ description: "The project, or null for the caller's Inbox" }),
  parent_id: TaskId.nullable().meta({ description: "The parent task (the caller's number); null for a top task" }),
  assignee_id: UserId.nullable().meta({ description: "A member of the task's project (user id), or null" }),
  position: Position,
};

export const CreateTaskInput = z.strictObject({
  title: taskFields.title,
  description: taskFields.description.optional(),
  completed: taskFields.completed.optional(),
  priority: taskFields.priority.optional(),
  tags: taskFields.tags.optional(),
  due_at: taskFields.due_at.optional(),
  remind_at: taskFields.remind_at.optional(),
  recurrence: taskFields.recurrence.optional(),
  timezone: taskFields.timezone.optional(),
  project_id: taskFields.project_id.optional(),
  parent_id: taskFields.parent_id.optional(),
  assignee_id: taskFields.assignee_id.optional(),
  position: taskFields.position.optional(),
});
export type CreateTaskInput = z.output<typeof CreateTaskInput>;
/** What a client sends to create a task (before the schema trims, normalises and parses dates). */
export type CreateTaskBody = z.input<typeof CreateTaskInput>;

export const UpdateTaskInput = z.strictObject({
  title: taskFields.title.optional(),
  description: taskFields.description.optional(),
  completed: taskFields.completed.optional(),
  priority: taskFields.priority.optional(),
  tags: taskFields.tags.optional(),
  due_at: taskFields.due_at.optional(),
  remind_at: taskFields.remind_at.optional(),
  recurrence: taskFields.recurrence.optional(),
  timezone: taskFields.timezone.optional(),
  project_id: taskFields.project_id.optional().meta({
    description: "Move the task (and its subtasks) to this project, or null for the Inbox; not for a subtask",
  }),
  parent_id: taskFields.parent_id.optional(),
  assignee_id: taskFields.assignee_id.optional(),
  position: taskFields.position.optional(),
  after: TaskId.nullable().optional().meta({
    description: "Reorder: place the task right after this sibling (the caller's number), or first with null",
  }),
  add_tags: Tags.optional().meta({
    description: "Tags to add to the task's own (kept in order, no duplicates); not with `tags`",
    example: ["urgent"],
  }),
  remove_tags: Tags.optional().meta({
    description: "Tags to take off the task (absent ones are ignored); not with `tags`",
    example: ["someday"],
  }),
});
export type UpdateTaskInput = z.output<typeof UpdateTaskInput>;
/** What a client sends to change a task. */
export type UpdateTaskBody = z.input<typeof UpdateTaskInput>;

/** A task in plain language ("Pay rent every 1st 9am #home !high"), for quick add and its preview. */
export const QuickAddInput = z.strictObject({
  text: z
    .string()
    .regex(NO_NUL, `text ${NO_NUL_MESSAGE}`)
    .trim()
    .min(1, "text must not be empty")
    .max(LIMITS.quickAddText, `text must be at most ${LIMITS.quickAddText} characters`)
    .meta({ description: "A task in plain language", example: "Pay rent every 1st 9am #home !high" }),
  timezone: TimeZone.optional(),
  locale: Locale.optional(),

  project_id: ProjectId.nullable()
    .optional()
    .meta({ description: "The project the task goes to unless the text names one with #project (default: Inbox)" }),
});
export type QuickAddInput = z.output<typeof QuickAddInput>;

/** What quick add understood from a line of text: the fields it would create. */
export const ParsedTask = z.object({
  title: z.string(),
  priority: Priority,
  tags: z.array(z.string()),
  due_at: z.string().nullable(),
  remind_at: z.string().nullable(),
  recurrence: z.string().nullable(),
  /** Present (true) when the text held only metadata ("#home", "!high"): quick add refuses it with 422. */
  untitled: z.boolean().optional(),

  project: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .optional()
    .meta({ description: "The project named with #project (one of the caller's projects), taken out of the tags" }),
});
export type ParsedTask = z.infer<typeof ParsedTask>;

/** The list's sorts: the shared SORTS plus `position`, the manual order. */
export const LIST_SORTS = [...SORTS, "position"] as const;
export const ListSort = z.enum(LIST_SORTS);

export const TASK_VIEWS = ["today", "upcoming"] as const;
export const TaskView = z.enum(TASK_VIEWS);
export type TaskView = z.infer<typeof TaskView>;

export const ListTasksQuery = z.strictObject({
  status: TaskStatus.default("all"),
  q: z.string().regex(NO_NUL, `q ${NO_NUL_MESSAGE}`).trim().max(LIMITS.query).optional(),
  priority: Priority.optional(),
  tag: z
    .union([Tag, z.array(Tag).max(LIMITS.tags)])
    .transform((t) => (Array.isArray(t) ? t : [t]))
    .optional(),
  due: DueFilter.optional(),
  sort: ListSort.optional().meta({ description: "Default: created (newest first); due with a view" }),
  order: SortOrder.optional(),
  limit: z.coerce
    .number()
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(LIMITS.listLimit, `limit must be at most ${LIMITS.listLimit}`)
    .default(LIMITS.listDefault),
  offset: z.coerce
    .number()
    .int("offset must be a whole number")
    .min(0, "offset must be 0 or more")
    .max(LIMITS.maxOffset, `offset must be at most ${LIMITS.maxOffset}`)
    .default(0),
  tz: TimeZone.optional(),
  cursor: z
    .string()
    .max(LIMITS.cursorLength, "cursor is not one this list gave out; start again without cursor")
    .optional()
    .meta({
      description:
        "Keyset paging: the next_cursor of the previous page (same filters and sort); stays right while tasks are added or removed, and costs the same at any depth. Not together with offset",
    }),
  project: z
    .union([z.literal("inbox"), ProjectId])
    .optional()
    .meta({ description: "A project id, or inbox for the caller's Inbox" }),
  parent: z
    .union([
      z.literal("none"),
      z
        .string()
        .regex(/^\d{1,9}$/, "parent must be a task id or none")
        .transform(Number),
      TaskId,
    ])
    .optional()
    .meta({ description: "Subtasks of this task (the caller's number), or none for top tasks only" }),
  assignee: z.literal("me").optional().meta({ description: "me: only tasks assigned to the caller" }),
  view: TaskView.optional().meta({
    description: `today: pending, due today or overdue; upcoming: pending, due in the next ${LIMITS.upcomingDays} days (sorted by due)`,
  }),
});
export type ListTasksQuery = z.input<typeof ListTasksQuery>;
export type ListTasksFilter = z.output<typeof ListTasksQuery>;

/** The Task JSON of the REST contract; `id` is the per-user number. */
export const Task = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string(),
    completed: z.boolean(),
    priority: Priority,
    tags: z.array(z.string()),
    due_at: z.string().nullable(),
    remind_at: z.string().nullable(),
    recurrence: z.string().nullable(),
    completed_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    project_id: z.string().nullable(),
    parent_id: z.number().int().nullable(),
    position: z.number(),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    subtasks: z.object({ total: z.number().int(), done: z.number().int() }),
  })
  .meta({ id: "Task" });
export type Task = z.infer<typeof Task>;

export const TaskPage = z.object({
  tasks: z.array(Task),
  total: z.number().int(),
  /** The `cursor` of the next page, null on the last page (REST list; the core list always gives it). */
  next_cursor: z.string().nullable().optional(),
});
export type TaskPage = z.infer<typeof TaskPage>;

export const TaskCountsQuery = z.strictObject({ tz: TimeZone.optional() });
export type TaskCountsQuery = z.output<typeof TaskCountsQuery>;

/**
 * How many of the user's tasks are in each state, for the UI's counts line. The due counts cover pending tasks
 * only (a finished task is not due) and use the same windows as the list's `due` filter, in the zone `tz`.
 */
export const TaskCounts = z
  .object({
    all: z.number().int(),
    pending: z.number().int(),
    completed: z.number().int(),
    overdue: z.number().int().meta({ description: "Pending, due before now" }),
    today: z.number().int().meta({ description: "Pending, due today (including earlier today)" }),
    tomorrow: z.number().int().meta({ description: "Pending, due tomorrow" }),
    week: z.number().int().meta({ description: "Pending, due in the seven days that start today" }),
  })
  .meta({ id: "TaskCounts" });
export type TaskCounts = z.infer<typeof TaskCounts>;

export const CompletedTask = z.object({ task: Task, next: Task.nullable() });

/** POST /api/tasks/{id}/snooze: remind again at `until` (a notification's snooze 10 min / 1 h / tomorrow). */
export const SnoozeInput = z.strictObject({
  until: DateTime.meta({
    description: "When to remind again (ISO 8601 with an offset)",
    example: "2026-12-04T09:00:00Z",
  }),
});
export type SnoozeInput = z.infer<typeof SnoozeInput>;
export type CompletedTask = z.infer<typeof CompletedTask>;
