// The recurrence grammar (RFC 5545 RRULE, the subset a task uses): strict parsing into parts and the canonical
// text. Evaluation (the next occurrence) lives in core; this file is the shape, shared with the UI's editor.
import { ValidationError } from "./errors";
import { LIMITS } from "./limits";

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

export const FREQS = ["HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export type Freq = (typeof FREQS)[number];
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

const MAX_LIST_ITEMS = LIMITS.recurrenceListItems;

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

/**
 * The canonical text of a rule (`FREQ=WEEKLY;BYDAY=MO`), accepting the shorthands daily|weekly|monthly|yearly|weekdays
 * and an optional `RRULE:` prefix. Throws a ValidationError naming what is wrong.
 */
export function canonicalRecurrence(input: string): string {
  const raw = input.trim();
  const shorthand = SHORTHANDS.get(raw.toLowerCase());
  const text = (shorthand ?? raw).replace(/^RRULE:/i, "").toUpperCase();
  if (!text) invalid("Recurrence must not be empty");
  return formatRule(parseRule(text));
}
