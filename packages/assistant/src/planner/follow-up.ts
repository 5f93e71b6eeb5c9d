// Follow-ups to the builtin assistant's previous answer: "delete it" right after "Added task 7: …", "the second one"
// after "Which one do you mean?". What they refer to comes from the dialogue state stored with that answer (the
// tasks it named, the question it asked), so any replica can serve the next turn; this file reads only the
// person's new message.
import { matchTasks } from "../language/match";
import { readOrdinalWord, replaceSpan } from "../language/words";

export interface Option {
  id: number;
  title: string;
}

/** A question listing candidate tasks (lines "- Task 4: Call mom (due …)"), answerable with "the first one". */
export function formatWhichOne(intro: string, lines: string[], example: string): string {
  return `${intro} Which one do you mean?\n${lines.join("\n")}\nFor example: "${example}".`;
}

/**
 * Which of the offered tasks a short reply picks: "the second one", "2", "task 7", "#7", "the plumber one",
 * "both". Null when the reply is not a pick (the person moved on to something else).
 */
export function pickOptions(reply: string, options: Option[]): Option[] | null {
  let text = reply
    .toLowerCase()
    .trim()
    .replace(/[.!?]+$/, "")
    .replace(/^(?:oh,? |ah,? |um,? |sorry,? |no,? |i mean,? |i meant,? |it'?s |it is )+/, "")
    .replace(/,? please$/, "")
    .trim();
  if (/^(?:both|all|all of them|both of them|all \d+|every one|each of them)$/.test(text)) return options;
  text = text
    .replace(/^the /, "")
    .replace(/ (?:one|task)$/, "")
    .trim();
  if (text === "last") return options.slice(-1);
  const ordinal = readOrdinalWord(text);
  if (ordinal !== undefined) return options[ordinal - 1] ? [options[ordinal - 1] as Option] : null;
  const explicit = /^(?:task|number|no\.?) ?#?(\d{1,9})$|^#(\d{1,9})$/.exec(text);
  if (explicit) {
    const id = Number(explicit[1] ?? explicit[2]);
    const option = options.find((o) => o.id === id);
    return option ? [option] : null;
  }
  const bare = /^(\d{1,9})$/.exec(text);
  if (bare) {
    // A bare number is a task number when one is offered, else a position in the list.
    const n = Number(bare[1]);
    const option = options.find((o) => o.id === n) ?? options[n - 1];
    return option ? [option] : null;
  }
  if (text.split(/\s+/).length > 6) return null;
  const matches = matchTasks(text, options);
  return matches.length === 1 ? matches : null;
}

const ACTION_WORDS = [
  "delete",
  "remove",
  "erase",
  "drop",
  "cancel",
  "complete",
  "finish",
  "finished",
  "mark",
  "tick off",
  "check off",
  "move",
  "push",
  "postpone",
  "reschedule",
  "delay",
  "bump",
  "rename",
  "retitle",
  "change",
  "update",
  "edit",
  "make",
  "set",
  "tag",
  "untag",
  "label",
  "reopen",
  "uncomplete",
  "unmark",
  "prioritise",
  "prioritize",
  "deprioritise",
  "deprioritize",
  "schedule",
  "flag",
  "done with",
  "finished with",
  "to",
  "from",
  "on",
].join("|");
// "this week", "that morning": date words, not a reference to a task.
const NOT_A_TASK =
  "(?!\\s+(?:week|weekend|month|year|morning|afternoon|evening|night|time|day|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b)";
const AFTER_ACTION = new RegExp(`\\b(${ACTION_WORDS})\\s+(?:it|this|that)(?:\\s+(?:one|task))?\\b${NOT_A_TASK}`, "i");
const LEADING = /^(?:it|this|that)(?:\s+(?:one|task))?\s*(?:'s|’s|\s+is|\s+was)\b/i;
const DEMONSTRATIVE = /\b(?:this|that)\s+(?:one|task)\b/i;

const PLURAL_AFTER_ACTION = new RegExp(
  `\\b(${ACTION_WORDS})\\s+(?:all\\s+(?:of\\s+)?)?(?:them|those|these)(?:\\s+(?:tasks|ones|two|three|all))?\\b`,
  "i",
);
const PLURAL_LEADING =
  /^(?:they|those|these)(?:\s+(?:tasks|ones|two|three))?\s*(?:'re|’re|\s+are|\s+were)(?:\s+all)?\b/i;

interface PronounPatterns {
  /** After an action word, whose first group is kept: "move it", "delete those". */
  afterAction: RegExp;
  /** At the start, before "is/are": "it's done", "they're finished". Becomes "<replacement> is". */
  leading: RegExp;
  /** Anywhere, replaced whole: "that one". */
  anywhere?: RegExp;
}

function replacePronoun(message: string, replacement: string, patterns: PronounPatterns): string | null {
  const after = patterns.afterAction.exec(message);
  if (after) return replaceSpan(message, after.index, after[0].length, `${after[1] ?? ""} ${replacement}`);
  const leading = patterns.leading.exec(message);
  if (leading) return `${replacement} is${message.slice(leading[0].length)}`;
  const anywhere = patterns.anywhere?.exec(message);
  return anywhere ? replaceSpan(message, anywhere.index, anywhere[0].length, replacement) : null;
}

/**
 * The message with a pronoun that stands for several tasks ("mark them all done", "delete those", "they're done")
 * replaced by `replacement` ("tasks 3 and 4"), or null when there is none.
 */
export function replaceTasksPronoun(message: string, replacement: string): string | null {
  return replacePronoun(message, replacement, { afterAction: PLURAL_AFTER_ACTION, leading: PLURAL_LEADING });
}

/**
 * The message with a pronoun that stands for a task ("move it to friday", "it's done", "delete that one")
 * replaced by `replacement` ("task 7"), or null when there is none.
 */
export function replaceTaskPronoun(message: string, replacement: string): string | null {
  return replacePronoun(message, replacement, { afterAction: AFTER_ACTION, leading: LEADING, anywhere: DEMONSTRATIVE });
}
