// Renames, moves in time and "change task 1 to …": the updates that do not name a field, where the new value (a
// title, a date, a priority, a repetition) is told apart by its shape.

import { parsePriorityWord } from "../quick-add";
import { capitalizeFirst, readOnlyQuote, truncateText } from "../words";
import { ADD_HEAD } from "./heads";
import { type Message, readLiteral, restoreQuotes } from "./message";
import { isIdRef, readRef } from "./references";
import { compilePattern, makeUpdate, makeUpdateRule, REF, type Rule } from "./rules";
import type { TaskChanges, TaskRef } from "./types";
import { getTomorrowDefault, PRIORITY_WORD, readRecurrenceRule, readWholeDate, splitAtDate } from "./values";

/** Splits "X to Y" where either side may contain "to": a quoted Y, an id, or "… task" marks the split. */
function splitRenameTarget(msg: Message, text: string): { ref: TaskRef; value: string } | null {
  const splits: { ref: string; value: string }[] = [];
  for (const m of text.matchAll(/\s+(?:to|into|as|with)\s+/giu)) {
    splits.push({ ref: text.slice(0, m.index), value: text.slice((m.index ?? 0) + m[0].length) });
  }
  const preferred =
    splits.find((x) => readOnlyQuote(x.value, msg.quotes) !== null) ??
    splits.find((x) => isIdRef(readRef(msg, x.ref))) ??
    splits.find((x) => /(?:task|todo|item|one)$/iu.test(x.ref.trim())) ??
    splits[0];
  if (!preferred) return null;
  const ref = readRef(msg, preferred.ref);
  return ref && preferred.value.trim() ? { ref, value: preferred.value } : null;
}

/**
 * A quoted new title followed by more changes to the same task: `"Call dad" and make it high priority`. The rest
 * is read as a request about one task ("it" standing for it) or as a bare value ("and high priority"); its changes
 * join the new title. Null when the text is not of that shape or the rest is not a change.
 */
function readQuotedTitleAndMore(msg: Message, value: string): TaskChanges | null {
  const m = /^\s*\uE000(\d+)\uE001\s*(?:,\s*(?:and\s+)?|and\s+(?:also\s+)?|;\s*)(.+)$/u.exec(value);
  const title = m ? msg.quotes[Number(m[1])] : undefined;
  if (!m || !title) return null;
  const rest = m[2] ?? "";
  const asRequest = restoreQuotes(msg, rest).replace(/(?<![\p{L}])(?:it|that|this one)(?![\p{L}])/iu, "task 1");
  const intent = msg.reread(asRequest);
  const more =
    intent.kind === "update" && "id" in intent.ref && intent.ref.id === 1 ? intent.changes : readChangeValue(msg, rest);
  if (more.title !== undefined || Object.keys(more).length === 0) return null;
  return { title: capitalizeFirst(title), ...more };
}

/** "change X to Y": Y may be a date, a priority, a repetition or, most often, a new title. */
function readChangeValue(msg: Message, value: string): TaskChanges {
  const compound = readQuotedTitleAndMore(msg, value);
  if (compound) return compound;
  const quoted = readOnlyQuote(value, msg.quotes);
  if (quoted !== null) return { title: capitalizeFirst(quoted) };
  const priority = new RegExp(`^(?:an?\\s+)?(${PRIORITY_WORD}|no)(?:\\s+priority)?$`, "iu").exec(value.trim());
  if (priority) return { priority: parsePriorityWord(priority[1] ?? "") ?? "none" };
  const date = readWholeDate(msg, value);
  if (date) return { due_at: date.toISOString() };
  const rule = /^(?:every|each|daily|weekly|monthly|yearly|annually|hourly)\b/iu.test(value)
    ? readRecurrenceRule(value)
    : null;
  if (rule) return { recurrence: rule };
  const title = truncateText(readLiteral(msg, value), 200);
  return title ? { title: capitalizeFirst(title) } : {};
}

