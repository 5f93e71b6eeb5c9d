// The assistant's conversations: one chat turn's input and answer, and the stored messages.
import { z } from "zod";
import { Priority, Role } from "./enums";
import { LIMITS } from "./limits";
import { Task, TaskId } from "./task";
import { NO_NUL, NO_NUL_MESSAGE } from "./text";
import { TimeZone } from "./time-zone";
import type { ToolName } from "./tools";

export const ChatInput = z.strictObject({
  message: z
    .string()
    .regex(NO_NUL, `message ${NO_NUL_MESSAGE}`)
    .trim()
    .min(1, "message must not be empty")
    .max(LIMITS.chatMessage, `message must be at most ${LIMITS.chatMessage} characters`)
    .meta({ example: "remind me to call the dentist tomorrow at 9am" }),
  conversation_id: z.uuid("conversation_id must be a conversation id").optional(),
  timezone: TimeZone.optional().meta({ description: "IANA time zone dates are resolved in", example: "Europe/Paris" }),
});
export type ChatInput = z.output<typeof ChatInput>;

export const ToolCallRecord = z.object({ name: z.string(), arguments: z.unknown(), result: z.unknown() });
export type ToolCallRecord = z.infer<typeof ToolCallRecord>;

export const ChatResponse = z.object({
  conversation_id: z.string(),
  response: z.string(),
  tool_calls: z.array(ToolCallRecord),
});
export type ChatResponse = z.infer<typeof ChatResponse>;

export const MESSAGE_ROLES = ["user", "assistant"] as const;

export const Message = z.object({
  id: z.string(),
  role: z.enum(MESSAGE_ROLES),
  content: z.string(),
  tool_calls: z.array(ToolCallRecord),
  created_at: z.string(),
});
export type Message = z.infer<typeof Message>;

export const Conversation = z.object({
  id: z.string(),
  title: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Conversation = z.infer<typeof Conversation>;

export const ConversationWithMessages = Conversation.extend({ messages: z.array(Message) });
export type ConversationWithMessages = z.infer<typeof ConversationWithMessages>;

// ---- the assistant's dialogue state ----------------------------------------------------------------------------
// What the assistant knows between turns, stored as data on each assistant message (design §11): the tasks its
// answer named, the last change it made (so it can be corrected or undone), the question it asked and the deletion
// a "yes" would confirm. The next turn reads this, never the wording of an earlier reply. Versioned: a stored state
// of another version (or one that does not parse) is read as the empty state.

export const DIALOGUE_STATE_VERSION = 1 as const;
/** At most this many tasks are remembered as shown, changed or asked about: one page of list_tasks at most. */
export const DIALOGUE_MAX_TASKS = LIMITS.listLimit;

/** A task as the dialogue remembers it: its number and its title when it was shown (a title answers a question). */
export const DialogueTask = z.object({ id: TaskId, title: z.string() });
export type DialogueTask = z.infer<typeof DialogueTask>;

/** The fields of a task a change can set, before or after it: what undo restores. */
export const DialogueTaskFields = Task.pick({
  title: true,
  description: true,
  completed: true,
  priority: true,
  tags: true,
  due_at: true,
  remind_at: true,
  recurrence: true,
});
export type DialogueTaskFields = z.infer<typeof DialogueTaskFields>;

/** The tools that change a task. */
export const CHANGE_TOOLS = ["add_task", "complete_task", "delete_task", "update_task"] as const satisfies ToolName[];

/** One task changed by one tool call: null before for a task it created, null after for a task it deleted. */
export const DialogueChange = z.object({
  tool: z.enum(CHANGE_TOOLS),
  task_id: TaskId,
  before: DialogueTaskFields.nullable(),
  after: DialogueTaskFields.nullable(),
  /** Set when completing a repeating task created its next occurrence. */
  next_task_id: TaskId.optional(),
});
export type DialogueChange = z.infer<typeof DialogueChange>;

/** The changes an action on one task asks for (tags added to and removed from the task's own tags). */
export const DialogueTaskChanges = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  priority: Priority.optional(),
  tags_add: z.array(z.string()).optional(),
  tags_remove: z.array(z.string()).optional(),
  due_at: z.string().nullable().optional(),
  remind_at: z.string().nullable().optional(),
  recurrence: z.string().nullable().optional(),
  /** A project as the person named it ("Home"); the planner resolves it among their projects. */
  project: z.string().max(200).optional(),
  /** A member as the person named them ("Sam"), or null to unassign. */
  assignee: z.string().max(254).nullable().optional(),
});
export type DialogueTaskChanges = z.infer<typeof DialogueTaskChanges>;

