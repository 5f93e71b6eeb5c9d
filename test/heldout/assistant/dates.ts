// Resolves the cases' relative dates ("tomorrow", "friday", "+3", "dom-15") against the real now in a time zone, and
// compares what the app stored with what the case expects. Only Intl is used, so the rules here are the README's.
import type { DateSpec } from "./schema";

/** A calendar date (no time zone). */
export interface Civil {
  y: number;
  m: number;
  d: number;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsCache.set(tz, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a time zone. */
export function localOf(instant: Date, tz: string): Civil & { hh: number; mm: number; ss: number } {
  const p = Object.fromEntries(
    formatter(tz)
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return { y: +p.year!, m: +p.month!, d: +p.day!, hh: +p.hour! % 24, mm: +p.minute!, ss: +p.second! };
}

export function civilKey(c: Civil): string {
  return `${c.y}-${String(c.m).padStart(2, "0")}-${String(c.d).padStart(2, "0")}`;
}

function toUtcDay(c: Civil): Date {
  return new Date(Date.UTC(c.y, c.m - 1, c.d));
}

export function addDays(c: Civil, n: number): Civil {
  const t = toUtcDay(c);
  t.setUTCDate(t.getUTCDate() + n);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function weekday(c: Civil): number {
  return toUtcDay(c).getUTCDay();
}

/** The first day strictly after `from` (or on it, when `inclusive`) that satisfies `test`, within two years. */
function firstDay(from: Civil, inclusive: boolean, test: (c: Civil) => boolean): Civil {
  for (let i = inclusive ? 0 : 1; i < 800; i++) {
    const c = addDays(from, i);
    if (test(c)) return c;
  }
  throw new Error("no such day within two years");
}

/** One day spec (see README.md) relative to `today`. */
export function resolveDay(spec: string, today: Civil): Civil {
  if (spec === "today") return today;
  if (spec === "tomorrow") return addDays(today, 1);
  if (spec === "yesterday") return addDays(today, -1);
  if (/^[+-]\d+$/.test(spec)) return addDays(today, Number(spec));
  const dom = /^dom-(\d+)$/.exec(spec);
  if (dom) return firstDay(today, false, (c) => c.d === Number(dom[1]));
  const md = /^(\d{2})-(\d{2})$/.exec(spec);
  if (md) return firstDay(today, false, (c) => c.m === Number(md[1]) && c.d === Number(md[2]));
  const wd = /^(this-|next-week-)?([a-z]+)$/.exec(spec);
  const index = wd ? WEEKDAYS.indexOf(wd[2]!) : -1;
  if (!wd || index < 0) throw new Error(`unknown day spec ${spec}`);
  if (wd[1] === "this-") return firstDay(today, true, (c) => weekday(c) === index);
  if (wd[1] === "next-week-") {
    const mondayNext = addDays(today, 7 - ((weekday(today) + 6) % 7));
    return addDays(mondayNext, (index + 6) % 7);
  }
  return firstDay(today, false, (c) => weekday(c) === index);
}

export function todayIn(tz: string, now: Date): Civil {
  const l = localOf(now, tz);
  return { y: l.y, m: l.m, d: l.d };
}

/** The instant at which the wall clock in `tz` reads `civil` `hh:mm` (the earlier one in a DST overlap). */
export function zonedInstant(c: Civil, clock: string, tz: string): Date {
  const [hh, mm] = clock.split(":").map(Number) as [number, number];
  const wanted = Date.UTC(c.y, c.m - 1, c.d, hh, mm);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const l = localOf(new Date(guess), tz);
    const seen = Date.UTC(l.y, l.m - 1, l.d, l.hh, l.mm);
    if (seen === wanted) break;
    guess += wanted - seen;
  }
  return new Date(guess);
}

/** The app's documented default when a person gives a date without a time. */
export const DEFAULT_TIME = "09:00";

/** A setup date: one concrete instant (the first alternative when a spec allows several). */
export function setupInstant(spec: DateSpec, tz: string, now: Date): string {
  if ("minutesFromNow" in spec) return new Date(now.getTime() + spec.minutesFromNow * 60_000).toISOString();
  const day = Array.isArray(spec.day) ? spec.day[0]! : typeof spec.day === "string" ? spec.day : spec.day.from;
  const time =
    spec.time === null || spec.time === "any" ? DEFAULT_TIME : Array.isArray(spec.time) ? spec.time[0]! : spec.time;
  return zonedInstant(resolveDay(day, todayIn(tz, now)), time, tz).toISOString();
}

function clockOf(l: { hh: number; mm: number }): string {
  return `${String(l.hh).padStart(2, "0")}:${String(l.mm).padStart(2, "0")}`;
}

/** How a stored instant reads for a person in `tz`, for messages: "2026-12-04 15:00". */
export function describeInstant(iso: string | null, tz: string): string {
  if (iso === null) return "none";
  const l = localOf(new Date(iso), tz);
  return `${civilKey(l)} ${clockOf(l)}`;
}

/** null when the stored instant satisfies the spec, else what was expected. */
export function dateMismatch(spec: DateSpec, actualIso: string | null, tz: string, now: Date): string | null {
  const expected = describeSpec(spec, tz, now);
  if (actualIso === null) return `expected ${expected}, got none`;
  const actual = new Date(actualIso);
  if ("minutesFromNow" in spec) {
    const target = now.getTime() + spec.minutesFromNow * 60_000;
    return Math.abs(actual.getTime() - target) <= 5 * 60_000
      ? null
      : `expected ${expected}, got ${describeInstant(actualIso, tz)}`;
  }
  const l = localOf(actual, tz);
  const today = todayIn(tz, now);
  const key = civilKey(l);
  let dayOk: boolean;
  if (typeof spec.day === "string") dayOk = civilKey(resolveDay(spec.day, today)) === key;
  else if (Array.isArray(spec.day)) dayOk = spec.day.some((d) => civilKey(resolveDay(d, today)) === key);
  else dayOk = civilKey(resolveDay(spec.day.from, today)) <= key && key <= civilKey(resolveDay(spec.day.to, today));
  const clock = clockOf(l);
  const times =
    spec.time === "any"
      ? null
      : spec.time === null
        ? [DEFAULT_TIME]
        : Array.isArray(spec.time)
          ? spec.time
          : [spec.time];
  const timeOk = times === null || times.includes(clock);
  return dayOk && timeOk ? null : `expected ${expected}, got ${describeInstant(actualIso, tz)}`;
}

/** A spec in words with its resolved dates, for failure messages. */
export function describeSpec(spec: DateSpec, tz: string, now: Date): string {
  if ("minutesFromNow" in spec) return `now+${spec.minutesFromNow}min`;
  const today = todayIn(tz, now);
  const day = (d: string) => `${d}=${civilKey(resolveDay(d, today))}`;
  const days =
    typeof spec.day === "string"
      ? day(spec.day)
      : Array.isArray(spec.day)
        ? spec.day.map(day).join("|")
        : `${day(spec.day.from)}..${day(spec.day.to)}`;
  const time =
    spec.time === "any" ? "any time" : spec.time === null ? `${DEFAULT_TIME} (no time said)` : String(spec.time);
  return `${days} ${time}`;
}
