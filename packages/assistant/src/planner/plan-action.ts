// One action on one task (complete, delete, reopen, update): resolve the reference (a number, or a title matched
// against the person's tasks, asking "Which one do you mean?" when several match), call the tool, report.
import type { DialogueAction } from "@todo/contract/conversation";
import type { DialogueSaid } from "../dialogue/state";
import type { Intent } from "../language/intents";
import { matchTasks } from "../language/match";
import { describeTask } from "../language/reply";
import { describeChanges, updateArgs } from "./changes";
import { formatWhichOne } from "./follow-up";
import {
  asShown,
  call,
  capitalise,
  friendlyError,
  type ListedTask,
  lastOutcome,
  listedTasks,
  type Plan,
  type PlanInput,
  reply,
  type ToolCallPlan,
} from "./plan";
import { type KnownProject, lookupProject, projectProblem } from "./plan-projects";

export type ActionKind = "complete" | "delete" | "reopen" | "update";
/** The verb an example reply uses for each action. */
export const VERBS: Record<ActionKind, string> = {
  complete: "complete",
  delete: "delete",
  reopen: "reopen",
  update: "change",
};

export type ActionIntent = Extract<Intent, { kind: ActionKind }>;
export const isAction = (intent: Intent): intent is ActionIntent =>
  intent.kind === "complete" || intent.kind === "delete" || intent.kind === "reopen" || intent.kind === "update";

/** An action as the dialogue state keeps it while a question waits for the task it is about. */
export function actionOf(intent: ActionIntent): DialogueAction {
  return intent.kind === "update" ? { kind: "update", changes: { ...intent.changes } } : { kind: intent.kind };
}

/** The recorded action, aimed at one task. */
export function intentOf(action: DialogueAction, id: number): ActionIntent {
  return action.kind === "update"
    ? { kind: "update", ref: { id }, changes: { ...action.changes } }
    : { kind: action.kind, ref: { id } };
}

/** The question "which one do you mean?" about these candidates, waiting to run this action. */
export function whichOne(candidates: { id: number; title: string }[], action: DialogueAction): DialogueSaid {
  const shown = asShown(candidates);
  return { shown, listed: shown, question: { kind: "which-task", candidates: shown, action } };
}

/** The task a reference means: a number directly, or a title matched against the person's own tasks. */
function resolveRef(
  intent: ActionIntent,
  input: PlanInput,
  needTags: boolean,
): { id: number; task?: ListedTask } | Plan {
  const { ref, kind } = intent;
  const tasks = listedTasks(lastOutcome(input.outcomes, "list_tasks"));
  if ("id" in ref) {
    if (!needTags) return { id: ref.id };
    if (!tasks) return call({ name: "list_tasks", args: { status: "all", timezone: input.timeZone } });
    const task = tasks.find((t) => t.id === ref.id);
    return task ? { id: ref.id, task } : reply(`I couldn't find task ${ref.id}.`);
  }
  if (!tasks) {
    const listed = lastOutcome(input.outcomes, "list_tasks");
    if (listed) return reply(friendlyError(listed));
    return call({ name: "list_tasks", args: { status: "all", timezone: input.timeZone } });
  }
  const pool = kind === "reopen" ? tasks.filter((t) => t.completed) : tasks;
  const matches = matchTasks(ref.title, pool, { preferPending: kind !== "reopen" });
  if (matches.length === 0) return reply(`I couldn't find a task matching "${ref.title}".`);
  if (matches.length > 1) {
    const offered = matches.slice(0, 10);
    const lines = offered.map((t) => `- ${capitalise(describeTask(t, input.timeZone, input.now))}`);
    return reply(
      formatWhichOne(
        `${matches.length} tasks match "${ref.title}", so I haven't changed anything.`,
        lines,
        `${VERBS[kind]} task ${matches[0]!.id}`,
      ),
      whichOne(offered, actionOf(intent)),
    );
  }
  return { id: matches[0]!.id, task: matches[0] };
}

/** The id of the project (already found by lookupProject) with this name. */
function projectId(input: PlanInput, name: string): string {
  const listed = lastOutcome(input.outcomes, "list_projects");
  const projects = input.projects ?? (listed?.value as { projects?: KnownProject[] } | undefined)?.projects ?? [];
  return projects.find((p) => p.name === name)?.id ?? name;
}

export function planAction(asked: Extract<Intent, { kind: ActionKind }>, input: PlanInput): Plan {
  let intent = asked;
  const changes = intent.kind === "update" ? intent.changes : undefined;
  const needTags = Boolean(changes?.tags_add?.length || changes?.tags_remove?.length);
  const target = resolveRef(intent, input, needTags);
  if ("type" in target) return target;
  const tool = { complete: "complete_task", delete: "delete_task", reopen: "update_task", update: "update_task" }[
    intent.kind
  ] as ToolCallPlan["name"];
  // "move task 4 to Home": the project among theirs, by the name they used; the answer then names it as it is.
  if (changes?.project !== undefined && changes.project !== "inbox") {
    const lookup = lookupProject(input, changes.project);
    if ("plan" in lookup) return lookup.plan;
    if (!("found" in lookup)) return projectProblem(changes.project, lookup);
    intent = { ...intent, changes: { ...changes, project: lookup.found.name } } as typeof intent;
  }
  const done = lastOutcome(input.outcomes, tool);
  if (!done) {
    if (intent.kind === "reopen") return call({ name: tool, args: { task_id: target.id, completed: false } });
    if (intent.kind === "update") {
      if (!describeChanges(intent.changes, input)) return reply(`What should I change about task ${target.id}?`);
      const args = updateArgs(target.id, intent.changes, target.task, input.timeZone);
      const project = intent.changes.project;
      if (project !== undefined && project !== "inbox") args.project = projectId(input, project);
      return call({ name: tool, args });
    }
    return call({ name: tool, args: { task_id: target.id } });
  }
  if (!done.ok) return reply(friendlyError(done));
  const result = done.value as { task_id: number; title: string; next_task_id?: number };
  const said = { shown: asShown([{ id: result.task_id, title: result.title }]) };
  switch (intent.kind) {
    case "complete":
      return reply(
        `Marked task ${result.task_id} as complete: ${result.title}.${result.next_task_id ? ` It repeats, so task ${result.next_task_id} is the next one.` : ""}`,
        said,
      );
    case "delete":
      return reply(`Deleted task ${result.task_id}: ${result.title}.`, said);
    case "reopen":
      return reply(`Reopened task ${result.task_id}: ${result.title}.`, said);
    default:
      return reply(
        `Updated task ${result.task_id}: ${result.title} (${describeChanges(intent.changes, input)}).`,
        said,
      );
  }
}
