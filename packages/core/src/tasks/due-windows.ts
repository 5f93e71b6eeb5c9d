// The time windows behind "overdue", "today", "tomorrow", "this week" and "no date": one definition for the list's
// `due` filter and for the counts, so a count always matches the list it leads to.
import { TZDate } from "@date-fns/tz";
import type { DueFilter } from "@todo/contract/enums";
import { LIMITS } from "@todo/contract/limits";
import type { TaskView } from "@todo/contract/task";
import { addDays, startOfDay } from "date-fns";
import { and, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import { tasks } from "../db/schema";

/** The SQL condition of a due filter at `now`, with days counted in `timeZone`. Range conditions on due_at only. */
export function dueCondition(filter: DueFilter, now: Date, timeZone: string): SQL {
  const today = startOfDay(new TZDate(now.getTime(), timeZone));
  const day = (n: number) => new Date(addDays(today, n).getTime());
  switch (filter) {
    case "overdue":
      return and(lt(tasks.dueAt, now), sql`not ${tasks.completed}`) as SQL;
    case "today":
      return and(gte(tasks.dueAt, day(0)), lt(tasks.dueAt, day(1))) as SQL;
    case "tomorrow":
      return and(gte(tasks.dueAt, day(1)), lt(tasks.dueAt, day(2))) as SQL;
    case "week":
      return and(gte(tasks.dueAt, day(0)), lt(tasks.dueAt, day(7))) as SQL;
    case "none":
      return isNull(tasks.dueAt);
  }
}

/** The daily views: today is pending and due today or earlier; upcoming is pending and due in the next 14 days. */
export function viewCondition(view: TaskView, now: Date, timeZone: string): SQL {
  const today = startOfDay(new TZDate(now.getTime(), timeZone));
  const day = (n: number) => new Date(addDays(today, n).getTime());
  // `not completed` as a literal condition: the pending-only indexes (migration 0004) apply to prepared plans too.
  if (view === "today") return and(sql`not ${tasks.completed}`, lt(tasks.dueAt, day(1))) as SQL;
  return and(sql`not ${tasks.completed}`, gte(tasks.dueAt, day(0)), lt(tasks.dueAt, day(LIMITS.upcomingDays))) as SQL;
}