/** The action a question is waiting to run once it knows on which task(s). */
export const DialogueAction = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["complete", "delete", "reopen"]) }),
  z.object({ kind: z.literal("update"), changes: DialogueTaskChanges }),
]);
export type DialogueAction = z.infer<typeof DialogueAction>;

/**
 * An open question: "which task do you mean?" (answered by an ordinal, a number or a title among the candidates)
 * or "shall I?" (answered by yes or no).
 */
export const DialogueQuestion = z.object({
  kind: z.enum(["which-task", "confirm"]),
  candidates: z.array(DialogueTask).max(DIALOGUE_MAX_TASKS),
  action: DialogueAction,
});
export type DialogueQuestion = z.infer<typeof DialogueQuestion>;

/**
 * What a "yes" to the previous answer confirms, exactly and nothing else: these deletions (delete_task on these
 * tasks), or sharing this project with this email in this role (share_project).
 */
export const PendingDeletion = z.object({
  tool: z.literal("delete_task"),
  task_ids: z.array(TaskId).min(1).max(DIALOGUE_MAX_TASKS),
});
export const PendingShare = z.object({
  tool: z.literal("share_project"),
  project_id: z.string().max(64),
  project_name: z.string().max(200),
  email: z.string().max(254),
  role: Role,
});
export type PendingShare = z.infer<typeof PendingShare>;
export const PendingConfirmation = z.discriminatedUnion("tool", [PendingDeletion, PendingShare]);
export type PendingConfirmation = z.infer<typeof PendingConfirmation>;

export const DialogueState = z.object({
  version: z.literal(DIALOGUE_STATE_VERSION),
  /** The tasks the last answer named, in the order it named them ("the second one", "them"). */
  shown: z.array(DialogueTask).max(DIALOGUE_MAX_TASKS),
  /**
   * The last list the person saw (a list, a question's candidates, a confirmation's tasks), in order, kept across
   * turns until the next list: what an ordinal means ("tick off the third one", then "and the first one").
   */
  listed: z.array(DialogueTask).max(DIALOGUE_MAX_TASKS),
  /** The last change the assistant made, kept across turns until the next change (correct, undo). */
  last_change: z.object({ changes: z.array(DialogueChange).min(1).max(DIALOGUE_MAX_TASKS) }).nullable(),
  question: DialogueQuestion.nullable(),
  confirmation: PendingConfirmation.nullable(),
});
export type DialogueState = z.infer<typeof DialogueState>;

/**
 * What one answer of the builtin planner says about the dialogue (absent: nothing): the tasks it named, the
 * question it asked, the deletion a "yes" would confirm. The agent adds the turn's changes to make the next state.
 */
export const DialogueSaid = DialogueState.pick({
  shown: true,
  listed: true,
  question: true,
  confirmation: true,
}).partial();
export type DialogueSaid = z.infer<typeof DialogueSaid>;

export const EMPTY_DIALOGUE_STATE: DialogueState = Object.freeze({
  version: DIALOGUE_STATE_VERSION,
  shown: [],
  listed: [],
  last_change: null,
  question: null,
  confirmation: null,
}) as DialogueState;

/** A stored state read back: the state when it parses, else the empty state (never an error). */
export function readDialogueState(stored: unknown): DialogueState {
  const parsed = DialogueState.safeParse(stored);
  return parsed.success ? parsed.data : EMPTY_DIALOGUE_STATE;
}
