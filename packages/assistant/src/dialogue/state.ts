// The dialogue state after a turn, built from what the turn's tools returned (their structured outputs) and what
// the builtin planner's answer said (the tasks it named, the question it asked, the deletion a "yes" confirms).
// The same function serves an LLM's turn, which says nothing of the kind: then the tasks shown are read from the
// tool outputs, and a deletion the gate refused becomes the pending confirmation.
import {
  CHANGE_TOOLS,
  DIALOGUE_MAX_TASKS,
  type DialogueChange,
  type DialogueSaid,
  type DialogueState,
  type DialogueTask,
  type DialogueTaskFields,
} from "@todo/contract/conversation";
import type { Task } from "@todo/contract/task";
import { TOOLS } from "@todo/contract/tools";

/** What the builtin planner's answer says about the dialogue. Absent fields mean "nothing". */
export type { DialogueSaid };

/** One tool call of the turn: its structured output (absent when it failed) and the task before it ran, if read. */
export interface TurnCall {
  name: string;
  output?: unknown;
  before?: Task | null;
}

export function taskFields(task: Task): DialogueTaskFields {
  return {
    title: task.title,
    description: task.description,
    completed: task.completed,
    priority: task.priority,
    tags: [...task.tags],
    due_at: task.due_at,
    remind_at: task.remind_at,
    recurrence: task.recurrence,
  };
}

const isChangeTool = (name: string): name is DialogueChange["tool"] =>
  (CHANGE_TOOLS as readonly string[]).includes(name);

/** The change one successful tool call made, read from its structured output; null for any other call. */
export function changeOf(call: TurnCall): DialogueChange | null {
  if (!isChangeTool(call.name)) return null;
  const parsed = TOOLS[call.name].output.safeParse(call.output);
  if (!parsed.success) return null;
  const out = parsed.data;
  const before = call.before ? taskFields(call.before) : null;
  switch (call.name) {
    case "add_task":
      return { tool: call.name, task_id: out.task_id, before: null, after: taskFields(out.task) };
    case "delete_task":
      return { tool: call.name, task_id: out.task_id, before: taskFields(out.task), after: null };
    case "complete_task": {
      const next = (out as { next_task?: Task }).next_task;
      // Completing changes only `completed`, so the task before it is the task after it, still open.
      return {
        tool: call.name,
        task_id: out.task_id,
        before: before ?? { ...taskFields(out.task), completed: false },
        after: taskFields(out.task),
        ...(next ? { next_task_id: next.id } : {}),
      };
    }
    default:
      return { tool: call.name, task_id: out.task_id, before, after: taskFields(out.task) };
  }
}

const titleOf = (change: DialogueChange) => change.after?.title ?? change.before?.title ?? "";

/** The last list a turn's tools read, or null when it read none. */
function listedByTools(calls: TurnCall[]): DialogueTask[] | null {
  for (let i = calls.length - 1; i >= 0; i--) {
    const call = calls[i]!;
    if (call.name !== "list_tasks") continue;
    const parsed = TOOLS.list_tasks.output.safeParse(call.output);
    if (parsed.success) return parsed.data.tasks.map((t) => ({ id: t.id, title: t.title }));
  }
  return null;
}

/** The tasks a turn without a planner's word showed: those it changed, else the last list it read. */
function shownByTools(calls: TurnCall[], changes: DialogueChange[]): DialogueTask[] {
  if (changes.length) return changes.map((c) => ({ id: c.task_id, title: titleOf(c) }));
  return listedByTools(calls) ?? [];
}

const remembered = (tasks: DialogueTask[]) =>
  tasks.slice(0, DIALOGUE_MAX_TASKS).map((t) => ({ id: t.id, title: t.title }));

export function nextDialogueState(
  previous: DialogueState,
  calls: TurnCall[],
  said?: DialogueSaid,
  refusedDeletes: number[] = [],
): DialogueState {
  const changes = calls.map(changeOf).filter((c): c is DialogueChange => c !== null);
  const shown = said ? (said.shown ?? []) : shownByTools(calls, changes);
  const refused = [...new Set(refusedDeletes)].slice(0, DIALOGUE_MAX_TASKS);
  const confirmation =
    said?.confirmation ?? (refused.length ? { tool: "delete_task" as const, task_ids: refused } : null);
  return {
    version: previous.version,
    shown: remembered(shown),
    listed: remembered((said ? said.listed : listedByTools(calls)) ?? previous.listed),
    last_change: changes.length ? { changes: changes.slice(-DIALOGUE_MAX_TASKS) } : previous.last_change,
    question: said?.question ?? null,
    confirmation,
  };
}
