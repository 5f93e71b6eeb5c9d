// The MCP tools' contract: their names, the arguments each takes, the structured output each returns and the
// original result fields (design §6) that the text of a result and the chat's tool_calls keep. Built from the task
// fields, enums and LIMITS of this package; task-tools serves them, the agent reads them.
import { z } from "zod";
import { DueFilter, Priority, TaskStatus } from "./enums";
import { ErrorCode } from "./errors";
import { LIMITS } from "./limits";
import { CreateTaskInput, ListTasksQuery, Tag, Task, TaskId, UpdateTaskInput } from "./task";
import { TimeZone } from "./time-zone";

export const TOOL_NAMES = ["add_task", "list_tasks", "complete_task", "delete_task", "update_task"] as const;
export const ToolName = z.enum(TOOL_NAMES);
export type ToolName = z.infer<typeof ToolName>;

// ---- arguments ------------------------------------------------------------------------------------------------

/** Accepted for older clients; the user always comes from the credential (design §6). */
const UserIdArg = z
  .string()
  .optional()
  .describe(
    "Optional, for compatibility with older clients. The user always comes from the credential; if given, it must be that user's id.",
  );

/** A task number; the digits of one as a string are accepted too, as the original tools did. */
export const TaskIdArg = z
  .union(
    [
      TaskId,
      z
        .string()
        .regex(/^\d{1,10}$/)
        .transform(Number)
        .pipe(TaskId),
    ],
    {
      error: "task_id must be a task number such as 3",
    },
  )
  .describe("The task's number as shown by list_tasks (e.g. 3)");

const create = CreateTaskInput.shape;
const update = UpdateTaskInput.shape;

/** What add_task and update_task say about each task field, for models. */
const taskArgs = {
  title: create.title.describe(`Short title, 1–${LIMITS.title} characters, e.g. "Buy groceries"`),
  description: update.description.describe(`Optional longer notes, up to ${LIMITS.description} characters`),
  priority: update.priority.describe('Priority: "none", "low", "medium" or "high"'),
  tags: update.tags.describe(
    `Tags without "#", lowercase letters/digits/-/_ (e.g. ["home", "finance"]); at most ${LIMITS.tags}, each up to ${LIMITS.tag} characters`,
  ),
  due_at: update.due_at.describe(
    'When it is due, ISO 8601 with a time zone offset, e.g. "2026-12-01T09:00:00+01:00"; null clears it',
  ),
  remind_at: update.remind_at.describe("When to remind, ISO 8601 with offset, not later than due_at; null clears it"),
  recurrence: update.recurrence.describe(
    'Repeat rule: an RFC 5545 RRULE such as "FREQ=WEEKLY;BYDAY=MO" or "FREQ=MONTHLY;BYMONTHDAY=1", or daily|weekly|monthly|yearly; completing the task creates the next one; null stops repeating',
  ),
  timezone: update.timezone.describe('IANA time zone the recurrence follows, e.g. "Europe/Paris" (default UTC)'),
};

// Tool arguments are plain objects: unknown arguments are dropped, as the original tools did (issue 16 makes them
// strict). Every field is checked here, once, before core sees it.
export const AddTaskArgs = z.object({
  title: taskArgs.title,
  description: taskArgs.description,
  priority: taskArgs.priority,
  tags: taskArgs.tags,
  due_at: taskArgs.due_at,
  remind_at: taskArgs.remind_at,
  recurrence: taskArgs.recurrence,
  timezone: taskArgs.timezone,
  user_id: UserIdArg,
});
export type AddTaskArgs = z.output<typeof AddTaskArgs>;

export const ListTasksArgs = z.object({
  status: TaskStatus.optional().describe(
    '"pending" for open tasks, "completed" for done ones, "all" (default) for both',
  ),
  query: ListTasksQuery.shape.q.describe(
    `Case-insensitive text to look for in titles, descriptions and tags (up to ${LIMITS.query} characters)`,
  ),
  priority: Priority.optional().describe("Only tasks with this priority"),
  tag: Tag.optional().describe('Only tasks with this tag, e.g. "work"'),
  due: DueFilter.optional().describe(
    '"overdue", due "today", due "tomorrow", due within a "week", or "none" for tasks without a due date',
  ),
  timezone: TimeZone.optional().describe('IANA time zone for "today", "tomorrow" and "week", e.g. "Europe/Paris"'),
  user_id: UserIdArg,
});
export type ListTasksArgs = z.output<typeof ListTasksArgs>;

export const CompleteTaskArgs = z.object({ task_id: TaskIdArg, user_id: UserIdArg });
export type CompleteTaskArgs = z.output<typeof CompleteTaskArgs>;

