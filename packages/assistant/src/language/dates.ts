// Dates and times in free text, resolved on the wall clock of the person's IANA time zone.
// chrono-node only knows fixed UTC offsets, so it is used to read the calendar fields ("Friday", "9am") and the
// instant is rebuilt with @date-fns/tz, which keeps 9:00 at 9:00 on both sides of a DST change.
import { TZDate } from "@date-fns/tz";
import * as chrono from "chrono-node";

/** A date given without a time ("friday", "Dec 3", "in 3 days") is due at 09:00 local time. */
export const DEFAULT_TIME = { hour: 9, minute: 0 } as const;
/** …unless that is today and 09:00 has passed: then it is due at the end of the day, 23:59 local. */
export const END_OF_DAY_TIME = { hour: 23, minute: 59 } as const;

// Times of day that chrono only implies, and where its guesses (6:00 for "morning") suit tasks badly.
const PART_OF_DAY_TIMES: Record<string, { hour: number; minute: number }> = {
  "casualReference/morning": { hour: 9, minute: 0 },
  "casualReference/afternoon": { hour: 15, minute: 0 },
  "casualReference/evening": { hour: 19, minute: 0 },
  "casualReference/tonight": { hour: 20, minute: 0 },
  "casualReference/night": { hour: 20, minute: 0 },
};

export interface Zone {
  now: Date;
  timeZone: string;
  /** Numeric dates day first ("12/03" is 12 March), as the person's locale writes them; month first otherwise. */
  dayFirst?: boolean;
}

export interface WallDate {
  year: number;
  month: number;
  day: number;
}

export interface WallTime {
  hour: number;
  minute: number;
}

export interface FoundDate {
  index: number;
  end: number;
  text: string;
  instant: Date;
  /** The day the text names, on the local calendar. */
  date: WallDate;
  /** The time of day the text names, or null when only a day was given. */
  time: WallTime | null;
  /** False for a bare time ("at 5pm"), which falls on today or tomorrow. */
  hasDay: boolean;
}

/** Fills in defaults: an invalid or missing `now` becomes the current time, an unknown zone becomes UTC. */
export function resolveZone(options?: { now?: Date; timeZone?: string; dayFirst?: boolean }): Zone {
  const now = options?.now instanceof Date && !Number.isNaN(options.now.getTime()) ? options.now : new Date();
  return {
    now,
    timeZone: isKnownTimeZone(options?.timeZone) ? options.timeZone : "UTC",
    ...(options?.dayFirst ? { dayFirst: true } : {}),
  };
}

