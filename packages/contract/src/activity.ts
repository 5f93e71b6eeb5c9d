// The activity log: who changed what, when, through what, with the task or project before and after. Readable by
// everyone who can see the task (or the project); one change can be undone when nothing changed the task since.
import { z } from "zod";
import { Via } from "./enums";
import { LIMITS } from "./limits";
import { ProjectId } from "./project";

export const ACTIVITY_ACTIONS = [
  "task.created",
  "task.updated",
  "task.completed",
  "task.reopened",
  "task.deleted",
  "task.restored",
  "project.created",
  "project.updated",
  "member.added",
  "member.updated",
  "member.removed",
] as const;
export const ActivityAction = z.enum(ACTIVITY_ACTIONS);
export type ActivityAction = z.infer<typeof ActivityAction>;

/** Opaque activity entry id. */
export const ActivityId = z
  .string()
  .regex(/^\d{1,18}$/, "Activity id must be a whole number")
  .meta({ param: { name: "id", in: "path" }, example: "42", description: "Activity entry id" });

export const ActivityEntry = z
  .object({
    id: z.string(),
    at: z.string().meta({ description: "When the change was made (ISO 8601)" }),
    actor: z.object({ id: z.string(), name: z.string() }).nullable().meta({ description: "Who made it" }),
    via: Via,
    action: ActivityAction,
    project_id: z.string().nullable(),
    task_id: z.number().int().nullable().meta({ description: "The task's number in the caller's own sequence" }),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    undoes: z.string().nullable().meta({ description: "The entry this change reverted, when it is an undo" }),
  })
  .meta({ id: "ActivityEntry" });
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const ActivityPage = z.object({ activity: z.array(ActivityEntry) });
export type ActivityPage = z.infer<typeof ActivityPage>;

export const ActivityQuery = z.strictObject({
  project: ProjectId.optional().meta({ description: "Only this project's tasks and the project itself" }),
  task: z
    .union([
      z
        .string()
        .regex(/^\d{1,9}$/, "task must be a task id")
        .transform(Number),
      z.number().int().min(1),
    ])
    .optional()
    .meta({ description: "Only this task (the caller's number)" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIMITS.activityLimit, `limit must be at most ${LIMITS.activityLimit}`)
    .default(LIMITS.activityDefault),
  before: z
    .string()
    .regex(/^\d{1,18}$/, "before must be an activity id")
    .optional()
    .meta({ description: "Entries older than this id (paging)" }),
});
export type ActivityQuery = z.output<typeof ActivityQuery>;

export const UndoResult = z.object({ undone: ActivityEntry, entry: ActivityEntry });
export type UndoResult = z.infer<typeof UndoResult>;
