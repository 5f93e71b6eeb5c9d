// Display helpers for task dates and recurrence rules (presentation only; the grammar is the contract's, the rules live in packages/core).
import type { Priority } from "@todo/contract/enums";
import { canonicalRecurrence, type Freq, parseRule, type RecurrenceParts } from "@todo/contract/recurrence";
import { Recurrence } from "@todo/contract/task";

const DAY_MS = 86_400_000;

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function timeText(d: Date): string {
  return d.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
}

/** "today 9:00", "tomorrow 9:00", "Mon 9:00" (this week), "1 Dec 9:00", "1 Dec 2027". */
export function formatWhen(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const days = Math.round((startOfDay(d) - startOfDay(now)) / DAY_MS);
  const midnight = d.getHours() === 0 && d.getMinutes() === 0;
  const time = midnight ? "" : ` ${timeText(d)}`;
  if (days === 0) return `today${time}`;
  if (days === 1) return `tomorrow${time}`;
  if (days === -1) return `yesterday${time}`;
  if (days > 1 && days < 7) return `${d.toLocaleDateString(undefined, { weekday: "short" })}${time}`;
  const sameYear = d.getFullYear() === now.getFullYear();
  const date = d.toLocaleDateString(undefined, {
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
  });
  return `${date}${time}`;
}

/** Full date and time for tooltips and screen readers. */
export function formatFull(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "full", timeStyle: "short" });
}

export function isOverdue(task: { due_at: string | null; completed: boolean }, now = Date.now()): boolean {
  return !task.completed && task.due_at !== null && new Date(task.due_at).getTime() < now;
}

const WEEKDAYS: Record<string, string> = {
  MO: "Mon",
  TU: "Tue",
  WE: "Wed",
  TH: "Thu",
  FR: "Fri",
  SA: "Sat",
  SU: "Sun",
};

const UNITS: Record<Freq, string> = { HOURLY: "hour", DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year" };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function ordinal(n: number): string {
  if (n === -1) return "last day";
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${suffix}`;
}

function weekday(code: string): string {
  const m = /^([+-]?\d+)?([A-Z]{2})$/.exec(code);
  if (!m?.[2]) return code;
  const name = WEEKDAYS[m[2]] ?? m[2];
  if (!m[1]) return name;
  const n = Number(m[1]);
  return `${n === -1 ? "last" : ordinal(n)} ${name}`;
}

/**
 * A readable sentence for a rule, read with the contract's recurrence grammar: "Every month on the 1st", "Every 2
 * weeks on Mon, Thu". Null for no rule or one the grammar refuses.
 */
export function describeRecurrence(rule: string | null): string | null {
  if (!rule) return null;
  let parts: RecurrenceParts;
  try {
    parts = parseRule(canonicalRecurrence(rule));
  } catch {
    return null;
  }
  const interval = parts.interval ?? 1;
  const unit = UNITS[parts.freq];
  let text = interval > 1 ? `Every ${interval} ${unit}s` : `Every ${unit}`;
  const byDay = parts.byDay;
  if (parts.freq === "WEEKLY" && byDay?.join(",") === "MO,TU,WE,TH,FR" && interval === 1) text = "Every weekday";
  else if (parts.freq === "DAILY" && interval === 1 && !byDay) text = "Every day";
  else if (byDay) text += ` on ${byDay.map(weekday).join(", ")}`;
  if (parts.byMonthDay) text += ` on the ${parts.byMonthDay.map(ordinal).join(", ")}`;
  if (parts.byMonth) text += ` in ${parts.byMonth.map((m) => MONTHS[m - 1] ?? String(m)).join(", ")}`;
  if (parts.until) text += ` until ${parts.until.toLocaleDateString(undefined, { timeZone: "UTC" })}`;
  return text;
}

/** Why the grammar refuses a rule, in its own words; null when it accepts it. */
export function recurrenceProblem(rule: string): string | null {
  const result = Recurrence.safeParse(rule);
  return result.success ? null : (result.error.issues[0]?.message ?? "This rule is not valid.");
}

export const PRIORITY_LABEL: Record<Priority, string> = {
  none: "No priority",
  low: "Low",
  medium: "Medium",
  high: "High",
};

/** ISO → the value of an <input type="datetime-local"> in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** "home, work #errands" → ["home", "work", "#errands"]: the words as typed; the contract's Tags schema normalises. */
export function splitTags(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}
