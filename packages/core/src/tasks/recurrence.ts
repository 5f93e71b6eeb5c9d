// The next occurrence of a recurring task. Rules are parsed by the contract's strict grammar, then evaluated by
// rrule-temporal in the task's time zone, so "every Monday at 9:00" stays 9:00 across DST. Every evaluation is
// bounded: a rule that never (or too rarely) comes round costs a few milliseconds and is refused, instead of holding
// the event loop (decision 009).
import { ValidationError } from "@todo/contract/errors";
import { canonicalRecurrence, formatRule, parseRule, type RecurrenceParts } from "@todo/contract/recurrence";
import { RRuleTemporal } from "rrule-temporal";

export { isValidTimeZone } from "@todo/contract/time-zone";

/**
 * Periods (days for DAILY, hours for HOURLY, …) one evaluation may scan before giving up. It bounds the work of any
 * rule to a few milliseconds; a rule whose next occurrence lies further than this has none as far as a task goes.
 */
const MAX_PERIODS = 2_000;
const MAX_CANDIDATES = 50_000;
/** Yearly rules repeat their calendar every 400 years (the Gregorian cycle): scanning further finds nothing new. */
const MAX_YEARS = 400;

const periodsFor = (freq: RecurrenceParts["freq"]) => (freq === "YEARLY" ? MAX_YEARS : MAX_PERIODS);

/** Days in each month at most (February in a leap year). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Day of the (leap) year each month starts on, 1-based. */
const MONTH_START = MONTH_DAYS.map((_, i) => 1 + MONTH_DAYS.slice(0, i).reduce((a, b) => a + b, 0));

/**
 * Rules whose parts cannot meet on any calendar (the 31st of February, ISO week 1 in July), found without
 * iterating: these would otherwise cost a full scan of the bound before being refused.
 */
function neverOnTheCalendar(rule: RecurrenceParts): boolean {
  const { byMonth: months, byMonthDay: days, byWeekNo: weeks } = rule;
  if (months && days?.every((d) => d > 0)) {
    if (!months.some((m) => days.some((d) => d <= (MONTH_DAYS[m - 1] ?? 0)))) return true;
  }
  if (months && weeks?.every((w) => w > 0)) {
    // ISO week w holds days (w-1)*7-2 … w*7+3 of the year at the widest; a week a whole week away from every
    // listed month can never fall in one.
    const meets = weeks.some((w) =>
      months.some((m) => {
        const first = MONTH_START[m - 1] ?? 0;
        const last = first + (MONTH_DAYS[m - 1] ?? 0) - 1;
        const weekFirst = (w - 1) * 7 - 9;
        const weekLast = w * 7 + 10;
        // Week 1 and the last weeks also reach into the neighbouring year's December or January.
        const wraps = (w === 1 && m === 12) || (w >= 52 && m === 1);
        return wraps || (weekFirst <= last && weekLast >= first);
      }),
    );
    if (!meets) return true;
  }
  return false;
}

/** Where an evaluation starts when a rule is checked without a task: any fixed instant works. */
const REFERENCE_START = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/**
 * Validates a rule and returns its canonical text (`FREQ=WEEKLY;BYDAY=MO`).
 * Accepts the shorthands daily|weekly|monthly|yearly|weekdays and an optional `RRULE:` prefix.
 */
export function normalizeRecurrence(input: string): string {
  const canonical = canonicalRecurrence(input);
  // A rule that can never come round (BYMONTH=2;BYMONTHDAY=31) is refused here, wherever the task starts.
  if (!parseRule(canonical).until) assertRepeats(canonical, REFERENCE_START, "UTC");
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
  if (neverOnTheCalendar(rule)) return { rare: true };
  if (rule.until && rule.until.getTime() <= from.getTime()) return { ended: true };
  try {
    const next = new RRuleTemporal({
      freq: rule.freq,
      dtstart: start,
      tzid: timeZone,
      maxIterations: periodsFor(rule.freq),
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
    let freq: RecurrenceParts["freq"] | undefined;
    try {
      freq = parseRule(rule).freq;
    } catch {
      freq = undefined;
    }
    const periods = freq ? periodsFor(freq) : MAX_PERIODS;
    const message = `"${rule}" never comes round (no occurrence within ${periods} periods of its start)`;
    throw new ValidationError(`recurrence: ${message}`, [{ path: "recurrence", message }]);
  }
}
