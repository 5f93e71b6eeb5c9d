// The MCP tools' contract: their names, the arguments each takes, the structured output each returns and the
// original result fields (design §6) that the text of a result and the chat's tool_calls keep. Built from the task
// fields, enums and LIMITS of this package; task-tools serves them, the agent reads them.
import { z } from "zod";
import { DueFilter, Priority, Role, TaskStatus } from "./enums";
import { ErrorCode, ValidationError } from "./errors";
import { LIMITS } from "./limits";
import { Email, Member, Project } from "./project";
import { CreateTaskInput, DateTime, ListTasksQuery, Tag, Task, TaskId, UpdateTaskInput } from "./task";
import { TimeZone } from "./time-zone";

/** The original five first (design §6), then the second version's (design §15). */
export const TOOL_NAMES = [
  "add_task",
  "list_tasks",
  "complete_task",
  "delete_task",
  "update_task",
  "find_tasks",
  "complete_tasks",
  "update_tasks",
  "delete_tasks",
  "list_projects",
] as const;
export const ToolName = z.enum(TOOL_NAMES);
export type ToolName = z.infer<typeof ToolName>;

/**
 * Tools only the builtin assistant's agent is given, never listed by the MCP server (design §15 lists the MCP tools):
 * sharing a project, which the assistant runs only after the person's "yes".
 */
export const ASSISTANT_TOOL_NAMES = ["share_project"] as const;
export const AssistantToolName = z.enum(ASSISTANT_TOOL_NAMES);
export type AssistantToolName = z.infer<typeof AssistantToolName>;
/** Every tool the contract defines: the MCP tools and the assistant's own. */
export const AnyToolName = z.enum([...TOOL_NAMES, ...ASSISTANT_TOOL_NAMES]);
export type AnyToolName = z.infer<typeof AnyToolName>;

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

/** A project named by its id or its name (any case), or "inbox"; resolved in core among the caller's projects. */
const ProjectArg = z
  .string()
  .trim()
  .min(1, "project must not be empty")
  .max(LIMITS.projectName, `project must be at most ${LIMITS.projectName} characters`);

/** A member named by user id, email or name, or "me"; resolved in core among the task's project's members. */
const AssigneeArg = z
  .string()
  .trim()
  .min(1, "assignee must not be empty")
  .max(LIMITS.email, `assignee must be at most ${LIMITS.email} characters`);

/** Limits of the tools' own arguments. */
export const TOOL_LIMITS = {
  /** Tasks one bulk call may act on. */
  bulk: 100,
  /** Characters of a plain-language date ("next friday 5pm"). */
  datePhrase: 100,
  /** Characters of a list_tasks / find_tasks cursor. */
  cursor: 512,
} as const;

/**
 * A date argument: ISO 8601 with an offset (parsed here to a Date) or a phrase in plain language ("tomorrow 5pm",
 * "next friday", "2026-12-01 09:00"), kept as text for task-tools to read in the call's `timezone`.
 */
export const DateArg = z
  .string()
  .max(TOOL_LIMITS.datePhrase, `Dates must be at most ${TOOL_LIMITS.datePhrase} characters`)
  .transform((s): Date | string => {
    const iso = DateTime.safeParse(s);
    return iso.success ? iso.data : s.trim();
  });

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
  due_at: DateArg.nullable()
    .optional()
    .describe(
      'When it is due: ISO 8601 with an offset ("2026-12-01T09:00:00+01:00") or plain language read in `timezone` ("tomorrow 5pm", "next friday", "in 3 days"; a day without a time means 09:00); null clears it',
    ),
  remind_at: DateArg.nullable()
    .optional()
    .describe('When to remind, like due_at (ISO 8601 or "tomorrow 8am"), not later than due_at; null clears it'),
  recurrence: update.recurrence.describe(
    'Repeat rule: an RFC 5545 RRULE such as "FREQ=WEEKLY;BYDAY=MO" or "FREQ=MONTHLY;BYMONTHDAY=1", or daily|weekly|monthly|yearly; completing the task creates the next one; null stops repeating',
  ),
  timezone: update.timezone.describe(
    'IANA time zone that plain-language dates and the recurrence are read in, e.g. "Europe/Paris" (default UTC)',
  ),
  project: ProjectArg.describe(
    'The project, by name (any case, e.g. "Groceries") or id as list_projects shows it, or "inbox" for the Inbox (the default)',
  ),
  assignee: AssigneeArg.describe(
    'Who does it: a member of the task\'s project by name, email or user id, or "me"; list_projects shows who is in a project',
  ),
};

