// Validation of task input and the Task JSON shape shared by the REST API and the MCP tools.
import { z } from "zod";
import { ValidationError } from "../errors";
import { isValidTimeZone, normalizeRecurrence } from "./recurrence";

export const PRIORITIES = ["none", "low", "medium", "high"] as const;
export const Priority = z.enum(PRIORITIES).meta({ description: "Task priority", example: "high" });
export type Priority = z.infer<typeof Priority>;

export const LIMITS = {
  title: 200,
  description: 4000,
  tags: 20,
  tag: 32,
  listLimit: 200,
  query: 200,
} as const;

export const Title = z
  .string()
  .trim()
  .min(1, "Title must not be empty")
  .max(LIMITS.title, `Title must be at most ${LIMITS.title} characters`)
  .meta({ description: "Task title, 1–200 characters (trimmed)", example: "Pay rent" });

export const Description = z
  .string()
  .max(LIMITS.description, `Description must be at most ${LIMITS.description} characters`)
  .meta({ description: "Free-text notes, up to 4000 characters", example: "Transfer to landlord" });

export const Tag = z
  .string()
  .trim()
  .transform((s) => s.replace(/^#/, "").toLowerCase())
  .pipe(
    z
      .string()
      .min(1, "Tags must not be empty")
      .max(LIMITS.tag, `Tags must be at most ${LIMITS.tag} characters`)
      .regex(/^[\p{L}\p{N}_-]+$/u, "Tags may contain letters, digits, '-' and '_' only"),
  )
  .meta({ description: "A tag: lowercase letters, digits, - and _ (a leading # is dropped)", example: "home" });

export const Tags = z
  .array(Tag)
  .max(100, "Too many tags")
  .transform((tags) => [...new Set(tags)])
  .pipe(z.array(z.string()).max(LIMITS.tags, `At most ${LIMITS.tags} tags`))
  .meta({ description: "Up to 20 tags", example: ["home", "finance"] });

export const DateTime = z.iso
  .datetime({ offset: true, message: "Must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T09:00:00Z" })
  .transform((s) => new Date(s))
  .meta({ description: "ISO 8601 date-time with offset", example: "2026-12-01T09:00:00Z" });

export const Recurrence = z
  .string()
  .max(500)
  .transform((s, ctx) => {
    try {
      return normalizeRecurrence(s);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  })
  .meta({
    description: 'RFC 5545 RRULE such as "FREQ=WEEKLY;BYDAY=MO", or daily|weekly|monthly|yearly',
    example: "FREQ=WEEKLY;BYDAY=MO",
  });

export const TimeZone = z
  .string()
  .max(64)
  .refine(isValidTimeZone, "Unknown time zone (use an IANA name such as Europe/Paris)")
  .meta({ description: "IANA time zone for recurrence and date filters", example: "Europe/Paris" });

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
});
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

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
});
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;

export const TASK_STATUSES = ["all", "pending", "completed"] as const;
export const DUE_FILTERS = ["overdue", "today", "week", "none"] as const;
export const SORTS = ["created", "due", "priority", "title"] as const;

export const ListTasksQuery = z.strictObject({
  status: z.enum(TASK_STATUSES).default("all"),
  q: z.string().trim().max(LIMITS.query).optional(),
  priority: Priority.optional(),
  tag: z
    .union([Tag, z.array(Tag).max(LIMITS.tags)])
    .transform((t) => (Array.isArray(t) ? t : [t]))
    .optional(),
  due: z.enum(DUE_FILTERS).optional(),
  sort: z.enum(SORTS).default("created"),
  order: z.enum(["asc", "desc"]).optional(),
  limit: z.coerce
    .number()
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(LIMITS.listLimit, `limit must be at most ${LIMITS.listLimit}`)
    .default(50),
  offset: z.coerce
    .number()
    .int("offset must be a whole number")
    .min(0, "offset must be 0 or more")
    .max(1_000_000, "offset must be at most 1000000")
    .default(0),
  tz: TimeZone.optional(),
});
export type ListTasksQuery = z.input<typeof ListTasksQuery>;
export type ListTasksFilter = z.output<typeof ListTasksQuery>;

/** The Task JSON of the REST contract; `id` is the per-user number. */
export const TaskJson = z
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
  })
  .meta({ id: "Task" });
export type TaskJson = z.infer<typeof TaskJson>;

/** Parses with a schema, turning failures into a ValidationError listing every problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationErrorFrom(result.error);
  return result.data;
}

export function validationErrorFrom(error: z.ZodError): ValidationError {
  const details = error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
  const first = details[0];
  const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : "Invalid input";
  return new ValidationError(message, details);
}
