// What the planner reads and writes: the turn so far (the message, the tool calls made and what came back) and the
// plan (the next tool calls or the answer), plus the small helpers every per-intent planner shares.
import { type DialogueState, EMPTY_DIALOGUE_STATE } from "@todo/contract/conversation";
import type { ErrorCode } from "@todo/contract/errors";
import type { DialogueSaid } from "../dialogue/state";
import { addDays, isSameDate, readWallClock } from "../language/dates";
import type { ListFilter } from "../language/intents";
import { describeTask } from "../language/reply";

export interface ToolCallPlan {
  name: "add_task" | "list_tasks" | "complete_task" | "delete_task" | "update_task" | "list_projects" | "share_project";
  args: Record<string, unknown>;
}

/**
 * A tool call made earlier in this turn and what came back: its structured output (contract tools.ts) when it
 * succeeded, its coded error when it failed. The planner branches on codes, never on an error's wording.
 */
export interface ToolOutcome {
  name: string;
  args: Record<string, unknown>;
  ok: boolean;
  value?: unknown;
  error?: { code: ErrorCode; message: string };
}

export interface PlanInput {
  message: string;
  outcomes: ToolOutcome[];
  timeZone: string;
  now: Date;
  /** The dialogue state after the previous answer: what "it", "the second one" and "yes" refer to. */
  state?: DialogueState;
  /**
   * The person's projects, when the agent read them before the turn (as list_projects returns them): a project they
   * name is then found without a tool call. Absent: the planner calls list_projects when it needs them.
   */
  projects?: {
    id: string;
    name: string;
    role: "owner" | "editor" | "viewer";
    member_list?: { user_id: string; name: string; email: string; role: string }[];
  }[];
}

export type Plan = { type: "call"; calls: ToolCallPlan[] } | { type: "reply"; text: string; said?: DialogueSaid };

export interface ListedTask {
  id: number;
  title: string;
  completed: boolean;
  priority?: "none" | "low" | "medium" | "high";
  tags: string[];
  due_at: string | null;
}

export const call = (...calls: ToolCallPlan[]): Plan => ({ type: "call", calls });
export const reply = (text: string, said?: DialogueSaid): Plan =>
  said ? { type: "reply", text, said } : { type: "reply", text };

/** The state the planner follows up on: the input's, else the empty state. */
export const stateOf = (input: PlanInput): DialogueState => input.state ?? EMPTY_DIALOGUE_STATE;

export const HELP =
  'I can add, list, complete, change and delete your tasks. Try "add buy milk tomorrow at 5pm #shopping", "what\'s due today?", "mark task 3 as done", "push the dentist to next Friday" or "delete the meeting task".';

/** A failed tool call as a sentence for the person, chosen by its error code. */
export function friendlyError(outcome: ToolOutcome | undefined): string {
  const error = outcome?.error;
  const id = outcome?.args.task_id;
  if (error?.code === "not_found" && (typeof id === "number" || typeof id === "string")) {
    return `I couldn't find task ${id}.`;
  }
  return `I couldn't do that: ${error?.message ?? "something went wrong"}`;
}

export function lastOutcome(outcomes: ToolOutcome[], name: string): ToolOutcome | undefined {
  return [...outcomes].reverse().find((o) => o.name === name);
}

/** The tasks a successful list_tasks returned (its structured output's `tasks`). */
export function listedTasks(outcome: ToolOutcome | undefined): ListedTask[] | null {
  const tasks = outcome?.ok ? (outcome.value as { tasks?: unknown } | undefined)?.tasks : undefined;
  return Array.isArray(tasks) ? (tasks as ListedTask[]) : null;
}

/** Tasks as the dialogue state remembers them. */
export const asShown = (tasks: { id: number; title: string }[]) => tasks.map((t) => ({ id: t.id, title: t.title }));

export function listFilterArgs(filter: ListFilter, timeZone: string): Record<string, unknown> {
  const args: Record<string, unknown> = { timezone: timeZone };
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && k !== "day" && k !== "project") args[k] = v;
  return args;
}

/** The listed tasks on the filter's single day ("due tomorrow" is asked for as the week). */
export function onFilterDay(tasks: ListedTask[], filter: ListFilter, input: PlanInput): ListedTask[] {
  if (filter.day !== "tomorrow") return tasks;
  const tomorrow = addDays(readWallClock(input.now, input.timeZone), 1);
  return tasks.filter((t) => t.due_at && isSameDate(readWallClock(new Date(t.due_at), input.timeZone), tomorrow));
}

/** How many tasks an answer lists line by line. */
export const LISTED_LINES = 25;

export function describeListed(tasks: ListedTask[], input: PlanInput): string {
  const shown = tasks.slice(0, LISTED_LINES);
  const lines = shown.map(
    (t) => `- ${capitalise(describeTask(t, input.timeZone, input.now))}${t.completed ? " ✓" : ""}`,
  );
  if (tasks.length > shown.length) lines.push(`…and ${tasks.length - shown.length} more.`);
  return lines.join("\n");
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const tasksWord = (n: number) => (n === 1 ? "task" : "tasks");
