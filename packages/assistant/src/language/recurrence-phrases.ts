// Repetition phrases ("every monday", "weekly on friday", "every 1st", "every other week") turned into a
// canonical RRULE, plus the first occurrence of the rule, which becomes the task's due date.
import { normalizeRecurrence } from "@todo/core/tasks/recurrence";
import {
  addDays,
  countDaysInMonth,
  DEFAULT_TIME,
  getWeekday,
  makeInstant,
  readWallClock,
  type WallDate,
  type WallTime,
  type Zone,
} from "./dates";
import { lookup, parseCount, readOrdinalWord } from "./words";

export type Frequency = "HOURLY" | "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";

export interface RecurrenceSpec {
  freq: Frequency;
  interval: number;
  /** "MO", or with a position in the month: "+1MO" (first Monday), "-1FR" (last Friday). */
  byDay: string[];
  byMonthDay: number[];
  byMonth: number[];
}

export interface FoundRecurrence {
  index: number;
  end: number;
  text: string;
  spec: RecurrenceSpec;
  /** A time of day the phrase implies ("every morning"), if any. */
  time: WallTime | null;
}

const DAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
const CODE_ORDER = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
const DAY = "(?:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)";
const DAYS = `${DAY}s?`;
const DAY_LIST = `${DAYS}(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*|\\s*\\/\\s*|\\s+)${DAYS})*`;
const MONTH =
  "(?:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)";
const ORDINAL_NUMBER = "(?:\\d{1,2}(?:st|nd|rd|th))";
const POSITION_WORD = "(?:first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)";
const EVERY = "(?:every|each)";
const PART_OF_DAY = "(?:morning|afternoon|evening|night)";
const UNIT = "(?:hour|hr|day|week|wk|month|year|yr)s?";
const COUNT = "(?:\\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

const PART_OF_DAY_TIMES: Record<string, WallTime> = {
  morning: { hour: 9, minute: 0 },
  afternoon: { hour: 15, minute: 0 },
  evening: { hour: 19, minute: 0 },
  night: { hour: 20, minute: 0 },
};

function readDayCodes(text: string): string[] {
  const codes = new Set<string>();
  for (const m of text.toLowerCase().matchAll(new RegExp(`${B}${DAY}s?${E}`, "giu"))) {
    codes.add(m[0].slice(0, 2).toUpperCase());
  }
  return CODE_ORDER.filter((c) => codes.has(c));
}

function readMonth(word: string): number {
  const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
  return months.indexOf(word.toLowerCase().slice(0, 3)) + 1;
}

function readOrdinal(text: string): number {
  if (/last/i.test(text)) return -1;
  return Number.parseInt(text, 10);
}

function makeSpec(freq: Frequency, extra: Partial<RecurrenceSpec> = {}): RecurrenceSpec {
  return { freq, interval: 1, byDay: [], byMonthDay: [], byMonth: [], ...extra };
}

function readUnit(word: string): Frequency {
  const w = word.toLowerCase();
  if (w.startsWith("h")) return "HOURLY";
  if (w.startsWith("d")) return "DAILY";
  if (w.startsWith("w")) return "WEEKLY";
  if (w.startsWith("m")) return "MONTHLY";
  return "YEARLY";
}

interface Rule {
  pattern: RegExp;
  /** An adverb that doubles as an adjective: "Monthly report" is a title, "report monthly" a repetition. */
  adjectival?: boolean;
  build: (m: RegExpExecArray) => { spec: RecurrenceSpec; time?: WallTime } | null;
}

const compileRule = (source: string) => new RegExp(`${B}${source}${E}`, "iu");

