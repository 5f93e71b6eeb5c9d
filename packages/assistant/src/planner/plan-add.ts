// Adding a task: one add_task call with the fields quick add read, then the answer naming the new task.
import type { Intent } from "../language/intents";
import { describeTask } from "../language/reply";
import { call, friendlyError, lastOutcome, type Plan, type PlanInput, reply } from "./plan";

export function planAdd(intent: Extract<Intent, { kind: "add" }>, input: PlanInput): Plan {
  const added = lastOutcome(input.outcomes, "add_task");
  if (!added) {
    const t = intent.task;
    const args: Record<string, unknown> = { title: t.title, timezone: input.timeZone };
    if (t.description) args.description = t.description;
    if (t.priority && t.priority !== "none") args.priority = t.priority;
    if (t.tags.length) args.tags = t.tags;
    if (t.due_at) args.due_at = t.due_at;
    if (t.remind_at) args.remind_at = t.remind_at;
    if (t.recurrence) args.recurrence = t.recurrence;
    return call({ name: "add_task", args });
  }
  if (!added.ok) return reply(friendlyError(added));
  const id = (added.value as { task_id: number }).task_id;
  const t = intent.task;
  return reply(
    `Added ${describeTask({ id, title: t.title, due_at: t.due_at, recurrence: t.recurrence, priority: t.priority, tags: t.tags }, input.timeZone, input.now)}.`,
    { shown: [{ id, title: t.title }] },
  );
}