const readTitleChange = (msg: Message, text: string): TaskChanges | null => {
  const compound = readQuotedTitleAndMore(msg, text);
  if (compound) return compound;
  const title = truncateText(readLiteral(msg, text), 200);
  return title ? { title: capitalizeFirst(title) } : null;
};

/** "rename X to Y" and friends, where either side may contain "to". */
function makeRenameRule(changes: (msg: Message, value: string) => TaskChanges | null): Rule["build"] {
  return (m, msg) => {
    const split = splitRenameTarget(msg, m[1] ?? "");
    const value = split ? changes(msg, split.value) : null;
    return split && value ? makeUpdate(split.ref, value) : null;
  };
}

// Renames, moves and "change task 1 to …".
export const GENERAL_RULES: Rule[] = [
  {
    patterns: [
      compilePattern(`(?:rename|retitle|re-?title|re-?name)\\s+(.+)`),
      compilePattern(
        `(?:change|update|set|edit|modify|fix)\\s+(?:the\\s+)?(?:title|name|text|wording)\\s+(?:of|for|on)\\s+(.+)`,
      ),
    ],
    build: makeRenameRule(readTitleChange),
  },
  {
    patterns: [
      compilePattern(
        `(?:change|update|set|edit|modify)\\s+${REF}(?:'s)?\\s+(?:title|name|text)\\s+(?:to|as|into)\\s+(.+)`,
      ),
      compilePattern(`(?:call|name)\\s+((?:task\\s*|#)\\d+)\\s+(.+)`),
    ],
    build: makeUpdateRule(1, (m, msg) => readTitleChange(msg, m[2] ?? "")),
  },
  {
    // Moving in time: "push the dentist to next week", "reschedule task 10 for monday at 2pm".
    patterns: [
      compilePattern(
        `(push|move|postpone|reschedule|delay|defer|shift|bump|put\\s+off|snooze|punt|push\\s+back|move\\s+back|kick|schedule|do|set|put)\\s+(.+)`,
      ),
    ],
    build: (m, msg) => {
      const verb = (m[1] ?? "").toLowerCase();
      const split = splitAtDate(msg, m[2] ?? "");
      if (split) {
        const ref = readRef(msg, split.ref.replace(/\s+(?:back|forward|out|off|over)$/iu, ""));
        // "schedule a meeting for friday" and "do laundry tomorrow" are new tasks, not moves.
        if ((verb === "schedule" || verb === "do") && !isIdRef(ref)) return null;
        // "set a reminder for 5pm…" and "put milk on my list" add; "set the dentist for thursday" moves.
        if ((verb === "set" || verb === "put") && ADD_HEAD.test(msg.text)) return null;
        return makeUpdate(ref, { due_at: split.date.toISOString() });
      }
      // Postponing without a date means to tomorrow.
      if (!/^(?:postpone|snooze|delay|defer|put\s+off)$/u.test(verb)) return null;
      const ref = readRef(msg, (m[2] ?? "").replace(/\s+(?:back|off|a\s+bit|for\s+now)$/iu, ""));
      return makeUpdate(ref, { due_at: getTomorrowDefault(msg).toISOString() });
    },
  },
  {
    // "change task 1 to 'Call mom tonight'": only when the task is clearly named or the value quoted.
    patterns: [compilePattern(`(?:change|update|edit|modify|replace|turn|make|set|switch)\\s+(.+)`)],
    build: (m, msg) => {
      if (ADD_HEAD.test(msg.text)) return null;
      const split = splitRenameTarget(msg, m[1] ?? "");
      const clear =
        split &&
        (isIdRef(split.ref) ||
          readOnlyQuote(split.value, msg.quotes) !== null ||
          /(?:task|todo|item|one)\s+(?:to|into|as|with)\s/iu.test(m[1] ?? ""));
      return split && clear ? makeUpdate(split.ref, readChangeValue(msg, split.value)) : null;
    },
  },
  {
    patterns: [compilePattern(`(?:change|edit|update|modify|rename)\\s+((?:task\\s*|#)\\d+)\\s*[:-]\\s*(.+)`)],
    build: makeUpdateRule(1, (m, msg) => readChangeValue(msg, m[2] ?? "")),
  },
];