// Ordered from the most specific phrase to the most general, so "every other monday" is not read as "every".
const RULES: Rule[] = [
  {
    pattern: compileRule(
      `(?:${EVERY}\\s+(?:week\\s?day|work\\s?day|working\\s+day|business\\s+day)s?|(?:on\\s+)?week\\s?days|on\\s+work\\s?days)`,
    ),
    build: () => ({ spec: makeSpec("WEEKLY", { byDay: ["MO", "TU", "WE", "TH", "FR"] }) }),
  },
  {
    pattern: compileRule(`(?:${EVERY}\\s+weekends?|(?:on\\s+)?weekends)`),
    build: () => ({ spec: makeSpec("WEEKLY", { byDay: ["SA", "SU"] }) }),
  },
  {
    // every first monday (of the month), the last friday of every month, monthly on the 2nd tuesday
    pattern: compileRule(
      `(?:${EVERY}\\s+(?:the\\s+)?(${POSITION_WORD})\\s+(${DAY})(?:\\s+of\\s+(?:the|each|every)\\s+month)?|(?:on\\s+)?the\\s+(${POSITION_WORD})\\s+(${DAY})\\s+of\\s+(?:each|every)\\s+month|monthly\\s+on\\s+the\\s+(${POSITION_WORD})\\s+(${DAY}))`,
    ),
    build: (m) => {
      const word = (m[1] ?? m[3] ?? m[5] ?? "").toLowerCase();
      const position = word === "last" ? -1 : readOrdinalWord(word);
      const codes = readDayCodes(m[2] ?? m[4] ?? m[6] ?? "");
      if (!position || codes.length !== 1) return null;
      // "every second tuesday" without "of the month" reads as a two-week cycle; the next rule takes it.
      if (position === 2 && !/month/i.test(m[0])) return null;
      return { spec: makeSpec("MONTHLY", { byDay: [`${position > 0 ? "+" : ""}${position}${codes[0]}`] }) };
    },
  },
  {
    // every 1st, every 15th of the month, the 1st of every month, every month on the 1st, monthly on the last day
    pattern: compileRule(
      `(?:${EVERY}\\s+(?:the\\s+)?(${ORDINAL_NUMBER}|last\\s+day)(?:\\s+day)?(?:\\s+of\\s+(?:the|each|every)\\s+month)?|(?:on\\s+)?the\\s+(${ORDINAL_NUMBER}|last\\s+day)\\s+of\\s+(?:each|every)\\s+month|(?:${EVERY}\\s+month|monthly)\\s+on\\s+the\\s+(${ORDINAL_NUMBER}|last\\s+day))`,
    ),
    build: (m) => {
      // "every 2nd day" is an interval, left to the interval rule.
      if (/\d(?:st|nd|rd|th)\s+day$/i.test(m[0])) return null;
      const day = readOrdinal(m[1] ?? m[2] ?? m[3] ?? "");
      if (!Number.isFinite(day) || day === 0 || day > 31) return null;
      return { spec: makeSpec("MONTHLY", { byMonthDay: [day] }) };
    },
  },
  {
    // every march 3rd, every 3 march, every year on dec 25, yearly on the 4th of july
    pattern: compileRule(
      `(?:(?:${EVERY}\\s+(?:year\\s+)?(?:on\\s+)?|(?:yearly|annually)\\s+on\\s+)(?:(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?|(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})))`,
    ),
    build: (m) => {
      const month = readMonth(m[1] ?? m[4] ?? "");
      const day = Number(m[2] ?? m[3]);
      if (month < 1 || day < 1 || day > countDaysInMonth(2024, month)) return null;
      return { spec: makeSpec("YEARLY", { byMonth: [month], byMonthDay: [day] }) };
    },
  },
  {
    // every other monday, every 2nd tuesday and thursday (a two-week cycle)
    pattern: compileRule(`${EVERY}\\s+(?:other|second|2nd)\\s+(${DAY_LIST})`),
    build: (m) => ({ spec: makeSpec("WEEKLY", { interval: 2, byDay: readDayCodes(m[1] ?? "") }) }),
  },
  {
    // every 2 weeks, every other day, every three months, every second week on friday
    pattern: compileRule(
      `${EVERY}\\s+(other|second|2nd|third|3rd|${COUNT})\\s+(${UNIT})(?:\\s+on\\s+(${DAY_LIST}))?(?:\\s+on\\s+the\\s+(${ORDINAL_NUMBER}))?`,
    ),
    build: (m) => {
      const word = (m[1] ?? "").toLowerCase();
      const interval = /^(other|second|2nd)$/.test(word) ? 2 : /^(third|3rd)$/.test(word) ? 3 : parseCount(word);
      if (!interval || interval < 1 || interval > 1000) return null;
      const freq = readUnit(m[2] ?? "");
      const byDay = freq === "WEEKLY" && m[3] ? readDayCodes(m[3]) : [];
      const byMonthDay = freq === "MONTHLY" && m[4] ? [readOrdinal(m[4])] : [];
      return { spec: makeSpec(freq, { interval, byDay, byMonthDay }) };
    },
  },
  {
    // every monday, each tue and thu, on mondays, weekly on friday, every week on mon and wed
    pattern: compileRule(
      `(?:(?:${EVERY}\\s+week\\s+|weekly\\s+)on\\s+(${DAY_LIST})|${EVERY}\\s+(${DAY_LIST})|on\\s+(${DAY}s(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*)${DAY}s)*))(?:\\s+(${PART_OF_DAY})s?)?`,
    ),
    build: (m) => {
      const byDay = readDayCodes(m[1] ?? m[2] ?? m[3] ?? "");
      if (!byDay.length) return null;
      const part = m[4]?.toLowerCase();
      return { spec: makeSpec("WEEKLY", { byDay }), time: part ? lookup(PART_OF_DAY_TIMES, part) : undefined };
    },
  },
  {
    // every day, every morning, once a week, each month, every year
    pattern: compileRule(`(?:${EVERY}|once\\s+(?:a|per)|per)\\s+(hour|day|week|month|year|${PART_OF_DAY})`),
    build: (m) => {
      const word = (m[1] ?? "").toLowerCase();
      const time = lookup(PART_OF_DAY_TIMES, word);
      if (time) return { spec: makeSpec("DAILY"), time };
      return { spec: makeSpec(readUnit(word)) };
    },
  },
  {
    adjectival: true,
    pattern: compileRule(
      "(hourly|daily|everyday|nightly|weekly|biweekly|bi-weekly|fortnightly|monthly|bimonthly|bi-monthly|quarterly|yearly|annually)",
    ),
    build: (m) => {
      const word = (m[1] ?? "").toLowerCase().replace("-", "");
      const table: Record<string, { spec: RecurrenceSpec; time?: WallTime }> = {
        hourly: { spec: makeSpec("HOURLY") },
        daily: { spec: makeSpec("DAILY") },
        everyday: { spec: makeSpec("DAILY") },
        nightly: { spec: makeSpec("DAILY"), time: PART_OF_DAY_TIMES.night },
        weekly: { spec: makeSpec("WEEKLY") },
        biweekly: { spec: makeSpec("WEEKLY", { interval: 2 }) },
        fortnightly: { spec: makeSpec("WEEKLY", { interval: 2 }) },
        monthly: { spec: makeSpec("MONTHLY") },
        bimonthly: { spec: makeSpec("MONTHLY", { interval: 2 }) },
        quarterly: { spec: makeSpec("MONTHLY", { interval: 3 }) },
        yearly: { spec: makeSpec("YEARLY") },
        annually: { spec: makeSpec("YEARLY") },
      };
      return lookup(table, word) ?? null;
    },
  },
];

