// Recurrence rules (RFC 5545 RRULE) and the next occurrence of a recurring task.
// Rules are evaluated on the wall clock of the task's time zone, so "every Monday at 9:00" stays 9:00 across DST.
import { TZDate } from "@date-fns/tz";
import * as rrulePkg from "rrule";
import { ValidationError } from "../errors";

// rrule ships CommonJS with ESM typings; under Node the classes sit on the default export.
const { RRule, Frequency } = ((rrulePkg as unknown as { default?: typeof rrulePkg }).default ??
  rrulePkg) as typeof rrulePkg;
type Options = rrulePkg.Options;

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

const ALLOWED_KEYS = new Set([
  "FREQ",
  "INTERVAL",
  "UNTIL",
  "BYDAY",
  "BYMONTHDAY",
  "BYMONTH",
  "BYSETPOS",
  "BYYEARDAY",
  "BYWEEKNO",
  "BYHOUR",
  "BYMINUTE",
  "WKST",
]);

/**
 * Validates a rule and returns its canonical text (`FREQ=WEEKLY;BYDAY=MO`).
 * Accepts the shorthands daily|weekly|monthly|yearly and an optional `RRULE:` prefix.
 */
export function normalizeRecurrence(input: string): string {
  const raw = input.trim();
  const shorthand = SHORTHANDS.get(raw.toLowerCase());
  const text = (shorthand ?? raw).replace(/^RRULE:/i, "").toUpperCase();
  if (!text) throw new ValidationError("Recurrence must not be empty");
  const parts = text.split(";").filter(Boolean);
  for (const part of parts) {
    const [key, value] = part.split("=");
    if (!key || value === undefined || value === "") {
      throw new ValidationError(`Recurrence part "${part}" is not KEY=VALUE`);
    }
    if (key === "COUNT") {
      throw new ValidationError("COUNT is not supported in a task recurrence; use UNTIL to end it");
    }
    if (!ALLOWED_KEYS.has(key)) throw new ValidationError(`Recurrence key ${key} is not supported`);
  }
  let options: Partial<Options>;
  try {
    options = RRule.parseString(text);
  } catch {
    throw new ValidationError(`"${input}" is not a valid recurrence rule (try FREQ=WEEKLY;BYDAY=MO or "daily")`);
  }
  if (options.freq === undefined || options.freq === null) {
    throw new ValidationError("Recurrence needs a FREQ (e.g. FREQ=DAILY)");
  }
  if (options.freq === Frequency.SECONDLY || options.freq === Frequency.MINUTELY) {
    throw new ValidationError("Recurrence may repeat at most hourly");
  }
  if (options.interval !== undefined && (options.interval < 1 || options.interval > 1000)) {
    throw new ValidationError("INTERVAL must be between 1 and 1000");
  }
  const outOfRange = (v: unknown, lo: number, hi: number) =>
    ([] as unknown[]).concat(v ?? []).some((n) => typeof n !== "number" || n < lo || n > hi || n === 0);
  if (
    outOfRange(options.bymonth, 1, 12) ||
    outOfRange(options.bymonthday, -31, 31) ||
    outOfRange(
      options.byhour === undefined ? undefined : ([] as number[]).concat(options.byhour as number[]).map((h) => h + 1),
      1,
      24,
    ) ||
    outOfRange(
      options.byminute === undefined
        ? undefined
        : ([] as number[]).concat(options.byminute as number[]).map((m) => m + 1),
      1,
      60,
    )
  ) {
    throw new ValidationError(`"${input}" has a BYMONTH, BYMONTHDAY, BYHOUR or BYMINUTE value out of range`);
  }
  try {
    // Building the rule validates values such as BYDAY=XX or BYMONTH=13.
    const rule = new RRule({
      ...options,
      dtstart: new Date(Date.UTC(2024, 0, 1)),
    });
    rule.after(new Date(Date.UTC(2024, 0, 1)));
  } catch {
    throw new ValidationError(`"${input}" is not a valid recurrence rule`);
  }
  return RRule.optionsToString(options).replace(/^RRULE:/, "");
}

/**
 * Pins a bare monthly or yearly rule to the due date's day ("monthly" on Jan 31 becomes BYMONTHDAY=31), so the
 * series keeps its day after landing on a shorter month.
 */
export function anchorRecurrence(rule: string, dueAt: Date | null, timeZone = "UTC"): string {
  if (!dueAt) return rule;
  const options = RRule.parseString(rule);
  const free = (v: unknown) => v === undefined || v === null;
  if (!free(options.byweekday) || !free(options.bymonthday) || !free(options.byyearday) || !free(options.bysetpos)) {
    return rule;
  }
  const wall = toWallClock(dueAt, timeZone);
  if (options.freq === Frequency.MONTHLY) return `${rule};BYMONTHDAY=${wall.getUTCDate()}`;
  if (options.freq === Frequency.YEARLY && free(options.bymonth)) {
    return `${rule};BYMONTH=${wall.getUTCMonth() + 1};BYMONTHDAY=${wall.getUTCDate()}`;
  }
  return rule;
}

/** A wall-clock time in `timeZone`, carried in a Date's UTC fields (what rrule computes with). */
function toWallClock(date: Date, timeZone: string): Date {
  const z = new TZDate(date.getTime(), timeZone);
  return new Date(Date.UTC(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds()));
}

function fromWallClock(wall: Date, timeZone: string): Date {
  const z = new TZDate(
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    timeZone,
  );
  return new Date(z.getTime());
}

/**
 * Month-end clamping: a task due on the 31st that repeats monthly lands on the last day of shorter months
 * (Jan 31 → Feb 28 → Mar 31), where plain RFC 5545 would skip those months. Likewise Feb 29 yearly.
 */
function withMonthEndClamp(options: Partial<Options>, anchor: Date): Partial<Options> {
  const hasByDay = options.byweekday !== undefined && options.byweekday !== null;
  const noSetPos = options.bysetpos === undefined || options.bysetpos === null;
  if (hasByDay || !noSetPos) return options;
  const monthDays = options.bymonthday;
  const single =
    monthDays === undefined || monthDays === null
      ? anchor.getUTCDate()
      : Array.isArray(monthDays) && monthDays.length === 1
        ? monthDays[0]
        : typeof monthDays === "number"
          ? monthDays
          : undefined;
  if (single === undefined || single < 29) return options;
  const days = Array.from({ length: single - 27 }, (_, i) => 28 + i);
  if (options.freq === Frequency.MONTHLY) return { ...options, bymonthday: days, bysetpos: -1 };
  if (options.freq === Frequency.YEARLY) {
    return { ...options, bymonth: options.bymonth ?? anchor.getUTCMonth() + 1, bymonthday: days, bysetpos: -1 };
  }
  return options;
}

/** The first occurrence strictly after `from` (evaluated in `timeZone`), or null when the rule has ended. */
export function nextOccurrence(rule: string, from: Date, timeZone = "UTC"): Date | null {
  const options = RRule.parseString(rule);
  const wallFrom = toWallClock(from, timeZone);
  const clamped = withMonthEndClamp(options, wallFrom);
  if (options.until) {
    clamped.until = toWallClock(options.until, timeZone);
  }
  const next = new RRule({ ...clamped, dtstart: wallFrom }).after(wallFrom, false);
  return next ? fromWallClock(next, timeZone) : null;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
