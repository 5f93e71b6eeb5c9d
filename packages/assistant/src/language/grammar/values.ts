// Shared readers for the values inside a request: whole-phrase dates, priorities, tags and repetitions, and a
// reference split from the date that follows it.
import type { Priority } from "@todo/contract/enums";
import { Tag } from "@todo/contract/task";
import { addDays, findDates, readWallClock, resolveDayAndTime } from "../dates";
import { parsePriorityWord } from "../quick-add";
import { findRecurrence, formatRecurrence } from "../recurrence-phrases";
import type { Message } from "./message";
import type { TaskChanges } from "./types";

/** A date that makes up (nearly) the whole phrase: "next week", "to friday at 5pm". */
export function readWholeDate(msg: Message, phrase: string): Date | null {
  const text = phrase.replace(/^(?:to|for|on|at|until|till|by|into)\s+/iu, "");
  const found = findDates(text, msg.zone)[0];
  if (!found) return null;
  const rest = `${text.slice(0, found.index)} ${text.slice(found.end)}`
    .replace(/\b(?:to|for|on|at|the|until|till|by|instead|please|then)\b/giu, "")
    .trim();
  return rest ? null : found.instant;
}

export const PRIORITY_WORD =
  "(?:high|highest|top|medium|med|normal|mid|low|lowest|none|urgent|important|critical|p[1-4])";

export function readTags(text: string): string[] {
  const tags: string[] = [];
  for (const word of text.split(/\s*(?:,|\band\b|&|\s)\s*/iu)) {
    if (/^(?:the|a|an|tags?|labels?|as|with)$/iu.test(word)) continue;
    const parsed = Tag.safeParse(word);
    if (parsed.success && !tags.includes(parsed.data)) tags.push(parsed.data);
  }
  return tags.slice(0, 20);
}

export function readRecurrenceRule(phrase: string): string | null {
  const found = findRecurrence(phrase);
  return found ? formatRecurrence(found.spec) : null;
}

export function splitAtDate(msg: Message, text: string): { ref: string; date: Date } | null {
  // A leading task number is never part of the date: "task 3 to 5pm" is not the range "3 to 5pm".
  const numbered = /^(?:task\s*|#)\d{1,9}(?![\p{N}])/iu.exec(text);
  const from = numbered ? numbered[0].length : 0;
  const found = findDates(text.slice(from), msg.zone).map((d) => ({ ...d, index: d.index + from, end: d.end + from }));
  for (const date of found) {
    const ref = text
      .slice(0, date.index)
      .replace(/(?:\s+(?:to|for|on|at|until|till|by|into|the|back|out|off|due))+\s*$/iu, "")
      .trim();
    const rest = text
      .slice(date.end)
      .replace(/\b(?:instead|please|then)\b/giu, "")
      .trim();
    if (ref && !rest) return { ref, date: date.instant };
  }
  return null;
}

export function getTomorrowDefault(msg: Message): Date {
  const today = readWallClock(msg.zone.now, msg.zone.timeZone);
  return resolveDayAndTime(msg.zone, addDays(today, 1), null);
}

export const readPriority = (word: string | undefined): Priority => parsePriorityWord(word ?? "") ?? "none";
export const readDueChange = (m: RegExpExecArray, msg: Message, group: number): TaskChanges | null => {
  const date = readWholeDate(msg, m[group] ?? "");
  return date ? { due_at: date.toISOString() } : null;
};
