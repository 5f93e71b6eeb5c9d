// The builtin assistant's brain: from the person's message and the tool results so far in this turn, decide the
// next tool calls or the final answer. It plugs into the same agent loop as an LLM. Only the person's own message
// is ever read as a request; task titles and tool results are data.
import { addDays, isSameDate, readWallClock } from "../language/dates";
import { type Intent, type ListFilter, parseIntent, type TaskChanges, type TaskRef } from "../language/intents";
import { matchTasks } from "../language/match";
import { describeFilter, describeRecurrence, describeTask, formatDue } from "../language/reply";
import { formatConfirmationRequest } from "./confirmation";
import {
  answerSubjects,
  formatWhichOne,
  type Option,
  pickOptions,
  replaceTaskPronoun,
  replaceTasksPronoun,
  whichOneOptions,
} from "./follow-up";
import { findSeveralTasks, joinNumbers } from "./several";

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

interface ListedTask {
  id: number;
  title: string;
  completed: boolean;
  priority?: "none" | "low" | "medium" | "high";
  tags: string[];
  due_at: string | null;
}

const call = (...calls: ToolCallPlan[]): Plan => ({ type: "call", calls });
const reply = (text: string): Plan => ({ type: "reply", text });

const HELP =
  'I can add, list, complete, change and delete your tasks. Try "add buy milk tomorrow at 5pm #shopping", "what\'s due today?", "mark task 3 as done", "push the dentist to next Friday" or "delete the meeting task".';

function friendlyError(error: string | undefined): string {
  const notFound = error?.match(/Task (\d+) was not found/);
  if (notFound) return `I couldn't find task ${notFound[1]}.`;
  return `I couldn't do that: ${error ?? "something went wrong"}`;
}

function lastOutcome(outcomes: ToolOutcome[], name: string): ToolOutcome | undefined {
  return [...outcomes].reverse().find((o) => o.name === name);
}

function listedTasks(outcome: ToolOutcome | undefined): ListedTask[] | null {
  return outcome?.ok && Array.isArray(outcome.value) ? (outcome.value as ListedTask[]) : null;
}

function smalltalk(topic: string): string {
  switch (topic) {
    case "greeting":
      return `Hi! ${HELP}`;
    case "thanks":
      return "You're welcome! Anything else on your list?";
    case "bye":
      return "Bye! Your tasks will be here when you come back.";
    default:
      return HELP;
  }
}

function listFilterArgs(filter: ListFilter, timeZone: string): Record<string, unknown> {
  const args: Record<string, unknown> = { timezone: timeZone };
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && k !== "day") args[k] = v;
  return args;
}

/** The listed tasks on the filter's single day ("due tomorrow" is asked for as the week). */
function onFilterDay(tasks: ListedTask[], filter: ListFilter, input: PlanInput): ListedTask[] {
  if (filter.day !== "tomorrow") return tasks;
  const tomorrow = addDays(readWallClock(input.now, input.timeZone), 1);
  return tasks.filter((t) => t.due_at && isSameDate(readWallClock(new Date(t.due_at), input.timeZone), tomorrow));
}

