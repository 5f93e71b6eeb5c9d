// Short, friendly wording for confirmations ("task 7: Buy groceries (due Fri 5 PM)"), shared by the builtin
// assistant and any UI text that echoes a task back. Dates are shown on the person's local clock.
import type { Priority } from "@todo/contract/enums";
import { addDays, isSameDate, readWallClock, resolveZone, type WallDate } from "./dates";
import type { ListFilter } from "./intents";
import { lookup } from "./words";

export interface DescribableTask {
  id: number;
  title: string;
  due_at?: string | null;
  priority?: Priority;
  tags?: string[];
  recurrence?: string | null;
  completed?: boolean;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_CODES: Record<string, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};

function formatClock(hour: number, minute: number): string {
  const suffix = hour < 12 ? "AM" : "PM";
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return minute ? `${h}:${String(minute).padStart(2, "0")} ${suffix}` : `${h} ${suffix}`;
}

function formatOrdinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
}

/**
 * A due date as people say it: "today 5 PM", "tomorrow 9 AM", "Fri 5 PM" within the coming week,
 * "Thu 3 Dec 9 AM" further out, with the year only when it is not the current one.
 */
export function formatDue(dueAt: string | Date, timeZone = "UTC", now: Date = new Date()): string {
  const instant = dueAt instanceof Date ? dueAt : new Date(dueAt);
  if (Number.isNaN(instant.getTime())) return String(dueAt);
  const zone = resolveZone({ timeZone }).timeZone;
  const wall = readWallClock(instant, zone);
  const today = readWallClock(now, zone);
  const day: WallDate = { year: wall.year, month: wall.month, day: wall.day };
  const clock = formatClock(wall.hour, wall.minute);
  if (isSameDate(day, today)) return `today ${clock}`;
  if (isSameDate(day, addDays(today, 1))) return `tomorrow ${clock}`;
  if (isSameDate(day, addDays(today, -1))) return `yesterday ${clock}`;
  const ahead =
    (Date.UTC(wall.year, wall.month - 1, wall.day) - Date.UTC(today.year, today.month - 1, today.day)) / 864e5;
  const weekday = WEEKDAYS[wall.weekday] ?? "";
  if (ahead > 0 && ahead < 7) return `${weekday} ${clock}`;
  const year = wall.year === today.year ? "" : ` ${wall.year}`;
  return `${weekday} ${wall.day} ${MONTHS[wall.month - 1]}${year} ${clock}`;
}

/** "every Monday", "every 2 weeks", "monthly on the 1st"; the rule itself when it is too unusual to word. */
export function describeRecurrence(rule: string): string {
  const parts = new Map(
    rule
      .replace(/^RRULE:/i, "")
      .toUpperCase()
      .split(";")
      .map((p) => p.split("=") as [string, string]),
  );
  const freq = parts.get("FREQ");
  const interval = Number(parts.get("INTERVAL") ?? 1);
  const byDay = parts.get("BYDAY")?.split(",") ?? [];
  const byMonthDay = parts.get("BYMONTHDAY")?.split(",").map(Number) ?? [];
  const byMonth = parts.get("BYMONTH")?.split(",").map(Number) ?? [];
  const unit = { HOURLY: "hour", DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year" }[freq ?? ""];
  if (!unit) return rule;
  const every =
    interval > 1 ? (interval === 2 ? `every other ${unit}` : `every ${interval} ${unit}s`) : `every ${unit}`;
  const plainDays = byDay.every((d) => lookup(DAY_CODES, d) !== undefined);
  if (freq === "WEEKLY" && byDay.length && plainDays) {
    const names = byDay.map((d) => lookup(DAY_CODES, d) ?? d);
    const list =
      byDay.join(",") === "MO,TU,WE,TH,FR" ? "weekday" : byDay.join(",") === "SA,SU" ? "weekend day" : joinWords(names);
    return interval > 1 ? `${every} on ${list}` : `every ${list}`;
  }
  if (freq === "MONTHLY" && byMonthDay.length === 1 && !byDay.length) {
    const d = byMonthDay[0] ?? 1;
    return `${interval > 1 ? every : "monthly"} on the ${d === -1 ? "last day" : formatOrdinal(d)}`;
  }
  if (freq === "MONTHLY" && byDay.length === 1) {
    const m = /^([+-]?\d)([A-Z]{2})$/.exec(byDay[0] ?? "");
    const position = Number(m?.[1]);
    const code = m?.[2] ?? "";
    const name = lookup(DAY_CODES, code);
    if (m && name) return `every ${position === -1 ? "last" : formatOrdinal(position)} ${name} of the month`;
  }
  if (freq === "YEARLY" && byMonth.length === 1 && byMonthDay.length === 1) {
    return `every year on ${byMonthDay[0]} ${MONTHS[(byMonth[0] ?? 1) - 1]}`;
  }
  if (byDay.length || byMonthDay.length || byMonth.length) return rule;
  return every;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** "task 7: Buy groceries (due Fri 5 PM, repeats every Monday, high priority, #home)". */
export function describeTask(task: DescribableTask, timeZone = "UTC", now: Date = new Date()): string {
  const details: string[] = [];
  if (task.due_at) details.push(`due ${formatDue(task.due_at, timeZone, now)}`);
  if (task.recurrence) details.push(`repeats ${describeRecurrence(task.recurrence)}`);
  if (task.priority && task.priority !== "none") details.push(`${task.priority} priority`);
  if (task.tags?.length) details.push(task.tags.map((t) => `#${t}`).join(" "));
  if (task.completed) details.push("done");
  return `task ${task.id}: ${task.title}${details.length ? ` (${details.join(", ")})` : ""}`;
}

/** A list filter in words: "pending tasks tagged #work due today". */
export function describeFilter(filter: ListFilter): string {
  const status = filter.status === "pending" ? "pending " : filter.status === "completed" ? "completed " : "";
  const priority = filter.priority && filter.priority !== "none" ? `${filter.priority}-priority ` : "";
  const words = [`${status}${priority}tasks`];
  if (filter.tag) words.push(`tagged #${filter.tag}`);
  if (filter.query) words.push(`matching "${filter.query}"`);
  if (filter.due === "overdue") words.push("that are overdue");
  if (filter.due === "today") words.push("due today");
  if (filter.due === "week") words.push(filter.day === "tomorrow" ? "due tomorrow" : "due this week");
  if (filter.due === "none") words.push("with no due date");
  return words.join(" ");
}