/**
 * Tool arguments are strict objects: an unknown or misspelled argument is refused (issue 16), never dropped while
 * the call reports success. `toolArgsError` turns the refusal into a sentence naming it and the accepted ones.
 */
function toolArgs<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape);
}

/** Edit distance for "did you mean", bounded: argument names are short and longer ones are not compared. */
function distance(a: string, b: string): number {
  if (a.length > 40 || b.length > 40) return Number.POSITIVE_INFINITY;
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

function closest(key: string, accepted: string[]): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const name of accepted) {
    const score = name.startsWith(k.slice(0, 3)) && k.length >= 3 ? 1 : distance(k, name);
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return bestScore <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** The object schema at `path` inside a tool's arguments (through optionals and arrays), if there is one. */
function objectAt(schema: z.ZodType, path: PropertyKey[]): z.ZodObject | undefined {
  let at: z.ZodType | undefined = schema;
  for (const segment of path) {
    while (at instanceof z.ZodOptional || at instanceof z.ZodNullable) at = at.unwrap() as z.ZodType;
    if (at instanceof z.ZodObject) at = at.shape[String(segment)] as z.ZodType | undefined;
    else if (at instanceof z.ZodArray) at = at.element as z.ZodType;
    else return undefined;
  }
  while (at instanceof z.ZodOptional || at instanceof z.ZodNullable) at = at.unwrap() as z.ZodType;
  return at instanceof z.ZodObject ? at : undefined;
}

/**
 * The ValidationError for arguments a tool refused. Unknown arguments get a sentence naming them, suggesting the
 * nearest accepted name and listing every accepted one ("Unknown argument due_date for add_task (did you mean
 * due_at?). add_task accepts: title, …"); other problems keep the contract's messages.
 */
export function toolArgsError(name: AnyToolName, error: z.ZodError): ValidationError {
  const accepted = Object.keys((TOOLS[name].args as z.ZodObject).shape);
  const unknown = error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" ? issue.keys.map((key) => ({ key, path: issue.path })) : [],
  );
  if (unknown.length === 0) {
    const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    const first = details[0];
    const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : "Invalid arguments";
    return new ValidationError(message, details);
  }
  const path = unknown[0]!.path;
  const where = path.length > 0 ? ` in ${path.join(".")}` : "";
  const inner = path.length > 0 ? Object.keys(objectAt(TOOLS[name].args, path)?.shape ?? {}) : accepted;
  const keys = unknown.map((u) => u.key);
  const hints = keys.map((k) => closest(k, inner)).filter((h): h is string => h !== undefined);
  const message =
    `Unknown argument${keys.length > 1 ? "s" : ""} ${keys.join(", ")} for ${name}${where}` +
    (hints.length > 0 ? ` (did you mean ${[...new Set(hints)].join(", ")}?)` : "") +
    `. ${path.length > 0 ? `Each of ${String(path[0])}` : name} accepts: ${inner.join(", ")}.`;
  return new ValidationError(
    message,
    unknown.map((u) => ({ path: [...u.path, u.key].join("."), message: `Unknown argument ${u.key}` })),
  );
}

export const AddTaskArgs = toolArgs({
  title: taskArgs.title,
  description: taskArgs.description,
  priority: taskArgs.priority,
  tags: taskArgs.tags,
  due_at: taskArgs.due_at,
  remind_at: taskArgs.remind_at,
  recurrence: taskArgs.recurrence,
  timezone: taskArgs.timezone,
  project: taskArgs.project.optional(),
  parent: TaskIdArg.optional().describe(
    "Make it a subtask of this task (its number, e.g. 3); a subtask is always in its parent's project, so leave project out",
  ),
  assignee: taskArgs.assignee.optional(),
  user_id: UserIdArg,
});
export type AddTaskArgs = z.output<typeof AddTaskArgs>;

