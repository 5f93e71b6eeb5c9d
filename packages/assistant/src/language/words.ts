// Small word-level tools shared by the quick-add parser, the intent grammar and the title matcher:
// typo distance, a light stemmer, number words and quote masking.

/** A table lookup that never reaches Object.prototype ("constructor", "__proto__" are ordinary words here). */
export function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  fifth: 5,
  "5th": 5,
  sixth: 6,
  "6th": 6,
  seventh: 7,
  "7th": 7,
  eighth: 8,
  "8th": 8,
  ninth: 9,
  "9th": 9,
  tenth: 10,
  "10th": 10,
};

/** "second" or "2nd" → 2, up to the tenth; undefined for anything else. */
export function readOrdinalWord(word: string): number | undefined {
  return lookup(ORDINAL_WORDS, word.toLowerCase());
}

/** `text` with the `length` characters at `index` replaced by `replacement`. */
export function replaceSpan(text: string, index: number, length: number, replacement: string): string {
  return `${text.slice(0, index)}${replacement}${text.slice(index + length)}`;
}

/** Regex source matching a count written in digits or words ("3", "three", "a"). */
export const COUNT_SOURCE = `\\d{1,4}|${Object.keys(NUMBER_WORDS).join("|")}`;

/** "3" → 3, "three" → 3, "a" → 1; null when the word is not a count. */
export function parseCount(word: string): number | null {
  const w = word.trim().toLowerCase();
  if (/^\d{1,9}$/.test(w)) return Number(w);
  return lookup(NUMBER_WORDS, w) ?? null;
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, so "mrak" is one edit from
 * "mark"). Gives up early and returns max + 1 once the distance must exceed `max`.
 */
export function measureEditDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How many typos a word of this length may carry and still be recognised. */
export function countAllowedTypos(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 3) return 1;
  return 0;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * The lexicon word closest to `word` within its typo allowance (or `maxDistance`), or null when none is.
 * Between equally close words, one the typo could come from by a dropped letter ("helo" → "hello", not
 * "help") wins; otherwise it is a real tie and null is safer than a guess.
 */
export function findClosestWord(word: string, lexicon: readonly string[], maxDistance?: number): string | null {
  const w = word.toLowerCase();
  if (lexicon.includes(w)) return w;
  const max = Math.min(countAllowedTypos(w), maxDistance ?? Number.POSITIVE_INFINITY);
  if (max === 0) return null;
  let best: string[] = [];
  let bestDistance = max + 1;
  for (const candidate of lexicon) {
    // Short lexicon words are too easy to reach by accident ("to" → "do").
    if (candidate.length < 4) continue;
    const d = measureEditDistance(w, candidate, max);
    if (d > max) continue;
    if (d < bestDistance) {
      best = [candidate];
      bestDistance = d;
    } else if (d === bestDistance && !best.includes(candidate)) {
      best.push(candidate);
    }
  }
  if (best.length === 1) return best[0] ?? null;
  const dropped = best.filter((candidate) => isSubsequence(w, candidate));
  return dropped.length === 1 ? (dropped[0] ?? null) : null;
}

const IRREGULAR_STEMS: Record<string, string> = {
  paid: "pay",
  bought: "buy",
  sent: "send",
  wrote: "write",
  written: "write",
  took: "take",
  taken: "take",
  went: "go",
  made: "make",
  fed: "feed",
  did: "do",
  done: "do",
  ran: "run",
  met: "meet",
  read: "read",
  children: "child",
  people: "person",
};

/**
 * A deliberately small suffix stripper: enough for "groceries"/"grocery", "meetings"/"meeting"/"meet",
 * "called"/"call", without the surprises of a full Porter stemmer on short titles.
 */
export function stemWord(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, "");
  const irregular = lookup(IRREGULAR_STEMS, w);
  if (irregular) return irregular;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  for (const suffix of ["ing", "ed"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      // "shopping" → "shopp" → "shop"; "called" keeps its double l because "call" is the word.
      if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz|ff)$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  return w;
}

/** Lowercase words of a text (letters, digits, inner apostrophes and hyphens). */
export function splitWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

export function capitalizeFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const head = String.fromCodePoint(first);
  const upper = head.toUpperCase();
  // Some letters grow when upper-cased ("ß" → "SS"); keep the original then.
  return upper.length === head.length ? upper + text.slice(head.length) : text;
}

/** Cuts text to `max` UTF-16 units without leaving half a surrogate pair, then trims. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text.trim();
  let cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.trim();
}

// Quoted segments are protected from every other rule: their text is taken literally. They are swapped for
// private-use placeholders while the rest of the sentence is parsed.
const PLACEHOLDER = /\uE000(\d+)\uE001/g;
const QUOTE_PATTERNS = [
  /"([^"\n]+)"/g,
  /“([^”\n]+)”/g,
  /„([^“”\n]+)[“”]/g,
  /«\s*([^»\n]+?)\s*»/g,
  /(?<![\p{L}\p{N}])'([^'\n]+)'(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])‘([^’\n]+)’(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])`([^`\n]+)`(?![\p{L}\p{N}])/gu,
];

export interface MaskedText {
  text: string;
  quotes: string[];
}

/** Replaces quoted segments with placeholders; the quotes' contents are kept in order. */
export function maskQuotes(input: string): MaskedText {
  const quotes: string[] = [];
  let text = input.replace(/[\uE000\uE001]/g, " ");
  for (const pattern of QUOTE_PATTERNS) {
    text = text.replace(pattern, (_whole, inner: string) => {
      const content = inner.trim();
      if (!content) return " ";
      quotes.push(content);
      return `\uE000${quotes.length - 1}\uE001`;
    });
  }
  return { text, quotes };
}

/** Puts the quoted contents back, without their quote marks unless `mark` is given to wrap them in. */
export function unmaskQuotes(text: string, quotes: readonly string[], mark = ""): string {
  return text.replace(PLACEHOLDER, (_whole, index: string) => `${mark}${quotes[Number(index)] ?? ""}${mark}`);
}

/** The quoted content when `text` is nothing but one placeholder, else null. */
export function readOnlyQuote(text: string, quotes: readonly string[]): string | null {
  const match = /^\s*\uE000(\d+)\uE001\s*$/.exec(text);
  return match ? (quotes[Number(match[1])] ?? null) : null;
}
