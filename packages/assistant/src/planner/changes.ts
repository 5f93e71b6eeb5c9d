// An update's changes as tool arguments (tags added to and removed from the task's current ones) and as the words
// an answer uses for them.
import type { TaskChanges } from "../language/intents";
import { describeRecurrence, formatDue } from "../language/reply";
import type { ListedTask, PlanInput } from "./plan";

export function updateArgs(id: number, changes: TaskChanges, task: ListedTask | undefined, timeZone: string) {
  const args: Record<string, unknown> = { task_id: id, timezone: timeZone };
  for (const key of [
    "title",
    "description",
    "priority",
    "due_at",
    "remind_at",
    "recurrence",
    "assignee",
    "project",
  ] as const) {
    if (changes[key] !== undefined) args[key] = changes[key];
  }
  if (changes.tags_add?.length || changes.tags_remove?.length) {
    const current = new Set(task?.tags ?? []);
    for (const t of changes.tags_add ?? []) current.add(t);
    for (const t of changes.tags_remove ?? []) current.delete(t);
    args.tags = [...current];
  }
  return args;
}

/** What an update changes, with the new values: "due tomorrow 5 PM, priority → high, tagged #urgent". */
export function describeChanges(changes: TaskChanges, input: Pick<PlanInput, "timeZone" | "now">): string {
  const names: string[] = [];
  const when = (iso: string) => formatDue(iso, input.timeZone, input.now);
  if (changes.title !== undefined) names.push("renamed");
  if (changes.description !== undefined) names.push("notes");
  if (changes.priority !== undefined) names.push(`priority → ${changes.priority}`);
  if (changes.due_at !== undefined) names.push(changes.due_at === null ? "no due date" : `due ${when(changes.due_at)}`);
  if (changes.remind_at !== undefined) {
    names.push(changes.remind_at === null ? "no reminder" : `reminder ${when(changes.remind_at)}`);
  }
  if (changes.recurrence !== undefined) {
    names.push(changes.recurrence === null ? "no longer repeats" : `repeats ${describeRecurrence(changes.recurrence)}`);
  }
  if (changes.tags_add?.length) names.push(`tagged ${changes.tags_add.map((t) => `#${t}`).join(" ")}`);
  if (changes.tags_remove?.length) names.push(`untagged ${changes.tags_remove.map((t) => `#${t}`).join(" ")}`);
  if (changes.project !== undefined)
    names.push(changes.project === "inbox" ? "moved to the Inbox" : `moved to ${changes.project}`);
  if (changes.assignee !== undefined) {
    names.push(
      changes.assignee === null
        ? "unassigned"
        : changes.assignee === "me"
          ? "assigned to you"
          : `assigned to ${changes.assignee}`,
    );
  }
  return names.join(", ");
}