/** Paging of list_tasks and find_tasks: a page size and the opaque cursor of the previous page. */
const pagingArgs = {
  limit: z
    .number()
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(LIMITS.listLimit, `limit must be at most ${LIMITS.listLimit}`)
    .optional()
    .describe(`How many tasks to return, 1–${LIMITS.listLimit} (default ${LIMITS.listLimit})`),
  cursor: z
    .string()
    .min(1)
    .max(TOOL_LIMITS.cursor)
    .optional()
    .describe(
      "To get the next page, the next_cursor of the previous result, with the same filters; leave out for the first page",
    ),
};

export const ListTasksArgs = toolArgs({
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
  project: taskArgs.project
    .optional()
    .describe(
      'Only the tasks of this project, by name (any case) or id, or "inbox" for the Inbox; default: everywhere',
    ),
  parent: TaskIdArg.optional().describe("Only the subtasks of this task (its number)"),
  assignee: z.literal("me").optional().describe('"me": only tasks assigned to the user'),
  ...pagingArgs,
  user_id: UserIdArg,
});
export type ListTasksArgs = z.output<typeof ListTasksArgs>;

export const CompleteTaskArgs = toolArgs({ task_id: TaskIdArg, user_id: UserIdArg });
export type CompleteTaskArgs = z.output<typeof CompleteTaskArgs>;

export const DeleteTaskArgs = toolArgs({ task_id: TaskIdArg, user_id: UserIdArg });
export type DeleteTaskArgs = z.output<typeof DeleteTaskArgs>;

/** The fields update_task and each entry of update_tasks may change. */
const updateFields = {
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
  project: taskArgs.project
    .nullable()
    .optional()
    .describe(
      'Move the task (with its subtasks) to this project, by name (any case) or id; "inbox" or null for the Inbox; not for a subtask',
    ),
  assignee: taskArgs.assignee.nullable().optional().describe(`${taskArgs.assignee.description}; null unassigns`),
};

export const UpdateTaskArgs = toolArgs({ task_id: TaskIdArg, ...updateFields, user_id: UserIdArg });
export type UpdateTaskArgs = z.output<typeof UpdateTaskArgs>;

export const FindTasksArgs = toolArgs({
  text: z
    .string()
    .trim()
    .min(1, "text must not be empty")
    .max(LIMITS.query, `text must be at most ${LIMITS.query} characters`)
    .describe(
      `A word or phrase to look for in titles, descriptions and tags, case-insensitive (up to ${LIMITS.query} characters)`,
    ),
  status: ListTasksArgs.shape.status,
  timezone: ListTasksArgs.shape.timezone,
  project: ListTasksArgs.shape.project,
  ...pagingArgs,
  user_id: UserIdArg,
});
export type FindTasksArgs = z.output<typeof FindTasksArgs>;

const TaskIds = z
  .array(TaskIdArg)
  .min(1, "task_ids must name at least one task")
  .max(TOOL_LIMITS.bulk, `task_ids may name at most ${TOOL_LIMITS.bulk} tasks`)
  .transform((ids) => [...new Set(ids)])
  .describe(`The tasks' numbers as list_tasks shows them, 1–${TOOL_LIMITS.bulk} (e.g. [3, 4, 7])`);

export const CompleteTasksArgs = toolArgs({ task_ids: TaskIds, user_id: UserIdArg });
export type CompleteTasksArgs = z.output<typeof CompleteTasksArgs>;

export const UpdateTasksArgs = toolArgs({
  updates: z
    .array(toolArgs({ task_id: TaskIdArg, ...updateFields }))
    .min(1, "updates must hold at least one change")
    .max(TOOL_LIMITS.bulk, `updates may hold at most ${TOOL_LIMITS.bulk} changes`)
    .describe(
      `One entry per task: its task_id and only the fields that change, as for update_task (1–${TOOL_LIMITS.bulk} entries)`,
    ),
  user_id: UserIdArg,
});
export type UpdateTasksArgs = z.output<typeof UpdateTasksArgs>;