const ADJECTIVE_USE =
  /^\s+(?!(?:on|at|in|from|starting|until|till|for|by|with|and|due|every|p[1-4])(?![\p{L}\p{N}]))[\p{L}]/iu;

// What may follow a bare "every week" / "daily": the days, the day of the month, the part of the day.
const TAIL_DAYS = new RegExp(`^\\s+on\\s+(${DAY_LIST})${E}`, "iu");
const TAIL_MONTH_DAY = new RegExp(
  `^\\s+on\\s+the\\s+(${ORDINAL_NUMBER}|last\\s+day)(?:\\s+of\\s+the\\s+month)?${E}`,
  "iu",
);
const TAIL_PART_OF_DAY = new RegExp(`^\\s+(?:in\\s+the\\s+)?(${PART_OF_DAY})s?${E}`, "iu");

function findRuleMatch(rule: Rule, text: string) {
  for (const m of text.matchAll(new RegExp(rule.pattern.source, "giu"))) {
    const built = rule.build(m as RegExpExecArray);
    if (!built) continue;
    if (rule.adjectival && ADJECTIVE_USE.test(text.slice((m.index ?? 0) + m[0].length))) continue;
    return { m: m as RegExpExecArray, built };
  }
  return null;
}

/** The first repetition phrase in `text`, or null. */
export function findRecurrence(text: string): FoundRecurrence | null {
  for (const rule of RULES) {
    const found = findRuleMatch(rule, text);
    if (!found) continue;
    const { m, built } = found;
    const spec = built.spec;
    let time = built.time ?? null;
    let end = m.index + m[0].length;
    const rest = () => text.slice(end);
    const days = spec.freq === "WEEKLY" && !spec.byDay.length ? TAIL_DAYS.exec(rest()) : null;
    if (days) {
      spec.byDay = readDayCodes(days[1] ?? "");
      end += days[0].length;
    }
    const monthDay =
      spec.freq === "MONTHLY" && !spec.byMonthDay.length && !spec.byDay.length ? TAIL_MONTH_DAY.exec(rest()) : null;
    if (monthDay) {
      spec.byMonthDay = [readOrdinal(monthDay[1] ?? "")];
      end += monthDay[0].length;
    }
    const part = time ? null : TAIL_PART_OF_DAY.exec(rest());
    if (part) {
      time = lookup(PART_OF_DAY_TIMES, (part[1] ?? "").toLowerCase()) ?? null;
      end += part[0].length;
    }
    return { index: m.index, end, text: text.slice(m.index, end), spec, time };
  }
  return null;
}

