// Follow-ups that read the dialogue state beyond an open question: an ordinal after any list ("tick off the third
// one"), "undo that" (the recorded before of the last change, applied through the tools), and a correction of the
// last change ("actually, make that 9am", "I meant Thursday"), which edits that change and never adds a task.
import type { DialogueChange } from "@todo/contract/conversation";
import { makeInstant, readWallClock } from "../language/dates";
import type { Intent } from "../language/intents";
import { readOrdinalWord, replaceSpan } from "../language/words";
import { confirmationSaid, formatConfirmationRequest } from "./confirmation";
import {
  asShown,
  call,
  friendlyError,
  type Plan,
  type PlanInput,
  reply,
  stateOf,
  type ToolCallPlan,
  tasksWord,
} from "./plan";
import { type ActionIntent, isAction } from "./plan-action";

type FollowUp = Plan | { intent: ActionIntent } | null;

const ORDINAL =
  /\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|[4-9]th|10th|last)\s+(?:one|task|item|entry)\b/i;

/** "tick off the third one", "delete the last task": a position in the tasks the previous answer named. */
export function planOrdinal(input: PlanInput, parse: (text: string) => Intent): FollowUp {
  const state = stateOf(input);
  const shown = state.listed.length ? state.listed : state.shown;
  const found = ORDINAL.exec(input.message);
  if (!found || !shown.length) return null;
  const shape = parse(replaceSpan(input.message, found.index, found[0].length, "task 1"));
  if (!isAction(shape)) return null;
  const word = found[1]!.toLowerCase();
  const position = word === "last" ? shown.length : readOrdinalWord(word);
  const target = position ? shown[position - 1] : undefined;
  if (!target) {
    return reply(
      `The last list I showed had ${shown.length} ${tasksWord(shown.length)}, so there is no ${word} one. Tell me its number, for example "task ${shown[0]!.id}".`,
    );
  }
  return { intent: { ...shape, ref: { id: target.id } } };
}

const UNDO =
  /^(?:please\s+)?(?:undo|revert|reverse|roll\s*back|take\s+(?:that|it)\s+back)(?:\s+(?:that|it|this|last\s+change|the\s+last\s+(?:change|one|thing)|what\s+you\s+(?:just\s+)?did))?(?:,?\s+please)?[\s.!]*$/i;

/** The tool call that reverts one recorded change, or null when its before is unknown. */
function undoCall(change: DialogueChange, timeZone: string): ToolCallPlan | null {
  const { before, after } = change;
  switch (change.tool) {
    case "add_task":
      return { name: "delete_task", args: { task_id: change.task_id } };
    case "complete_task":
      return { name: "update_task", args: { task_id: change.task_id, completed: false } };
    case "delete_task": {
      if (!before) return null;
      const args: Record<string, unknown> = { title: before.title, timezone: timeZone };
      if (before.description) args.description = before.description;
      if (before.priority !== "none") args.priority = before.priority;
      if (before.tags.length) args.tags = before.tags;
      if (before.due_at) args.due_at = before.due_at;
      if (before.remind_at) args.remind_at = before.remind_at;
      if (before.recurrence) args.recurrence = before.recurrence;
      return { name: "add_task", args };
    }
    default: {
      if (!before) return null;
      const args: Record<string, unknown> = {
        task_id: change.task_id,
        title: before.title,
        description: before.description,
        priority: before.priority,
        tags: before.tags,
        due_at: before.due_at,
        remind_at: before.remind_at,
        recurrence: before.recurrence,
        timezone: timeZone,
      };
      if (after && after.completed !== before.completed) args.completed = before.completed;
      return { name: "update_task", args };
    }
  }
}

const titleOf = (c: DialogueChange) => c.after?.title ?? c.before?.title ?? `task ${c.task_id}`;