export const DeleteTasksArgs = toolArgs({
  task_ids: TaskIds,
  confirm: z
    .boolean()
    .optional()
    .describe("Must be true to delete more than one task: set it only after the user has confirmed the deletion"),
  user_id: UserIdArg,
});
export type DeleteTasksArgs = z.output<typeof DeleteTasksArgs>;

export const ListProjectsArgs = toolArgs({
  archived: z
    .enum(["false", "true", "all"])
    .optional()
    .describe('"false" (default): active projects; "true": archived ones only; "all": both'),
  user_id: UserIdArg,
});
export type ListProjectsArgs = z.output<typeof ListProjectsArgs>;

export const ShareProjectArgs = toolArgs({
  project: taskArgs.project.describe("The project to share, by name (any case) or id; the Inbox cannot be shared"),
  email: Email.describe("Email of an existing user of this server"),
  role: Role.optional().describe(
    '"viewer" reads, "editor" (default) also changes tasks, "owner" also manages the project',
  ),
});
export type ShareProjectArgs = z.output<typeof ShareProjectArgs>;

// ---- results: the original fields (text content, chat tool_calls) ----------------------------------------------

/** A task's project as results name it; null is the Inbox. */
export const ProjectRef = z
  .object({ id: z.string(), name: z.string() })
  .nullable()
  .describe("The task's project ({id, name}), or null for the Inbox");
export type ProjectRef = z.infer<typeof ProjectRef>;

export const AddTaskResult = z.object({
  task_id: TaskId,
  status: z.literal("created"),
  title: z.string(),
  project: ProjectRef.optional(),
});
export const CompleteTaskResult = z.object({
  task_id: TaskId,
  status: z.literal("completed"),
  title: z.string(),
  /** Set when completing a repeating task created its next occurrence. */
  next_task_id: TaskId.optional(),
  project: ProjectRef.optional(),
});
export const DeleteTaskResult = z.object({
  task_id: TaskId,
  status: z.literal("deleted"),
  title: z.string(),
  project: ProjectRef.optional(),
});
export const UpdateTaskResult = z.object({
  task_id: TaskId,
  status: z.literal("updated"),
  title: z.string(),
  project: ProjectRef.optional(),
});
export const ListedTask = Task.pick({
  id: true,
  title: true,
  completed: true,
  priority: true,
  tags: true,
  due_at: true,
}).extend({ project: z.string().nullable().optional().describe("The project's name, or null for the Inbox") });
export const ListTasksResult = z.array(ListedTask);
/** The projects a listed page names, so the text can say each task's project by name. */
const ListedProjects = z
  .array(z.object({ id: z.string(), name: z.string() }))
  .describe("The projects of the tasks on this page, by id and name");

/** The one-line result of list_projects: a project, the caller's role and how many tasks are open. */
export const ListedProject = Project.pick({ id: true, name: true, role: true, pending: true, members: true });
export const ListProjectsResult = z.array(ListedProject);

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
export const ListTasksOutput = z.object({
  tasks: z.array(Task),
  projects: ListedProjects.optional(),
  total: z.number().int().min(0).describe("How many tasks match the filters, on every page together"),
  next_cursor: z
    .string()
    .optional()
    .describe("Present when more tasks follow: pass it as `cursor`, with the same filters, for the next page"),
});
export type ListTasksOutput = z.infer<typeof ListTasksOutput>;
export const FindTasksOutput = ListTasksOutput;
export type FindTasksOutput = ListTasksOutput;

/** A task a bulk call could not act on, and why; the others were still done. */
export const BulkFailure = z.object({ task_id: TaskId, error: z.object({ code: ErrorCode, message: z.string() }) });
export type BulkFailure = z.infer<typeof BulkFailure>;

