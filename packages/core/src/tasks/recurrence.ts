// Recurrence rules (RFC 5545 RRULE) and the next occurrence of a recurring task.
// Rules are parsed here by a strict grammar, then evaluated by rrule-temporal in the task's time zone, so "every
// Monday at 9:00" stays 9:00 across DST. Every evaluation is bounded: a rule that never (or too rarely) comes round
// costs a few milliseconds and is refused, instead of holding the event loop (decision 009).
import { RRuleTemporal } from "rrule-temporal";
import { ValidationError } from "../errors";

const SHORTHANDS = new Map<string, string>(
  Object.entries({
    daily: "FREQ=DAILY",
    weekly: "FREQ=WEEKLY",
    monthly: "FREQ=MONTHLY",
    yearly: "FREQ=YEARLY",
    annually: "FREQ=YEARLY",
    weekdays: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  }),
);

const FREQS = ["HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
type Freq = (typeof FREQS)[number];
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/**
 * Periods (days for DAILY, hours for HOURLY, …) one evaluation may scan before giving up. It bounds the work of any
 * rule to a few milliseconds; a rule whose next occurrence lies further than this has none as far as a task goes.
 */
const MAX_PERIODS = 2_000;
const MAX_CANDIDATES = 50_000;
const MAX_LIST_ITEMS = 366;

/** The parts of a rule, as parsed by `parseRule`. */
export interface RecurrenceParts {
  freq: Freq;
  interval?: number;
  until?: Date;
  byDay?: string[];
  byMonthDay?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byHour?: number[];
  byMinute?: number[];
  wkst?: string;
  /** The keys in the order the rule gave them; the canonical text keeps it. */
  order?: string[];
}

function invalid(message: string): never {
  throw new ValidationError(message);
}

function integerList(key: string, value: string, lo: number, hi: number, allowNegative: boolean): number[] {
  const items = value.split(",");
  if (items.length > MAX_LIST_ITEMS) invalid(`${key} lists too many values`);
  return items.map((item) => {
    const pattern = allowNegative ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/;
    if (!pattern.test(item)) invalid(`${key} value "${item}" is not a whole number`);
    const n = Number(item);
    const magnitude = Math.abs(n);
    if (magnitude < lo || magnitude > hi || (allowNegative && n === 0)) {
      invalid(`${key} value ${item} is out of range (${allowNegative ? `±${lo}…${hi}` : `${lo}…${hi}`})`);
    }
    return n;
  });
}

function untilDate(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!m) invalid(`UNTIL "${value}" is not a date like 20261231 or 20261231T235959Z`);
  const [, y, mo, d, h = "00", mi = "00", s = "00"] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  const valid =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d) &&
    Number(h) < 24 &&
    Number(mi) < 60 &&
    Number(s) < 60 &&
    Number(y) >= 1900;
  if (!valid) invalid(`UNTIL "${value}" is not a real date`);
  return date;
}

