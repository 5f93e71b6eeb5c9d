// Resolves "the meeting task" or "the one about groceries" to the person's tasks: word overlap with light
// stemming, prefixes and typo tolerance. Ties are all returned so the caller can ask which one was meant.
import { countAllowedTypos, measureEditDistance, splitWords, stemWord } from "./words";

export interface MatchOptions {
  /** When some pending task matches, ignore completed ones ("I finished the report"). */
  preferPending?: boolean;
}

// Words that carry no identity in a reference ("the task about …").
const FILLER = new Set([
  "the",
  "a",
  "an",
  "my",
  "our",
  "your",
  "this",
  "that",
  "these",
  "those",
  "task",
  "tasks",
  "todo",
  "todos",
  "to-do",
  "to-dos",
  "item",
  "items",
  "one",
  "ones",
  "thing",
  "reminder",
  "entry",
  "about",
  "called",
  "named",
  "titled",
  "regarding",
  "re",
  "for",
  "with",
  "to",
  "of",
  "and",
  "please",
]);

// A reference must cover at least this share of its words to count at all.
const MIN_SCORE = 0.5;
const EPSILON = 1e-9;

function scoreWord(word: string, stem: string, titleWords: string[], titleStems: string[]): number {
  let best = 0;
  for (let i = 0; i < titleWords.length; i++) {
    const tw = titleWords[i] ?? "";
    const ts = titleStems[i] ?? "";
    if (tw === word || ts === stem) return 1;
    const shorter = Math.min(word.length, tw.length);
    if (shorter >= 3 && (tw.startsWith(word) || word.startsWith(tw) || ts.startsWith(stem) || stem.startsWith(ts))) {
      best = Math.max(best, 0.8);
    } else if (word.length >= 4 && measureEditDistance(word, tw, countAllowedTypos(word)) <= countAllowedTypos(word)) {
      best = Math.max(best, 0.7);
    }
  }
  return best;
}

function readId(reference: string): number | null {
  const m = /^\s*(?:task|todo|item|number|no\.?)?\s*#?\s*(\d{1,9})\s*$/i.exec(reference);
  return m ? Number(m[1]) : null;
}

/**
 * The tasks a reference most plausibly means, best first in the tasks' own order. Several are returned when
 * they match equally well; none when nothing is plausible. An exact title match beats any partial one.
 */
export function matchTasks<T extends { id: number; title: string; completed?: boolean }>(
  reference: string,
  tasks: T[],
  options: MatchOptions = {},
): T[] {
  const id = readId(reference);
  if (id !== null) return tasks.filter((t) => t.id === id);

  const words = splitWords(reference).filter((w) => !FILLER.has(w));
  if (!words.length) return [];
  const stems = words.map(stemWord);
  const phrase = words.join(" ");

  const exact = tasks.filter((t) => splitWords(t.title).join(" ") === phrase);
  const pool = (list: T[]) => {
    if (!options.preferPending) return list;
    const pending = list.filter((t) => !t.completed);
    return pending.length ? pending : list;
  };
  if (exact.length) return pool(exact);

  const scored: { task: T; score: number }[] = [];
  for (const task of tasks) {
    const titleWords = splitWords(task.title);
    const titleStems = titleWords.map(stemWord);
    let total = 0;
    for (let i = 0; i < words.length; i++) total += scoreWord(words[i] ?? "", stems[i] ?? "", titleWords, titleStems);
    const score = total / words.length;
    // A one-word reference has to be a real hit, not just a shared prefix of three letters.
    if (score >= MIN_SCORE && (words.length > 1 || score >= 0.7)) scored.push({ task, score });
  }
  const candidates = pool(scored.map((s) => s.task));
  const kept = scored.filter((s) => candidates.includes(s.task));
  const best = Math.max(...kept.map((s) => s.score));
  return kept.filter((s) => s.score >= best - EPSILON).map((s) => s.task);
}
