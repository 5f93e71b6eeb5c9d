// Several tasks named by number in one message: "mark 3 and 4 as done", "delete tasks 2, 5 and 7",
// "move tasks 1-3 to friday". The message is read once with a single task in their place; the planner then runs
// that action on each of them.
import { replaceSpan } from "../language/words";

/** The most tasks one message may name; a longer range is more likely a slip than a wish. */
export const MAX_SEVERAL = 50;

const ID = "(?:tasks?\\s*|numbers?\\s*|no\\.?\\s*|#)?(\\d{1,9})(?![\\p{L}\\p{N}:./-])";
const JOIN = "\\s*(?:,\\s*(?:and\\s+|&\\s*)?|\\band\\b|&|\\+)\\s*";
const LIST = new RegExp(`(?<![\\p{L}\\p{N}:./-])${ID}(?:${JOIN}${ID.replace("(\\d", "(?:\\d")})+`, "iu");
// "tasks 1-3", "#1-#3", "tasks 1 to 3": always with "task(s)" or "#", so dates like 12-25 or "move task 3 to 5pm"
// never read as ranges.
const RANGE =
  /(?<![\p{L}\p{N}:./-])(?:(?:tasks?\s*|#)(\d{1,9})\s*[-–]\s*#?(\d{1,9})|tasks\s+(\d{1,9})\s+(?:to|through|thru|until)\s+(\d{1,9}))(?![\p{L}\p{N}:./-])/iu;

export interface SeveralTasks {
  ids: number[];
  /** The message with the numbers replaced by `replacement`, to be read as a request about one task. */
  message: string;
}

/** The task numbers a message names together, or null when it names fewer than two. */
export function findSeveralTasks(message: string, replacement: string): SeveralTasks | null {
  const range = RANGE.exec(message);
  if (range) {
    const from = Number(range[1] ?? range[3]);
    const to = Number(range[2] ?? range[4]);
    if (to > from && to - from < MAX_SEVERAL) {
      const ids = Array.from({ length: to - from + 1 }, (_, i) => from + i);
      return { ids, message: replaceSpan(message, range.index, range[0].length, replacement) };
    }
  }
  const list = LIST.exec(message);
  if (!list) return null;
  const ids = [...new Set([...list[0].matchAll(/\d{1,9}/g)].map((m) => Number(m[0])))];
  if (ids.length < 2 || ids.length > MAX_SEVERAL) return null;
  return { ids, message: replaceSpan(message, list.index, list[0].length, replacement) };
}

/** "2, 5 and 7" */
export function joinNumbers(ids: number[]): string {
  if (ids.length < 2) return ids.join("");
  return `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
}
