// The shape of a held-out assistant case (README.md in this folder explains every field). Cases are data; this
// schema checks them when the evaluation loads them, so a typo in a case is reported instead of silently passing.
import { z } from "zod";

const WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const DAY_RE = new RegExp(
  `^(today|tomorrow|yesterday|[+-]\\d{1,3}|${WEEKDAY}|this-${WEEKDAY}|next-week-${WEEKDAY}|dom-\\d{1,2}|\\d{2}-\\d{2})$`,
);

export const DaySpec = z.string().regex(DAY_RE, "unknown day spec");
export const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time must be HH:MM");

/** A local date-time relative to the run's "now" in the case's time zone. */
export const DateSpec = z.union([
  z
    .object({
      day: z.union([DaySpec, z.array(DaySpec).min(1), z.object({ from: DaySpec, to: DaySpec }).strict()]),
      time: z.union([Clock, z.array(Clock).min(1), z.literal("any"), z.null()]),
    })
    .strict(),
  z.object({ minutesFromNow: z.number().int() }).strict(),
]);
export type DateSpec = z.infer<typeof DateSpec>;

/** A reminder may also be given relative to the task's (new) due date. */
const RemindSpec = z.union([DateSpec, z.object({ beforeDue: z.number().int() }).strict()]);

function alt<T extends z.ZodType>(value: T) {
  return z.union([value, z.object({ anyOf: z.array(value).min(1) }).strict()]);
}

export const Priority = z.enum(["none", "low", "medium", "high"]);
const Rule = z.union([
  z.string().min(1),
  z.null(),
  z
    .object({
      freq: z.enum(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
      interval: z.number().int().optional(),
      byday: z.array(z.string()).optional(),
    })
    .strict(),
]);

/** A task named by its ref (setup ref/title or a task created in an earlier turn), by id, or by its position in the
 * previous reply among some candidates. */
export const Ref = z.union([
  z.string().min(1),
  z.object({ id: z.number().int() }).strict(),
  z
    .object({ nthInReply: z.number().int(), of: z.array(z.string()).min(2), turn: z.number().int().min(1).optional() })
    .strict(),
]);
export type Ref = z.infer<typeof Ref>;

export const FieldExpect = z
  .object({
    title: alt(z.string().min(1)),
    description: alt(z.string()),
    priority: alt(Priority),
    tags: alt(z.array(z.string())),
    due: alt(z.union([DateSpec, z.null()])),
    remind: alt(z.union([RemindSpec, z.null()])),
    recurrence: alt(Rule),
    completed: z.boolean(),
    project: alt(z.union([z.string(), z.null()])),
    parent: z.union([Ref, z.null()]),
    assignee: z.union([z.string(), z.null()]),
  })
  .partial()
  .strict();
export type FieldExpect = z.infer<typeof FieldExpect>;

const Created = FieldExpect.extend({ title: alt(z.string().min(1)), ref: z.string().optional() }).strict();
export type Created = z.infer<typeof Created>;

const Role = z.enum(["owner", "editor", "viewer"]);
const ProjectsExpect = z
  .object({
    created: z.array(z.object({ name: z.string() }).strict()),
    deleted: z.array(z.string()),
    renamed: z.array(z.object({ project: z.string(), to: z.string() }).strict()),
    members: z.array(z.object({ project: z.string(), email: z.string(), role: alt(Role) }).strict()),
  })
  .partial()
  .strict();

const Outcome = z
  .object({
    created: z.array(Created),
    completed: z.array(Ref),
    reopened: z.array(Ref),
    deleted: z.array(Ref),
    changed: z.array(z.object({ task: Ref, set: FieldExpect }).strict()),
    projects: ProjectsExpect,
    asks: z.boolean(),
    mentions: z.array(z.union([z.string(), z.array(z.string()).min(1)])),
    notMentions: z.array(z.string()),
  })
  .partial()
  .strict();
export type Outcome = z.infer<typeof Outcome>;

export const Expect = Outcome.extend({ allow: z.array(Outcome).optional() }).strict();
export type Expect = z.infer<typeof Expect>;

export const SetupTask = z
  .object({
    title: z.string().min(1),
    ref: z.string().optional(),
    description: z.string().optional(),
    priority: Priority.optional(),
    tags: z.array(z.string()).optional(),
    due: DateSpec.optional(),
    remind: DateSpec.optional(),
    recurrence: z.string().optional(),
    completed: z.boolean().optional(),
    project: z.string().optional(),
    parent: z.string().optional(),
    assignee: z.string().optional(),
  })
  .strict();
export type SetupTask = z.infer<typeof SetupTask>;

export const AREAS = [
  "add",
  "add-date",
  "add-priority-tags",
  "add-recurrence",
  "add-reminder",
  "date-like-title",
  "list",
  "complete",
  "delete",
  "change",
  "tags",
  "typos",
  "smalltalk",
  "injection",
  "follow-up",
  "confirm",
  "correction",
  "undo",
  "projects",
] as const;

export const Case = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(["single", "multi"]),
    area: z.enum(AREAS),
    timezone: z.string().min(1),
    needs: z.literal("projects").optional(),
    note: z.string().optional(),
    users: z.array(z.object({ email: z.string().email(), name: z.string() }).strict()).optional(),
    projects: z
      .array(
        z
          .object({
            name: z.string(),
            members: z.array(z.object({ email: z.string(), role: Role }).strict()).optional(),
          })
          .strict(),
      )
      .optional(),
    setup: z.array(SetupTask),
    turns: z
      .array(z.object({ say: z.string().min(1), expect: Expect }).strict())
      .min(1)
      .max(4),
  })
  .strict()
  .superRefine((c, ctx) => {
    const single = c.turns.length === 1;
    if ((c.kind === "single") !== single)
      ctx.addIssue({ code: "custom", message: `kind ${c.kind} but ${c.turns.length} turns` });
    try {
      new Intl.DateTimeFormat("en", { timeZone: c.timezone });
    } catch {
      ctx.addIssue({ code: "custom", message: `unknown time zone ${c.timezone}` });
    }
    const refs = c.setup.map((t) => t.ref ?? t.title);
    if (new Set(refs).size !== refs.length) ctx.addIssue({ code: "custom", message: "setup refs must be unique" });
  });
export type Case = z.infer<typeof Case>;