export const DeleteTaskArgs = z.object({ task_id: TaskIdArg, user_id: UserIdArg });
export type DeleteTaskArgs = z.output<typeof DeleteTaskArgs>;

export const UpdateTaskArgs = z.object({
  task_id: TaskIdArg,
  title: taskArgs.title.optional(),
  description: taskArgs.description,
  priority: taskArgs.priority,
  tags: taskArgs.tags,
  due_at: taskArgs.due_at,
  remind_at: taskArgs.remind_at,
  recurrence: taskArgs.recurrence,
  timezone: taskArgs.timezone,
  completed: update.completed.describe(
    "false reopens a completed task; true completes it (prefer complete_task for that)",
  ),
  user_id: UserIdArg,
});
export type UpdateTaskArgs = z.output<typeof UpdateTaskArgs>;

// ---- results: the original fields (text content, chat tool_calls) ----------------------------------------------

export const AddTaskResult = z.object({ task_id: TaskId, status: z.literal("created"), title: z.string() });
export const CompleteTaskResult = z.object({
  task_id: TaskId,
  status: z.literal("completed"),
  title: z.string(),
  /** Set when completing a repeating task created its next occurrence. */
  next_task_id: TaskId.optional(),
});
export const DeleteTaskResult = z.object({ task_id: TaskId, status: z.literal("deleted"), title: z.string() });
export const UpdateTaskResult = z.object({ task_id: TaskId, status: z.literal("updated"), title: z.string() });
export const ListedTask = Task.pick({
  id: true,
  title: true,
  completed: true,
  priority: true,
  tags: true,
  due_at: true,
});
export const ListTasksResult = z.array(ListedTask);

// ---- structured outputs: the original fields and the full task (design §15) ----------------------------------

export const AddTaskOutput = AddTaskResult.extend({ task: Task });
export type AddTaskOutput = z.infer<typeof AddTaskOutput>;
export const CompleteTaskOutput = CompleteTaskResult.extend({ task: Task, next_task: Task.optional() });
export type CompleteTaskOutput = z.infer<typeof CompleteTaskOutput>;
export const DeleteTaskOutput = DeleteTaskResult.extend({ task: Task.describe("The task as it was before deletion") });
export type DeleteTaskOutput = z.infer<typeof DeleteTaskOutput>;
export const UpdateTaskOutput = UpdateTaskResult.extend({ task: Task });
export type UpdateTaskOutput = z.infer<typeof UpdateTaskOutput>;
/** structuredContent must be an object, so the list is wrapped; `total` counts every match, beyond the page. */
export const ListTasksOutput = z.object({ tasks: z.array(Task), total: z.number().int().min(0) });
export type ListTasksOutput = z.infer<typeof ListTasksOutput>;

/** The structured content of a failed call (isError): the contract's error code beside the sentence of the text. */
export const ToolError = z.strictObject({
  error: z.strictObject({ code: ErrorCode, message: z.string(), details: z.unknown().optional() }),
});
export type ToolError = z.infer<typeof ToolError>;

/** Each tool's arguments, structured output and original result, with the projection from one to the other. */
export const TOOLS = {
  add_task: {
    args: AddTaskArgs,
    output: AddTaskOutput,
    result: AddTaskResult,
    toResult: (output: AddTaskOutput) => AddTaskResult.parse(output),
  },
  list_tasks: {
    args: ListTasksArgs,
    output: ListTasksOutput,
    result: ListTasksResult,
    toResult: (output: ListTasksOutput) => ListTasksResult.parse(output.tasks),
  },
  complete_task: {
    args: CompleteTaskArgs,
    output: CompleteTaskOutput,
    result: CompleteTaskResult,
    toResult: (output: CompleteTaskOutput) => CompleteTaskResult.parse(output),
  },
  delete_task: {
    args: DeleteTaskArgs,
    output: DeleteTaskOutput,
    result: DeleteTaskResult,
    toResult: (output: DeleteTaskOutput) => DeleteTaskResult.parse(output),
  },
  update_task: {
    args: UpdateTaskArgs,
    output: UpdateTaskOutput,
    result: UpdateTaskResult,
    toResult: (output: UpdateTaskOutput) => UpdateTaskResult.parse(output),
  },
} as const satisfies Record<ToolName, unknown>;

export type ToolOutput<N extends ToolName> = z.infer<(typeof TOOLS)[N]["output"]>;

/**
 * The original result fields of a tool's structured output (what the text holds and the chat records), or
 * undefined when the name is not one of the tools or the output is not that tool's.
 */
export function toolResultOf(name: string, structured: unknown): unknown {
  const parsed = ToolName.safeParse(name);
  if (!parsed.success) return undefined;
  const tool = TOOLS[parsed.data];
  const output = tool.output.safeParse(structured);
  return output.success ? tool.toResult(output.data as never) : undefined;
}