/** "undo that": revert the last change recorded in the state through the tools. */
export function planUndo(input: PlanInput): Plan | null {
  if (!UNDO.test(input.message.trim())) return null;
  const last = stateOf(input).last_change;
  if (!last) return reply("There is nothing for me to undo in this conversation.");
  const changes = [...last.changes].reverse();
  const calls = changes.map((c) => undoCall(c, input.timeZone));
  const unknown = changes.find((_, i) => !calls[i]);
  if (unknown) return reply(`I can't undo that: I don't know how task ${unknown.task_id} was before.`);
  const planned = calls as ToolCallPlan[];
  const names = new Set(planned.map((c) => c.name));
  const outcomes = input.outcomes.filter((o) => names.has(o.name as ToolCallPlan["name"]));
  if (!outcomes.length) {
    const deletions = changes.filter((c) => c.tool === "add_task");
    // Undoing several additions deletes several tasks, which always asks first.
    if (deletions.length > 1) {
      const tasks = deletions.map((c) => ({ id: c.task_id, title: titleOf(c) }));
      return reply(formatConfirmationRequest(tasks, "the tasks I just added"), confirmationSaid(tasks));
    }
    return call(...planned);
  }
  const lines: string[] = [];
  const shown: { id: number; title: string }[] = [];
  outcomes.forEach((o, i) => {
    const change = changes[i];
    const value = o.value as { task_id?: number; title?: string } | undefined;
    if (!o.ok || !change || !value?.task_id) return;
    shown.push({ id: value.task_id, title: value.title ?? titleOf(change) });
    if (change.tool === "add_task") lines.push(`- removed task ${change.task_id}: ${titleOf(change)}`);
    else if (change.tool === "delete_task") lines.push(`- brought back "${titleOf(change)}" as task ${value.task_id}`);
    else if (change.tool === "complete_task") lines.push(`- reopened task ${value.task_id}: ${value.title}`);
    else lines.push(`- put task ${value.task_id} back as it was: ${value.title}`);
  });
  const failed = outcomes.filter((o) => !o.ok);
  let text = lines.length ? `Undone:\n${lines.join("\n")}` : "Nothing was undone.";
  if (failed.length) text += `\n${failed.length} could not be undone (${friendlyError(failed[0])})`;
  return reply(text, { shown: asShown(shown) });
}

const LEAD =
  /^(?:(?:actually|no|nope|sorry|oops|wait|hmm|correction|i\s+meant|i\s+mean|make\s+that|not\s+that)\b[\s,.:;!-]*){1,4}/i;
const RETARGET =
  /^(?:(?:make|change|set|move|switch|put)\s+(?:that|it)(?:\s+(?:to|for|at|on))?|(?:it'?s|it\s+is|that'?s|that\s+is)|to|at|on|for)\s+/i;
const HAS_TIME = /\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h)\b|\b\d{1,2}:\d{2}\b|\b(?:noon|midday|midnight)\b/i;
const HAS_DATE =
  /\b(?:today|tonight|tomorrow|tmrw|yesterday|mon|tue|wed|thu|fri|sat|sun|week|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{1,2}(?:st|nd|rd|th)|\d{1,2}[/.-]\d{1,2})/i;

/**
 * A correction of the last change ("actually, make that 9am", "no, I meant Thursday", "make that high priority"):
 * an update of the task that change was about. A new time keeps the date, a new date keeps the time, and a moved
 * due date moves its reminder with it. Null when the message is not a correction.
 */
export function planCorrection(input: PlanInput, parse: (text: string) => Intent): FollowUp {
  const lead = LEAD.exec(input.message.trim());
  const text = input.message.trim().slice(lead?.[0].length ?? 0);
  const retarget = RETARGET.exec(text);
  // A correction either starts with one of the lead words or says "make that …" / "change it to …".
  if (!lead && !retarget) return null;
  const rest = text.slice(retarget?.[0].length ?? 0).trim();
  if (!rest || rest.split(/\s+/).length > 8) return null;
  const last = stateOf(input).last_change?.changes;
  const change = last?.length === 1 ? last[0] : undefined;
  const target = change && (change.tool === "add_task" || change.tool === "update_task") ? change : undefined;
  if (!target?.after) return null;
  // A new request of its own ("actually, add milk", "no, delete task 3") is not a correction.
  const alone = parse(rest);
  if (!retarget && alone.kind !== "add" && alone.kind !== "unknown") return null;
  if (!retarget && /^(?:add|create|new|remind|i\s+need|i\s+have\s+to|i\s+must)\b/i.test(rest)) return null;
  const intent = parse(`change task 1 to ${rest}`);
  const fields = intent.kind === "update" ? Object.keys(intent.changes) : [];
  // After "actually" or "no" alone, leftover words are not a new title ("no, the other one").
  if (intent.kind !== "update" || !fields.length || (!retarget && fields.every((f) => f === "title"))) {
    return reply(
      `I'm not sure what to change about task ${target.task_id}. Tell me the change, for example "change task ${target.task_id} to 9am".`,
    );
  }
  const changes = { ...intent.changes };
  const previousDue = target.after.due_at;
  if (changes.due_at && previousDue) {
    const was = readWallClock(new Date(previousDue), input.timeZone);
    const now = readWallClock(new Date(changes.due_at), input.timeZone);
    const date = HAS_DATE.test(rest) ? now : was;
    const time = HAS_TIME.test(rest) || !HAS_DATE.test(rest) ? now : was;
    const due = makeInstant(input.timeZone, date, time);
    changes.due_at = due.toISOString();
    const remind = target.after.remind_at;
    if (remind && changes.remind_at === undefined) {
      changes.remind_at = new Date(
        new Date(remind).getTime() + (due.getTime() - new Date(previousDue).getTime()),
      ).toISOString();
    }
  }
  return { intent: { kind: "update", ref: { id: target.task_id }, changes } };
}