function describeListed(tasks: ListedTask[], input: PlanInput): string {
  const shown = tasks.slice(0, 25);
  const lines = shown.map(
    (t) => `- ${capitalise(describeTask(t, input.timeZone, input.now))}${t.completed ? " ✓" : ""}`,
  );
  if (tasks.length > shown.length) lines.push(`…and ${tasks.length - shown.length} more.`);
  return lines.join("\n");
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function planAdd(intent: Extract<Intent, { kind: "add" }>, input: PlanInput): Plan {
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
  if (!added.ok) return reply(friendlyError(added.error));
  const id = (added.value as { task_id: number }).task_id;
  const t = intent.task;
  return reply(
    `Added ${describeTask({ id, title: t.title, due_at: t.due_at, recurrence: t.recurrence, priority: t.priority, tags: t.tags }, input.timeZone, input.now)}.`,
  );
}

function planList(filter: ListFilter, input: PlanInput): Plan {
  const listed = lastOutcome(input.outcomes, "list_tasks");
  if (!listed) return call({ name: "list_tasks", args: listFilterArgs(filter, input.timeZone) });
  const all = listedTasks(listed);
  if (!all) return reply(friendlyError(listed.error));
  const tasks = onFilterDay(all, filter, input);
  const what = describeFilter(filter);
  if (tasks.length === 0) {
    return reply(filter.status === "completed" ? "You haven't completed any tasks yet." : `You have no ${what}.`);
  }
  const count = tasks.length === 1 ? `one of your ${what}` : `your ${tasks.length} ${what}`;
  return reply(`Here ${tasks.length === 1 ? "is" : "are"} ${count}:\n${describeListed(tasks, input)}`);
}

type ActionKind = "complete" | "delete" | "reopen" | "update";
/** The verb an example reply uses for each action. */
const VERBS: Record<ActionKind, string> = {
  complete: "complete",
  delete: "delete",
  reopen: "reopen",
  update: "change",
};

/** The task a reference means: a number directly, or a title matched against the person's own tasks. */
function resolveRef(
  ref: TaskRef,
  kind: ActionKind,
  input: PlanInput,
  needTags: boolean,
): { id: number; task?: ListedTask } | Plan {
  const tasks = listedTasks(lastOutcome(input.outcomes, "list_tasks"));
  if ("id" in ref) {
    if (!needTags) return { id: ref.id };
    if (!tasks) return call({ name: "list_tasks", args: { status: "all", timezone: input.timeZone } });
    const task = tasks.find((t) => t.id === ref.id);
    return task ? { id: ref.id, task } : reply(`I couldn't find task ${ref.id}.`);
  }
  if (!tasks) {
    const listed = lastOutcome(input.outcomes, "list_tasks");
    if (listed) return reply(friendlyError(listed.error));
    return call({ name: "list_tasks", args: { status: "all", timezone: input.timeZone } });
  }
  const pool = kind === "reopen" ? tasks.filter((t) => t.completed) : tasks;
  const matches = matchTasks(ref.title, pool, { preferPending: kind !== "reopen" });
  if (matches.length === 0) return reply(`I couldn't find a task matching "${ref.title}".`);
  if (matches.length > 1) {
    const lines = matches.slice(0, 10).map((t) => `- ${capitalise(describeTask(t, input.timeZone, input.now))}`);
    return reply(
      formatWhichOne(
        `${matches.length} tasks match "${ref.title}", so I haven't changed anything.`,
        lines,
        `${VERBS[kind]} task ${matches[0]!.id}`,
      ),
    );
  }
  return { id: matches[0]!.id, task: matches[0] };
}

function updateArgs(id: number, changes: TaskChanges, task: ListedTask | undefined, timeZone: string) {
  const args: Record<string, unknown> = { task_id: id, timezone: timeZone };
  for (const key of ["title", "description", "priority", "due_at", "remind_at", "recurrence"] as const) {
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
function describeChanges(changes: TaskChanges, input: Pick<PlanInput, "timeZone" | "now">): string {
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
  return names.join(", ");
}

function planAction(intent: Extract<Intent, { kind: ActionKind }>, input: PlanInput): Plan {
  const changes = intent.kind === "update" ? intent.changes : undefined;
  const needTags = Boolean(changes?.tags_add?.length || changes?.tags_remove?.length);
  const target = resolveRef(intent.ref, intent.kind, input, needTags);
  if ("type" in target) return target;
  const tool = { complete: "complete_task", delete: "delete_task", reopen: "update_task", update: "update_task" }[
    intent.kind
  ] as ToolCallPlan["name"];
  const done = lastOutcome(input.outcomes, tool);
  if (!done) {
    if (intent.kind === "reopen") return call({ name: tool, args: { task_id: target.id, completed: false } });
    if (intent.kind === "update") {
      if (!describeChanges(intent.changes, input)) return reply(`What should I change about task ${target.id}?`);
      return call({ name: tool, args: updateArgs(target.id, intent.changes, target.task, input.timeZone) });
    }
    return call({ name: tool, args: { task_id: target.id } });
  }
  if (!done.ok) return reply(friendlyError(done.error));
  const result = done.value as { task_id: number; title: string; next_task_id?: number };
  switch (intent.kind) {
    case "complete":
      return reply(
        `Marked task ${result.task_id} as complete: ${result.title}.${result.next_task_id ? ` It repeats, so task ${result.next_task_id} is the next one.` : ""}`,
      );
    case "delete":
      return reply(`Deleted task ${result.task_id}: ${result.title}.`);
    case "reopen":
      return reply(`Reopened task ${result.task_id}: ${result.title}.`);
    default:
      return reply(`Updated task ${result.task_id}: ${result.title} (${describeChanges(intent.changes, input)}).`);
  }
}

function planDeleteMany(filter: ListFilter, input: PlanInput): Plan {
  const listed = lastOutcome(input.outcomes, "list_tasks");
  if (!listed) return call({ name: "list_tasks", args: listFilterArgs(filter, input.timeZone) });
  const all = listedTasks(listed);
  if (!all) return reply(friendlyError(listed.error));
  const tasks = onFilterDay(all, filter, input);
  const lists = input.outcomes.filter((o) => o.name === "list_tasks").length;
  if (tasks.length === 0 && filter.tag && lists === 1) {
    // "delete the call tasks": no such tag, so look for the word in titles instead (still only asking).
    const { tag, ...rest } = filter;
    return call({ name: "list_tasks", args: listFilterArgs({ ...rest, query: tag }, input.timeZone) });
  }
  const what =
    lists > 1 && filter.tag ? describeFilter({ ...filter, tag: undefined, query: filter.tag }) : describeFilter(filter);
  if (tasks.length === 0) return reply(`You have no ${what}, so there is nothing to delete.`);
  return reply(formatConfirmationRequest(tasks, what));
}

const tasksWord = (n: number) => (n === 1 ? "task" : "tasks");

interface BatchWords {
  /** The heading over the tasks that changed, given how many did. */
  done: (count: number) => string;
  /** Said when none did. */
  none: string;
  /** Said after the list when some could not, given how many and the first error. */
  failed: (count: number, error: string | undefined) => string;
  /** Appended to a task's line. */
  note?: (result: BatchResult) => string;
}
type BatchResult = { task_id: number; title: string; next_task_id?: number };

/** One tool call per task, then one answer listing the tasks that changed and how many could not. */
function planBatch(calls: ToolCallPlan[], input: PlanInput, words: BatchWords): Plan {
  const outcomes = input.outcomes.filter((o) => o.name === calls[0]?.name);
  if (outcomes.length === 0) return call(...calls);
  const done = outcomes.filter((o) => o.ok).map((o) => o.value as BatchResult);
  const failed = outcomes.filter((o) => !o.ok);
  const lines = done.map((t) => `- #${t.task_id} ${t.title}${words.note?.(t) ?? ""}`);
  let text = done.length ? `${words.done(done.length)}:\n${lines.join("\n")}` : words.none;
  if (failed.length) text += `\n${words.failed(failed.length, failed[0]?.error)}`;
  return reply(text);
}

function planConfirmed(ids: number[], input: PlanInput): Plan {
  return planBatch(
    ids.map((id) => ({ name: "delete_task", args: { task_id: id } })),
    input,
    {
      done: (n) => `Deleted ${n} ${tasksWord(n)}`,
      none: "Nothing was deleted.",
      failed: (n) => `${n} could not be deleted (already gone?).`,
    },
  );
}

function planCompleteMany(ids: number[], input: PlanInput): Plan {
  return planBatch(
    ids.map((id) => ({ name: "complete_task", args: { task_id: id } })),
    input,
    {
      done: (n) => `Marked ${n} ${tasksWord(n)} as complete`,
      none: "Nothing was marked as complete.",
      failed: (n, error) => `${n} could not be completed (${friendlyError(error)})`,
      note: (t) => (t.next_task_id ? ` (repeats: task ${t.next_task_id} is the next one)` : ""),
    },
  );
}

/** One action on several tasks named by number ("mark 3 and 4 as done", "delete tasks 2, 5 and 7"). */
function planSeveral(shape: ActionIntent, ids: number[], input: PlanInput): Plan {
  if (shape.kind === "complete") return planCompleteMany(ids, input);
  const changesTags =
    shape.kind === "update" && Boolean(shape.changes.tags_add?.length || shape.changes.tags_remove?.length);
  let known: ListedTask[] | null = null;
  if (shape.kind === "delete" || changesTags) {
    const listed = lastOutcome(input.outcomes, "list_tasks");
    if (!listed) return call({ name: "list_tasks", args: { status: "all", timezone: input.timeZone } });
    known = listedTasks(listed);
    if (!known) return reply(friendlyError(listed.error));
  }
  if (shape.kind === "delete") {
    // Deleting several always asks first; "yes" deletes exactly the tasks listed in the question.
    const found = (known ?? []).filter((t) => ids.includes(t.id));
    const missing = ids.filter((id) => !found.some((t) => t.id === id));
    if (!found.length) return reply(`I couldn't find ${tasksWord(ids.length)} ${joinNumbers(ids)}.`);
    const note = missing.length ? `I couldn't find ${tasksWord(missing.length)} ${joinNumbers(missing)}.\n` : "";
    const what = `${tasksWord(found.length)} ${joinNumbers(found.map((t) => t.id))}`;
    return reply(note + formatConfirmationRequest(found, what));
  }
  if (shape.kind !== "update") {
    // Complete and delete returned above: this is reopen.
    return planBatch(
      ids.map((id) => ({ name: "update_task", args: { task_id: id, completed: false } })),
      input,
      {
        done: (n) => `Reopened ${n} ${tasksWord(n)}`,
        none: "Nothing was changed.",
        failed: (n, error) => `${n} could not be changed (${friendlyError(error)})`,
      },
    );
  }
  const changes = describeChanges(shape.changes, input);
  if (!changes) return reply(`What should I change about tasks ${joinNumbers(ids)}?`);
  return planBatch(
    ids.map((id) => ({
      name: "update_task",
      args: updateArgs(
        id,
        shape.changes,
        known?.find((t) => t.id === id),
        input.timeZone,
      ),
    })),
    input,
    {
      done: (n) => `Updated ${n} ${tasksWord(n)} (${changes})`,
      none: "Nothing was changed.",
      failed: (n, error) => `${n} could not be changed (${friendlyError(error)})`,
    },
  );
}

type ActionIntent = Extract<Intent, { kind: ActionKind }>;
const isAction = (intent: Intent): intent is ActionIntent =>
  intent.kind === "complete" || intent.kind === "delete" || intent.kind === "reopen" || intent.kind === "update";

/**
 * Reads the message as a follow-up to the previous answer. A pick from a "Which one do you mean?" question
 * re-runs the previous request on the picked task; a pronoun ("delete it", "move it to friday") means the task the
 * previous answer was about, and is never turned into a new task called "Move it to". Null when the message
 * stands on its own.
 */
function planFollowUp(input: PlanInput, parse: (text: string) => Intent): Plan | { intent: ActionIntent } | null {
  const previous = input.previous;
  // The previous request, aimed at one task: its title reference or pronoun replaced by the task's number.
  const retarget = (message: string, id: number): ActionIntent | null => {
    const intent = parse(replaceTaskPronoun(message, `task ${id}`) ?? message);
    return isAction(intent) ? { ...intent, ref: { id } } : null;
  };

  const offered = previous ? whichOneOptions(previous.answer) : null;
  const picked = previous && offered ? pickOptions(input.message, offered) : null;
  if (previous && picked?.length) {
    const intent = retarget(previous.message, picked[0]!.id);
    if (intent && picked.length === 1) return { intent };
    if (intent?.kind === "delete") {
      return reply(formatConfirmationRequest(picked, picked.length === 2 ? "both of them" : `all ${picked.length}`));
    }
    if (intent?.kind === "complete")
      return planCompleteMany(
        picked.map((o) => o.id),
        input,
      );
    if (intent) return reply(`Let's change them one at a time. Which one first? For example: "the first one".`);
  }

  const subjects: Option[] = previous ? answerSubjects(previous.answer) : [];
  // "mark them all done", "delete those": every task the previous answer was about.
  const asMany = replaceTasksPronoun(input.message, "tasks 1 and 2");
  const several = asMany ? findSeveralTasks(asMany, "task 1") : null;
  const manyShape = several ? parse(several.message) : null;
  if (manyShape && isAction(manyShape)) {
    if (subjects.length)
      return planSeveral(
        manyShape,
        subjects.map((o) => o.id),
        input,
      );
    return reply(
      `Which tasks do you mean? Tell me their numbers, for example "${VERBS[manyShape.kind]} tasks 2 and 3".`,
    );
  }

  const asAction = replaceTaskPronoun(input.message, "task 1");
  if (!asAction) return null;
  const shape = parse(asAction);
  if (!isAction(shape)) return null;
  if (subjects.length === 1) {
    const intent = retarget(input.message, subjects[0]!.id);
    if (intent) return { intent };
  }
  const example = `${VERBS[shape.kind]} task ${subjects[0]?.id ?? 3}`;
  if (subjects.length > 1) {
    const lines = subjects.slice(0, 10).map((o) => `- Task ${o.id}: ${o.title}`);
    return reply(formatWhichOne(`That could be any of these ${subjects.length} tasks.`, lines, example));
  }
  return reply(`Which task do you mean? Tell me its number or part of its title, for example "${example}".`);
}

export function planTurn(input: PlanInput): Plan {
  if (input.pending?.answer === "yes") return planConfirmed(input.pending.ids, input);
  if (input.pending?.answer === "no") return reply("OK, I kept them. Nothing was deleted.");

  const parse = (text: string) => parseIntent(text, { now: input.now, timeZone: input.timeZone });
  const followUp = planFollowUp(input, parse);
  if (followUp && "type" in followUp) return followUp;
  if (!followUp) {
    const several = findSeveralTasks(input.message, "task 1");
    const shape = several ? parse(several.message) : null;
    if (several && shape && isAction(shape)) return planSeveral(shape, several.ids, input);
  }
  const intent = followUp?.intent ?? parse(input.message);
  switch (intent.kind) {
    case "smalltalk":
      return reply(smalltalk(intent.topic));
    case "add":
      return planAdd(intent, input);
    case "list":
      return planList(intent.filter, input);
    case "delete_many":
      return planDeleteMany(intent.filter, input);
    case "complete":
    case "delete":
    case "reopen":
    case "update":
      return planAction(intent, input);
    default:
      return reply(`Sorry, I didn't understand that. ${HELP}`);
  }
}