export const CompleteTasksOutput = z.object({
  status: z.literal("completed"),
  completed: z.array(CompleteTaskResult),
  failed: z.array(BulkFailure),
  tasks: z.array(Task).describe("The completed tasks"),
  next_tasks: z.array(Task).describe("Next occurrences created for repeating tasks"),
});
export type CompleteTasksOutput = z.infer<typeof CompleteTasksOutput>;
export const UpdateTasksOutput = z.object({
  status: z.literal("updated"),
  updated: z.array(UpdateTaskResult),
  failed: z.array(BulkFailure),
  tasks: z.array(Task).describe("The updated tasks"),
});
export type UpdateTasksOutput = z.infer<typeof UpdateTasksOutput>;
export const DeleteTasksOutput = z.object({
  status: z.literal("deleted"),
  deleted: z.array(DeleteTaskResult),
  failed: z.array(BulkFailure),
  tasks: z.array(Task).describe("The tasks as they were before deletion"),
});
export type DeleteTasksOutput = z.infer<typeof DeleteTasksOutput>;

export const ListProjectsOutput = z.object({
  projects: z.array(
    Project.extend({
      member_list: z
        .array(Member.pick({ user_id: true, name: true, email: true, role: true }))
        .describe("Who is in the project (who a task can be assigned to)"),
    }),
  ),
});
export type ListProjectsOutput = z.infer<typeof ListProjectsOutput>;

export const ShareProjectOutput = z.object({
  status: z.literal("shared"),
  project: z.object({ id: z.string(), name: z.string() }),
  member: Member,
});
export type ShareProjectOutput = z.infer<typeof ShareProjectOutput>;

/** The text of a bulk result: what was done and what failed, without the full tasks. */
const CompleteTasksResult = CompleteTasksOutput.pick({ status: true, completed: true, failed: true });
const UpdateTasksResult = UpdateTasksOutput.pick({ status: true, updated: true, failed: true });
const DeleteTasksResult = DeleteTasksOutput.pick({ status: true, deleted: true, failed: true });

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
    toResult: (output: ListTasksOutput) => listedTasks(output),
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
  find_tasks: {
    args: FindTasksArgs,
    output: FindTasksOutput,
    result: ListTasksResult,
    toResult: (output: FindTasksOutput) => listedTasks(output),
  },
  complete_tasks: {
    args: CompleteTasksArgs,
    output: CompleteTasksOutput,
    result: CompleteTasksResult,
    toResult: (output: CompleteTasksOutput) => CompleteTasksResult.parse(output),
  },
  update_tasks: {
    args: UpdateTasksArgs,
    output: UpdateTasksOutput,
    result: UpdateTasksResult,
    toResult: (output: UpdateTasksOutput) => UpdateTasksResult.parse(output),
  },
  delete_tasks: {
    args: DeleteTasksArgs,
    output: DeleteTasksOutput,
    result: DeleteTasksResult,
    toResult: (output: DeleteTasksOutput) => DeleteTasksResult.parse(output),
  },
  list_projects: {
    args: ListProjectsArgs,
    output: ListProjectsOutput,
    result: ListProjectsResult,
    toResult: (output: ListProjectsOutput) => ListProjectsResult.parse(output.projects),
  },
  share_project: {
    args: ShareProjectArgs,
    output: ShareProjectOutput,
    result: ShareProjectOutput,
    toResult: (output: ShareProjectOutput) => ShareProjectOutput.parse(output),
  },
} as const satisfies Record<AnyToolName, unknown>;

export type ToolOutput<N extends AnyToolName> = z.infer<(typeof TOOLS)[N]["output"]>;

/** A page's tasks as the text lists them: the original fields and the project's name. */
function listedTasks(output: ListTasksOutput) {
  const names = new Map((output.projects ?? []).map((p) => [p.id, p.name]));
  return ListTasksResult.parse(
    output.tasks.map((t) => ({ ...t, project: t.project_id === null ? null : (names.get(t.project_id) ?? null) })),
  );
}

/**
 * The original result fields of a tool's structured output (what the text holds and the chat records), or
 * undefined when the name is not one of the tools or the output is not that tool's.
 */
export function toolResultOf(name: string, structured: unknown): unknown {
  const parsed = AnyToolName.safeParse(name);
  if (!parsed.success) return undefined;
  const tool = TOOLS[parsed.data];
  const output = tool.output.safeParse(structured);
  return output.success ? tool.toResult(output.data as never) : undefined;
}
