// Read-only iCalendar feeds for calendar apps (design section 14): the user's pending tasks with a due date, as
// 30-minute events, for everything they can see or one project. The secret in the URL is the only credential;
// rotating it makes old URLs answer 404 at once.
import { randomBytes } from "node:crypto";
import type { CalendarFeeds } from "@todo/contract/feed";
import { and, asc, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import ICAL from "ical.js";
import type { Database } from "../db/client";
import { calendarFeeds, projects, taskNumbers, tasks } from "../db/schema";
import { listProjects } from "../projects/projects.service";

const EVENT_MINUTES = 30;
const MAX_EVENTS = 5000;
const newToken = () => randomBytes(24).toString("base64url");

async function feedRow(db: Database, userId: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  if (row) return row;
  await db.insert(calendarFeeds).values({ userId, token: newToken() }).onConflictDoNothing();
  const [made] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return made!;
}

async function feedsJson(db: Database, userId: string, row: { token: string; createdAt: Date }, baseUrl: string) {
  const base = `${baseUrl.replace(/\/+$/, "")}/feed/${row.token}`;
  const visible = await listProjects(db, userId, { archived: "all" });
  const json: CalendarFeeds = {
    url: `${base}.ics`,
    projects: visible.map((p) => ({ id: p.id, name: p.name, url: `${base}/${p.id}.ics` })),
    created_at: row.createdAt.toISOString(),
  };
  return json;
}

/** The user's feed URLs (the secret is made on first use). */
export async function getFeeds(db: Database, userId: string, baseUrl: string): Promise<CalendarFeeds> {
  return feedsJson(db, userId, await feedRow(db, userId), baseUrl);
}

/** A new secret: every URL handed out before stops working. */
export async function rotateFeeds(db: Database, userId: string, baseUrl: string): Promise<CalendarFeeds> {
  const values = { userId, token: newToken(), createdAt: new Date() };
  await db
    .insert(calendarFeeds)
    .values(values)
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token: values.token, createdAt: values.createdAt } });
  return feedsJson(db, userId, values, baseUrl);
}

/** The feed's iCalendar text, or null for an unknown secret or a project the user cannot see. */
export async function feedCalendar(db: Database, token: string, projectId: string | null): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [feed] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.token, token));
  if (!feed) return null;
  const userId = feed.userId;
  let name = "Tasks";
  const where: (SQL | undefined)[] = [isNull(tasks.deletedAt), isNotNull(tasks.dueAt), eq(tasks.completed, false)];
  if (projectId !== null) {
    const visible = (await listProjects(db, userId, { archived: "all" })).find((p) => p.id === projectId);
    if (!visible) return null;
    name = visible.name;
    where.push(eq(tasks.projectId, projectId));
  }
  const rows = await db
    .select({ task: tasks, number: taskNumbers.number, project: projects.name })
    .from(tasks)
    .innerJoin(taskNumbers, and(eq(taskNumbers.taskId, tasks.id), eq(taskNumbers.userId, userId)))
    .leftJoin(projects, eq(projects.id, tasks.projectId))
    .where(and(...where))
    .orderBy(asc(tasks.dueAt))
    .limit(MAX_EVENTS);

  const calendar = new ICAL.Component("vcalendar");
  calendar.addPropertyWithValue("version", "2.0");
  calendar.addPropertyWithValue("prodid", "-//todo-app//feed//EN");
  calendar.addPropertyWithValue("x-wr-calname", name);
  calendar.addPropertyWithValue("refresh-interval", ICAL.Duration.fromString("PT1H")).setParameter("value", "DURATION");
  for (const { task, number, project } of rows) {
    const due = task.dueAt!;
    const event = new ICAL.Component("vevent");
    event.addPropertyWithValue("uid", `${task.id}@todo-app`);
    event.addPropertyWithValue("dtstamp", ICAL.Time.fromJSDate(task.updatedAt, true));
    event.addPropertyWithValue("dtstart", ICAL.Time.fromJSDate(due, true));
    event.addPropertyWithValue("dtend", ICAL.Time.fromJSDate(new Date(due.getTime() + EVENT_MINUTES * 60_000), true));
    event.addPropertyWithValue("summary", `#${number} ${task.title}`);
    if (task.description) event.addPropertyWithValue("description", task.description);
    const categories = [...(project ? [project] : []), ...task.tags];
    if (categories.length > 0) {
      const p = new ICAL.Property("categories");
      p.setValues(categories);
      event.addProperty(p);
    }
    calendar.addSubcomponent(event);
  }
  return calendar.toString();
}