function untilText(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/**
 * Parses an RRULE strictly: every part is KEY=VALUE with a known key, given once, and a value of the right form and
 * range; parts that RFC 5545 forbids for the frequency are refused. Throws a ValidationError naming the problem.
 */
export function parseRule(text: string): RecurrenceParts {
  const seen = new Set<string>();
  const parts: Partial<RecurrenceParts> = {};
  for (const part of text.split(";")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = eq > 0 ? part.slice(0, eq) : "";
    const value = eq > 0 ? part.slice(eq + 1) : "";
    if (!key || value === "") invalid(`Recurrence part "${part}" is not KEY=VALUE`);
    if (seen.has(key)) invalid(`Recurrence key ${key} is given twice`);
    seen.add(key);
    switch (key) {
      case "FREQ":
        if (value === "SECONDLY" || value === "MINUTELY") invalid("Recurrence may repeat at most hourly");
        if (!(FREQS as readonly string[]).includes(value)) {
          invalid(`FREQ must be one of ${FREQS.join(", ")} (got "${value}")`);
        }
        parts.freq = value as Freq;
        break;
      case "INTERVAL": {
        if (!/^\d{1,4}$/.test(value)) invalid(`INTERVAL must be a whole number (got "${value}")`);
        const n = Number(value);
        if (n < 1 || n > 1000) invalid("INTERVAL must be between 1 and 1000");
        parts.interval = n;
        break;
      }
      case "UNTIL":
        parts.until = untilDate(value);
        break;
      case "COUNT":
        invalid("COUNT is not supported in a task recurrence; use UNTIL to end it");
        break;
      case "BYDAY": {
        const items = value.split(",");
        if (items.length > 7 * 11) invalid("BYDAY lists too many values");
        parts.byDay = items.map((item) => {
          const m = /^([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
          if (!m) invalid(`BYDAY value "${item}" is not a weekday like MO or 1MO or -1FR`);
          const [, sign = "", ordinal, day] = m;
          if (ordinal === undefined) {
            if (sign) invalid(`BYDAY value "${item}" has a sign but no number`);
            return day as string;
          }
          const n = Number(ordinal);
          if (n < 1 || n > 53) invalid(`BYDAY value "${item}" is out of range (±1…53)`);
          return `${sign === "-" ? "-" : "+"}${n}${day}`;
        });
        break;
      }
      case "BYMONTHDAY":
        parts.byMonthDay = integerList(key, value, 1, 31, true);
        break;
      case "BYMONTH":
        parts.byMonth = integerList(key, value, 1, 12, false);
        break;
      case "BYSETPOS":
        parts.bySetPos = integerList(key, value, 1, 366, true);
        break;
      case "BYYEARDAY":
        parts.byYearDay = integerList(key, value, 1, 366, true);
        break;
      case "BYWEEKNO":
        parts.byWeekNo = integerList(key, value, 1, 53, true);
        break;
      case "BYHOUR":
        parts.byHour = integerList(key, value, 0, 23, false);
        break;
      case "BYMINUTE":
        parts.byMinute = integerList(key, value, 0, 59, false);
        break;
      case "WKST":
        if (!(WEEKDAYS as readonly string[]).includes(value))
          invalid(`WKST must be a weekday like MO (got "${value}")`);
        parts.wkst = value;
        break;
      default:
        invalid(`Recurrence key ${key} is not supported`);
    }
  }
  if (!parts.freq) invalid("Recurrence needs a FREQ (e.g. FREQ=DAILY)");
  const rule = { ...parts, order: [...seen] } as RecurrenceParts;
  checkCombination(rule);
  return rule;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The combinations RFC 5545 forbids, and those that could only ever match from some start hours. */
function checkCombination(rule: RecurrenceParts) {
  const { freq } = rule;
  if (rule.byDay?.some((d) => /\d/.test(d)) && freq !== "MONTHLY" && freq !== "YEARLY") {
    invalid("A numbered BYDAY (like 1MO) needs FREQ=MONTHLY or FREQ=YEARLY");
  }
  if (rule.byDay?.some((d) => /\d/.test(d)) && freq === "YEARLY" && rule.byWeekNo) {
    invalid("A numbered BYDAY cannot be combined with BYWEEKNO");
  }
  if (rule.byMonthDay && freq === "WEEKLY") invalid("BYMONTHDAY cannot be used with FREQ=WEEKLY");
  if (rule.byYearDay && (freq === "DAILY" || freq === "WEEKLY" || freq === "MONTHLY")) {
    invalid(`BYYEARDAY cannot be used with FREQ=${freq}`);
  }
  if (rule.byWeekNo && freq !== "YEARLY") invalid("BYWEEKNO needs FREQ=YEARLY");
  if (
    rule.bySetPos &&
    !(rule.byDay || rule.byMonthDay || rule.byMonth || rule.byYearDay || rule.byWeekNo || rule.byHour || rule.byMinute)
  ) {
    invalid("BYSETPOS needs another BY… part to pick from");
  }
  if (freq === "HOURLY" && rule.byHour) {
    // Every INTERVAL hours only reaches the hours congruent to the start hour modulo gcd(INTERVAL, 24): a BYHOUR set
    // that misses one of those classes would never match for tasks starting in it.
    const step = gcd(rule.interval ?? 1, 24);
    for (let residue = 0; residue < step; residue++) {
      if (!rule.byHour.some((h) => h % step === residue)) {
        invalid(
          `FREQ=HOURLY;INTERVAL=${rule.interval} with BYHOUR=${rule.byHour.join(",")} never matches for some start times; use FREQ=DAILY;BYHOUR=… instead`,
        );
      }
    }
  }
}

/** The canonical text of parsed parts: the keys in the order given, each value in one spelling. */
export function formatRule(rule: RecurrenceParts): string {
  const values: Record<string, string | undefined> = {
    FREQ: rule.freq,
    INTERVAL: rule.interval?.toString(),
    UNTIL: rule.until && untilText(rule.until),
    BYSETPOS: rule.bySetPos?.join(","),
    BYMONTH: rule.byMonth?.join(","),
    BYMONTHDAY: rule.byMonthDay?.join(","),
    BYYEARDAY: rule.byYearDay?.join(","),
    BYWEEKNO: rule.byWeekNo?.join(","),
    BYDAY: rule.byDay?.join(","),
    BYHOUR: rule.byHour?.join(","),
    BYMINUTE: rule.byMinute?.join(","),
    WKST: rule.wkst,
  };
  const keys = [...new Set([...(rule.order ?? []), ...Object.keys(values)])];
  return keys
    .filter((key) => values[key] !== undefined)
    .map((key) => `${key}=${values[key]}`)
    .join(";");
}

/** Where an evaluation starts when a rule is checked without a task: any fixed instant works. */
const REFERENCE_START = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/**
 * Validates a rule and returns its canonical text (`FREQ=WEEKLY;BYDAY=MO`).
 * Accepts the shorthands daily|weekly|monthly|yearly|weekdays and an optional `RRULE:` prefix.
 */
export function normalizeRecurrence(input: string): string {
  const raw = input.trim();
  const shorthand = SHORTHANDS.get(raw.toLowerCase());
  const text = (shorthand ?? raw).replace(/^RRULE:/i, "").toUpperCase();
  if (!text) invalid("Recurrence must not be empty");
  const rule = parseRule(text);
  const canonical = formatRule(rule);
  // A rule that can never come round (BYMONTH=2;BYMONTHDAY=31) is refused here, wherever the task starts.
  if (!rule.until) assertRepeats(canonical, REFERENCE_START, "UTC");
  return canonical;
}

/**
 * Pins a bare monthly or yearly rule to the due date's day ("monthly" on Jan 31 becomes BYMONTHDAY=31), so the
 * series keeps its day after landing on a shorter month.
 */
export function anchorRecurrence(rule: string, dueAt: Date | null, timeZone = "UTC"): string {
  if (!dueAt) return rule;
  const parts = parseRule(rule);
  if (parts.byDay || parts.byMonthDay || parts.byYearDay || parts.bySetPos || parts.byWeekNo) return rule;
  const wall = wallClock(dueAt, timeZone);
  if (parts.freq === "MONTHLY") return formatRule({ ...parts, byMonthDay: [wall.day] });
  if (parts.freq === "YEARLY" && !parts.byMonth) {
    return formatRule({ ...parts, byMonth: [wall.month], byMonthDay: [wall.day] });
  }
  return rule;
}

function wallClock(date: Date, timeZone: string): { year: number; month: number; day: number; time: string } {
  const fields = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    year: Number(fields.year),
    month: Number(fields.month),
    day: Number(fields.day),
    time: `${fields.hour}:${fields.minute}:${fields.second}`,
  };
}

/** An instant as the ZonedDateTime text rrule-temporal reads (`2026-01-31T09:00:00+01:00[Europe/Paris]`). */
function zoned(date: Date, timeZone: string) {
  const wall = wallClock(date, timeZone);
  const offsetMinutes = Math.round(
    (Date.UTC(
      wall.year,
      wall.month - 1,
      wall.day,
      Number(wall.time.slice(0, 2)),
      Number(wall.time.slice(3, 5)),
      Number(wall.time.slice(6, 8)),
    ) -
      Math.floor(date.getTime() / 1000) * 1000) /
      60_000,
  );
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  const year = String(wall.year).padStart(4, "0");
  const text = `${year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}T${wall.time}${offset}[${timeZone}]`;
  return { timeZoneId: timeZone, toString: () => text };
}

/**
 * Month-end clamping: a task due on the 31st that repeats monthly lands on the last day of shorter months
 * (Jan 31 → Feb 28 → Mar 31), where plain RFC 5545 would skip those months. Likewise Feb 29 yearly.
 */
function withMonthEndClamp(rule: RecurrenceParts, anchorDay: number, anchorMonth: number): RecurrenceParts {
  if (rule.byDay || rule.bySetPos || rule.byYearDay || rule.byWeekNo) return rule;
  const single = rule.byMonthDay === undefined ? anchorDay : rule.byMonthDay.length === 1 ? rule.byMonthDay[0] : null;
  if (single === null || single === undefined || single < 29) return rule;
  const days = Array.from({ length: single - 27 }, (_, i) => 28 + i);
  if (rule.freq === "MONTHLY") return { ...rule, byMonthDay: days, bySetPos: [-1] };
  if (rule.freq === "YEARLY")
    return { ...rule, byMonth: rule.byMonth ?? [anchorMonth], byMonthDay: days, bySetPos: [-1] };
  return rule;
}

type Outcome = { at: Date } | { ended: true } | { rare: true };

/** The first occurrence strictly after `from`, with the work bounded by MAX_PERIODS and MAX_CANDIDATES. */
function evaluate(ruleText: string, from: Date, timeZone: string): Outcome {
  let parsed: RecurrenceParts;
  try {
    parsed = parseRule(ruleText);
  } catch {
    // A rule stored before the grammar was strict: the series cannot go on, and the task can still be completed.
    return { rare: true };
  }
  const start = zoned(from, timeZone);
  const wall = wallClock(from, timeZone);
  const rule = withMonthEndClamp(parsed, wall.day, wall.month);
  if (rule.until && rule.until.getTime() <= from.getTime()) return { ended: true };
  try {
    const next = new RRuleTemporal({
      freq: rule.freq,
      dtstart: start,
      tzid: timeZone,
      maxIterations: MAX_PERIODS,
      maxCandidateEvaluations: MAX_CANDIDATES,
      cache: false,
      ...(rule.interval !== undefined && { interval: rule.interval }),
      ...(rule.until && { until: zoned(rule.until, "UTC") }),
      ...(rule.byDay && { byDay: rule.byDay }),
      ...(rule.byMonthDay && { byMonthDay: rule.byMonthDay }),
      ...(rule.byMonth && { byMonth: rule.byMonth }),
      ...(rule.bySetPos && { bySetPos: rule.bySetPos }),
      ...(rule.byYearDay && { byYearDay: rule.byYearDay }),
      ...(rule.byWeekNo && { byWeekNo: rule.byWeekNo }),
      ...(rule.byHour && { byHour: rule.byHour }),
      ...(rule.byMinute && { byMinute: rule.byMinute }),
      ...(rule.wkst && { wkst: rule.wkst }),
    }).next(from, false);
    if (!next) return rule.until ? { ended: true } : { rare: true };
    return { at: new Date(next.epochMilliseconds) };
  } catch {
    // The library stops at its iteration caps by throwing: the rule has no occurrence within reach.
    return { rare: true };
  }
}

/** The first occurrence strictly after `from` (evaluated in `timeZone`), or null when the series has ended. */
export function nextOccurrence(rule: string, from: Date, timeZone = "UTC"): Date | null {
  const outcome = evaluate(rule, from, timeZone);
  return "at" in outcome ? outcome.at : null;
}

/** Throws a ValidationError when the rule has no occurrence after `from` within reach (it has not just ended). */
export function assertRepeats(rule: string, from: Date, timeZone = "UTC"): void {
  const outcome = evaluate(rule, from, timeZone);
  if ("rare" in outcome) {
    invalid(`"${rule}" never comes round (no occurrence within ${MAX_PERIODS} periods of its start)`);
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
