// Typos: the words that decide the intent are compared with the lexicon; other words are left alone. Only used when
// the message made no sense as typed.
import { findClosestWord, lookup, maskQuotes, unmaskQuotes } from "../words";

const COMMAND_WORDS = [
  "add",
  "create",
  "show",
  "list",
  "display",
  "view",
  "find",
  "search",
  "complete",
  "completed",
  "finish",
  "finished",
  "mark",
  "check",
  "delete",
  "remove",
  "erase",
  "cancel",
  "clear",
  "update",
  "change",
  "edit",
  "modify",
  "rename",
  "move",
  "push",
  "postpone",
  "reschedule",
  "delay",
  "untag",
  "reopen",
  "uncheck",
  "remind",
  "remember",
  "prioritize",
  "what's",
  "which",
];
const ROLE_WORDS = [
  "done",
  "complete",
  "completed",
  "finished",
  "pending",
  "overdue",
  "priority",
  "task",
  "today",
  "tomorrow",
  "remind",
  "delete",
  "remove",
];
// Too short for edit distance, but common enough in a chat box.
const SHORT_FORMS: Record<string, string> = {
  tsk: "task",
  ad: "add",
  shw: "show",
  sho: "show",
  lst: "list",
  ls: "list",
  del: "delete",
};
const SKIPPED_HEADS = new Set([
  "i",
  "we",
  "please",
  "pls",
  "can",
  "could",
  "you",
  "would",
  "will",
  "just",
  "hey",
  "ok",
  "okay",
]);

/** Letters typed twice or more count once: "addd" and "add" squeeze to the same "ad". */
export const squeeze = (s: string) => s.toLowerCase().replace(/(\p{L})\1+/gu, "$1");

/** A command word typed with a stuck key ("addd"), which the typo allowance misses for words as short as "add". */
function stuckKeyCommand(word: string): string | null {
  return COMMAND_WORDS.find((c) => word.length > c.length && squeeze(word) === squeeze(c)) ?? null;
}

export function correctTypos(text: string): string {
  const masked = maskQuotes(text);
  const tokens = masked.text.split(/(\s+)/);
  let commandSeen = false;
  let wordIndex = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (!/[\p{L}]/u.test(token)) continue;
    const bare = token.toLowerCase().replace(/[^\p{L}'-]/gu, "");
    wordIndex++;
    if (!commandSeen && SKIPPED_HEADS.has(bare)) continue;
    let fixed: string | null = null;
    if (!commandSeen && wordIndex <= 4) {
      // One slip at most: "schedule" must not turn into "reschedule".
      fixed = findClosestWord(bare, COMMAND_WORDS, 1) ?? stuckKeyCommand(bare);
      commandSeen = true;
    }
    fixed ??= lookup(SHORT_FORMS, bare) ?? null;
    if (!fixed && bare.length >= 4) fixed = findClosestWord(bare, ROLE_WORDS);
    if (fixed && fixed !== bare) tokens[i] = token.toLowerCase().replace(bare, fixed);
  }
  return unmaskQuotes(tokens.join(""), masked.quotes, '"');
}

/** Day words a date may be typed with one slip in ("tomorow", "fridya", "wendesday"). */
const DATE_WORDS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "tomorrow",
  "tonight",
];
/** Real words within one slip of a day word: never corrected. */
const NOT_DATE_WORDS = new Set(["sundae", "sundaes", "frida", "morrow"]);

/**
 * Corrects day words typed with a slip, so quick add and the assistant read "tomorow 5pm" as tomorrow, not as
 * today with "Tomorow" left in the title. Only these words, each within the typo allowance of its length
 * (countAllowedTypos) and never a plural ("mondays") — an unknown word is never guessed into a date. Takes text
 * whose quotes are already masked (maskQuotes), so a quoted title is never touched.
 */
export function correctDateWords(maskedText: string): string {
  return maskedText.replace(/[\p{L}]{5,}/gu, (word) => {
    const bare = word.toLowerCase();
    if (DATE_WORDS.includes(bare) || NOT_DATE_WORDS.has(bare)) return word;
    const closest = findClosestWord(bare, DATE_WORDS);
    if (!closest || bare === `${closest}s`) return word;
    return closest;
  });
}