function formatUntil(until: Date): string {
  return `${until.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
}

/** The canonical RRULE text of a spec (as normalizeRecurrence writes it), or null if it is not valid. */
export function formatRecurrence(spec: RecurrenceSpec, until?: Date | null): string | null {
  const parts = [`FREQ=${spec.freq}`];
  if (spec.interval > 1) parts.push(`INTERVAL=${spec.interval}`);
  if (spec.byMonth.length) parts.push(`BYMONTH=${spec.byMonth.join(",")}`);
  if (spec.byMonthDay.length) parts.push(`BYMONTHDAY=${spec.byMonthDay.join(",")}`);
  if (spec.byDay.length) parts.push(`BYDAY=${spec.byDay.join(",")}`);
  if (until && !Number.isNaN(until.getTime())) parts.push(`UNTIL=${formatUntil(until)}`);
  try {
    return normalizeRecurrence(parts.join(";"));
  } catch {
    return null;
  }
}

function matchesDay(code: string, date: WallDate): boolean {
  const m = /^([+-]?\d)?([A-Z]{2})$/.exec(code);
  if (!m) return false;
  if (DAY_CODES[getWeekday(date)] !== m[2]) return false;
  if (!m[1]) return true;
  const position = Number(m[1]);
  if (position > 0) return Math.ceil(date.day / 7) === position;
  return Math.floor((countDaysInMonth(date.year, date.month) - date.day) / 7) + 1 === -position;
}

function matchesSpec(spec: RecurrenceSpec, date: WallDate): boolean {
  if (spec.byMonth.length && !spec.byMonth.includes(date.month)) return false;
  if (spec.byMonthDay.length) {
    const last = countDaysInMonth(date.year, date.month);
    if (!spec.byMonthDay.some((d) => (d > 0 ? d === date.day : last + d + 1 === date.day))) return false;
  }
  if (spec.byDay.length && !spec.byDay.some((code) => matchesDay(code, date))) return false;
  return true;
}

/**
 * The first occurrence of the rule strictly after now, on or after `startDate` when one is given, at `time`
 * (default 09:00 local). An unanchored rule ("every week") starts on the first such day.
 */
export function findFirstOccurrence(
  spec: RecurrenceSpec,
  zone: Zone,
  startDate: WallDate | null,
  time: WallTime | null,
): Date {
  const now = readWallClock(zone.now, zone.timeZone);
  const today: WallDate = { year: now.year, month: now.month, day: now.day };
  if (spec.freq === "HOURLY" && !time) {
    // The next full hour.
    const date = startDate ?? today;
    const hour = startDate ? DEFAULT_TIME.hour : now.hour + 1;
    return makeInstant(zone.timeZone, addDays(date, Math.floor(hour / 24)), { hour: hour % 24, minute: 0 });
  }
  const at = time ?? DEFAULT_TIME;
  const from = startDate ?? today;
  // Eight years covers every rule, February 29th included.
  for (let i = 0; i < 366 * 8; i++) {
    const date = addDays(from, i);
    if (!matchesSpec(spec, date)) continue;
    const instant = makeInstant(zone.timeZone, date, at);
    if (instant.getTime() > zone.now.getTime()) return instant;
  }
  return makeInstant(zone.timeZone, from, at);
}
