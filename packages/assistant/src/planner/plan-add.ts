// Adding a task: one add_task call with the fields quick add read, then the answer naming the new task. "…to the
// shopping list" puts it in that project when the person has one (else the words stay what they were: a tag);
// "a subtask to task 3" puts it under task 3.
import type { Intent } from "../language/intents";
import { matchTasks } from "../language/match";
import { describeTask } from "../language/reply";
import { call, capitalise, friendlyError, lastOutcome, listedTasks, type Plan, type PlanInput, reply } from "./plan";
import { lookupProject } from "./plan-projects";

type AddIntent = Extract<Intent, { kind: "add" }>;

function addArgs(t: AddIntent["task"], input: PlanInput): Record<string, unknown> {
  const args: Record<string, unknown> = { title: t.title, timezone: input.timeZone };
  if (t.description) args.description = t.description;
  if (t.priority && t.priority !== "none") args.priority = t.priority;
  if (t.tags.length) args.tags = t.tags;
  if (t.due_at) args.due_at = t.due_at;
  if (t.remind_at) args.remind_at = t.remind_at;
  if (t.recurrence) args.recurrence = t.recurrence;
  return args;
}

/** The add_task call, or the step before it (finding the project or the parent), or the answer why not. */
function firstCall(intent: AddIntent, input: PlanInput): Plan | { args: Record<string, unknown>; where: string } {
  if (intent.parent) {
    const ref = intent.parent;
    if ("id" in ref)
      return { args: { ...addArgs(intent.task, input), parent: ref.id }, where: ` under task ${ref.id}` };
    const listed = lastOutcome(input.outcomes, "list_tasks");
    if (!listed) return call({ name: "list_tasks", args: { status: "all", timezone: input.timeZone } });
    const tasks = listedTasks(listed);
    if (!tasks) return reply(friendlyError(listed));
    const matches = matchTasks(ref.title, tasks, { preferPending: true });
    if (matches.length === 0) return reply(`I couldn't find a task matching "${ref.title}" to add the subtask to.`);
    if (matches.length > 1) {
      const names = matches.slice(0, 10).map((t) => `task ${t.id} (${t.title})`);
      return reply(
        `${capitalise(names.join(", "))} all match "${ref.title}": which one should get the subtask? Say e.g. "add a subtask to task ${matches[0]!.id}: ${intent.task.title}".`,
      );
    }
    const parent = matches[0]!;
    return { args: { ...addArgs(intent.task, input), parent: parent.id }, where: ` under task ${parent.id}` };
  }
  if (intent.project) {
    const lookup = lookupProject(input, intent.project.name);
    if ("plan" in lookup) return lookup.plan;
    if ("found" in lookup) {
      return {
        args: { ...addArgs(intent.project.task, input), project: lookup.found.id },
        where: ` to ${lookup.found.name}`,
      };
    }
  }
  return { args: addArgs(intent.task, input), where: "" };
}

export function planAdd(intent: AddIntent, input: PlanInput): Plan {
  const added = lastOutcome(input.outcomes, "add_task");
  const first = firstCall(intent, input);
  if ("type" in first) return added ? reply(friendlyError(added)) : first;
  if (!added) return call({ name: "add_task", args: first.args });
  if (!added.ok) return reply(friendlyError(added));
  const id = (added.value as { task_id: number }).task_id;
  const t = first.args.project ? intent.project!.task : intent.task;
  return reply(
    `Added ${describeTask({ id, title: t.title, due_at: t.due_at, recurrence: t.recurrence, priority: t.priority, tags: t.tags }, input.timeZone, input.now)}${first.where}.`,
    { shown: [{ id, title: t.title }] },
  );
}