function isKnownTimeZone(timeZone: string | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function readWallClock(instant: Date, timeZone: string): WallDate & WallTime & { weekday: number } {
  const z = new TZDate(instant.getTime(), timeZone);
  return {
    year: z.getFullYear(),
    month: z.getMonth() + 1,
    day: z.getDate(),
    hour: z.getHours(),
    minute: z.getMinutes(),
    weekday: z.getDay(),
  };
}

/** The instant at which the local clock in `timeZone` shows this date and time. */
export function makeInstant(timeZone: string, date: WallDate, time: WallTime): Date {
  return new Date(new TZDate(date.year, date.month - 1, date.day, time.hour, time.minute, 0, timeZone).getTime());
}

export function addDays(date: WallDate, days: number): WallDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function getWeekday(date: WallDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function countDaysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isSameDate(a: WallDate, b: WallDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** UTC offset of the zone at `instant`, in minutes east of Greenwich (what chrono expects). */
function measureOffsetMinutes(instant: Date, timeZone: string): number {
  const w = readWallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

/** Builds the instant for a day and an optional time, applying the default-time rule. */
export function resolveDayAndTime(zone: Zone, date: WallDate, time: WallTime | null): Date {
  if (time) return makeInstant(zone.timeZone, date, time);
  const instant = makeInstant(zone.timeZone, date, DEFAULT_TIME);
  const today = readWallClock(zone.now, zone.timeZone);
  if (instant.getTime() <= zone.now.getTime() && isSameDate(date, today)) {
    return makeInstant(zone.timeZone, date, END_OF_DAY_TIME);
  }
  return instant;
}

/** The next time the clock shows `time`: today if still ahead, else tomorrow. */
export function resolveBareTime(zone: Zone, time: WallTime): { date: WallDate; instant: Date } {
  const today = readWallClock(zone.now, zone.timeZone);
  let date: WallDate = { year: today.year, month: today.month, day: today.day };
  let instant = makeInstant(zone.timeZone, date, time);
  if (instant.getTime() <= zone.now.getTime()) {
    date = addDays(date, 1);
    instant = makeInstant(zone.timeZone, date, time);
  }
  return { date, instant };
}

/** Parsers chrono lacks: "the 15th", "end of day", "end of the week". */
function createExtraParsers(today: WallDate & { weekday: number }): chrono.Parser[] {
  const ordinalDay: chrono.Parser = {
    pattern: () =>
      /(?<![\p{L}\p{N}])(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?:the|this)\s+month)?(?![\p{L}\p{N}])/iu,
    extract: (_context, match) => {
      const day = Number(match[1]);
      if (day < 1 || day > 31) return null;
      // The next calendar day with that number, today included, skipping months too short for it.
      let { year, month } = today;
      if (day < today.day) month += 1;
      for (let i = 0; i < 14; i++) {
        if (month > 12) {
          month = 1;
          year += 1;
        }
        if (day <= countDaysInMonth(year, month)) return { year, month, day };
        month += 1;
      }
      return null;
    },
  };
  const endOfDay: chrono.Parser = {
    pattern: () => /(?<![\p{L}\p{N}])(?:eod|end\s+of\s+(?:the\s+)?day|close\s+of\s+business|cob)(?![\p{L}\p{N}])/iu,
    extract: () => ({ year: today.year, month: today.month, day: today.day, hour: 17, minute: 0 }),
  };
  const endOfWeek: chrono.Parser = {
    pattern: () => /(?<![\p{L}\p{N}])(?:eow|end\s+of\s+(?:the\s+|this\s+)?week)(?![\p{L}\p{N}])/iu,
    extract: () => {
      // Friday of this week; on a weekend, the coming Friday.
      const ahead = (5 - today.weekday + 7) % 7;
      const friday = addDays(today, ahead);
      return { ...friday, hour: 17, minute: 0 };
    },
  };
  return [ordinalDay, endOfDay, endOfWeek];
}

const WEEKDAY_ABBREVIATION = /^(?:on\s+|this\s+|next\s+)?(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?$/i;
const MONTH_PREPOSITION = /(?:^|\s)(?:in|by|due|until|till|before|during|from|of|on|next|this|end|for)\s*$/i;
const LONE_DURATION = /^(?:a|an|one|\d+)\s+(?:day|week|month|year)s?$/i;

/** Drops what chrono reads as a date but people mean as words: "put on sun cream", "March madness", "one day". */
function isPlausible(result: chrono.ParsedResult, text: string): boolean {
  const s = result.start;
  const after = text.slice(result.index + result.text.length);
  const before = text.slice(0, result.index);
  const core = result.text.trim();
  if (
    WEEKDAY_ABBREVIATION.test(core) &&
    /^\s*[\p{L}]/u.test(after) &&
    !/^\s*(?:at|morning|afternoon|evening|night)\b/i.test(after)
  ) {
    return false;
  }
  if (
    /^(?:the\s+)?(?:morning|afternoon|evening|night)$/i.test(core) &&
    !/(?:in\s+the|this|at|by|until|during\s+the)\s*$/i.test(before)
  ) {
    return false;
  }
  // "the 6pm train", "my 9am call": a clock time after an article or a possessive names the thing, not the due time.
  const clockOnly = s.isCertain("hour") && !s.isCertain("day") && !s.isCertain("weekday") && !s.isCertain("month");
  if (clockOnly && /(?:^|\s)(?:the|a|an|my|our|your|his|her|their)\s*$/i.test(before) && /^\s*[\p{L}]/u.test(after)) {
    return false;
  }
  const onlyMonth =
    s.isCertain("month") && !s.isCertain("day") && !s.isCertain("weekday") && !result.tags().has("result/relativeDate");
  if (onlyMonth && !MONTH_PREPOSITION.test(before)) return false;
  if (LONE_DURATION.test(core) && !/(?:^|\s)(?:in|after|within)\s*$/i.test(before)) return false;
  // A duration is only a date when something says from when: "in 2 hours", "next week", "3 days later".
  if (
    result.tags().has("result/relativeDate") &&
    !/\b(?:in|within|after|from\s+now|later|ago|next|last|this|coming|past|before)\b/i.test(
      `${before.slice(-10)} ${core}`,
    )
  ) {
    return false;
  }
  const certain = (["month", "day", "weekday", "hour"] as const).some((c) => s.isCertain(c));
  if (!certain && !result.tags().size) return false;
  return true;
}

function resolveResult(result: chrono.ParsedResult, zone: Zone): FoundDate | null {
  const s = result.start;
  const tags = result.tags();
  const base = { index: result.index, end: result.index + result.text.length, text: result.text };
  // Durations with a clock part ("in 2 hours") and explicit zones ("5pm EST") are exact instants already.
  if (tags.has("result/relativeDateAndTime") || tags.has("casualReference/now") || s.isCertain("timezoneOffset")) {
    const instant = s.date();
    const wall = readWallClock(instant, zone.timeZone);
    return {
      ...base,
      instant,
      date: { year: wall.year, month: wall.month, day: wall.day },
      time: { hour: wall.hour, minute: wall.minute },
      hasDay: true,
    };
  }
  const year = s.get("year");
  const month = s.get("month");
  const day = s.get("day");
  if (year === null || month === null || day === null) return null;
  let date: WallDate = { year, month, day };
  let time: WallTime | null = null;
  if (s.isCertain("hour")) {
    let hour = s.get("hour") ?? 0;
    const minute = s.get("minute") ?? 0;
    // "at 5" for a task means 5 PM; "05:00" and "5am" are taken at their word.
    const isClockWord = tags.has("casualReference/noon") || tags.has("casualReference/midnight");
    if (!s.isCertain("meridiem") && !isClockWord && hour >= 1 && hour <= 6 && !/\b0\d[:.h]/.test(result.text)) {
      hour += 12;
    }
    time = { hour, minute };
  } else {
    for (const [tag, partTime] of Object.entries(PART_OF_DAY_TIMES)) {
      if (tags.has(tag)) time = partTime;
    }
  }
  const hasDay =
    s.isCertain("day") ||
    s.isCertain("weekday") ||
    s.isCertain("month") ||
    tags.has("result/relativeDate") ||
    [...tags].some((t) => /casualReference\/(today|tomorrow|yesterday|tonight)/.test(t));
  if (/\bnext\s+week\b/i.test(result.text) && !s.isCertain("weekday")) {
    // "next week" is the Monday that starts it, not "7 days from now".
    const today = readWallClock(zone.now, zone.timeZone);
    date = addDays(today, (1 - today.weekday + 7) % 7 || 7);
  }
  if (!hasDay && time) {
    const bare = resolveBareTime(zone, time);
    return { ...base, instant: bare.instant, date: bare.date, time, hasDay: false };
  }
  return { ...base, instant: resolveDayAndTime(zone, date, time), date, time, hasDay: true };
}

/** Every plausible date or time in `text`, in order, resolved in the zone. Never throws. */
export function findDates(text: string, zone: Zone): FoundDate[] {
  try {
    const today = readWallClock(zone.now, zone.timeZone);
    // chrono's en.GB is its casual English with numeric dates read day first.
    const parser = (zone.dayFirst ? chrono.en.GB : chrono.casual).clone();
    parser.parsers.push(...createExtraParsers(today));
    const results = parser.parse(
      text,
      { instant: zone.now, timezone: measureOffsetMinutes(zone.now, zone.timeZone) },
      { forwardDate: true },
    );
    const found: FoundDate[] = [];
    for (const result of results) {
      if (!isPlausible(result, text)) continue;
      const resolved = resolveResult(result, zone);
      if (resolved && !Number.isNaN(resolved.instant.getTime())) found.push(resolved);
    }
    return found;
  } catch {
    return [];
  }
}
