// What the planner reads and writes: the turn so far (the message, the tool calls made and what came back) and the
// plan (the next tool calls or the answer), plus the small helpers every per-intent planner shares.
import { addDays, isSameDate, readWallClock } from "../language/dates";
import type { ListFilter } from "../language/intents";
import { describeTask } from "../language/reply";

export interface ToolCallPlan {
  name: "add_task" | "list_tasks" | "complete_task" | "delete_task" | "update_task";
  args: Record<string, unknown>;
}

/** A tool call made earlier in this turn and what came back (value parsed from JSON; error as a sentence). */
export interface ToolOutcome {
  name: string;
  args: Record<string, unknown>;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export interface PlanInput {
  message: string;
  outcomes: ToolOutcome[];
  timeZone: string;
  now: Date;
  /** The previous answer asked to confirm deleting these tasks, and how the person replied. */
  pending?: { action: "delete_many"; ids: number[]; answer: "yes" | "no" | "other" } | null;
  /** The exchange before this message, for follow-ups like "delete it" or "the second one". */
  previous?: { message: string; answer: string } | null;
}

export type Plan = { type: "call"; calls: ToolCallPlan[] } | { type: "reply"; text: string };

export interface ListedTask {
  id: number;
  title: string;
  completed: boolean;
  priority?: "none" | "low" | "medium" | "high";
  tags: string[];
  due_at: string | null;
}

export const call = (...calls: ToolCallPlan[]): Plan => ({ type: "call", calls });
export const reply = (text: string): Plan => ({ type: "reply", text });

export const HELP =
  'I can add, list, complete, change and delete your tasks. Try "add buy milk tomorrow at 5pm #shopping", "what\'s due today?", "mark task 3 as done", "push the dentist to next Friday" or "delete the meeting task".';

export function friendlyError(error: string | undefined): string {
  const notFound = error?.match(/Task (\d+) was not found/);
  if (notFound) return `I couldn't find task ${notFound[1]}.`;
  return `I couldn't do that: ${error ?? "something went wrong"}`;
}

export function lastOutcome(outcomes: ToolOutcome[], name: string): ToolOutcome | undefined {
  return [...outcomes].reverse().find((o) => o.name === name);
}

export function listedTasks(outcome: ToolOutcome | undefined): ListedTask[] | null {
  return outcome?.ok && Array.isArray(outcome.value) ? (outcome.value as ListedTask[]) : null;
}

export function listFilterArgs(filter: ListFilter, timeZone: string): Record<string, unknown> {
  const args: Record<string, unknown> = { timezone: timeZone };
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && k !== "day") args[k] = v;
  return args;
}

/** The listed tasks on the filter's single day ("due tomorrow" is asked for as the week). */
export function onFilterDay(tasks: ListedTask[], filter: ListFilter, input: PlanInput): ListedTask[] {
  if (filter.day !== "tomorrow") return tasks;
  const tomorrow = addDays(readWallClock(input.now, input.timeZone), 1);
  return tasks.filter((t) => t.due_at && isSameDate(readWallClock(new Date(t.due_at), input.timeZone), tomorrow));
}

export function describeListed(tasks: ListedTask[], input: PlanInput): string {
  const shown = tasks.slice(0, 25);
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
