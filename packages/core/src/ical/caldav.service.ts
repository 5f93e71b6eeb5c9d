// CalDAV's view of a user's tasks (design section 14): one calendar per project the user is a member of, plus the
// Inbox; one calendar object per task; ETags from the object's text; sync tokens from dav_changes (written by
// triggers, so every path that changes a task moves them). Writes go through the task service with via "caldav",
// so permissions (editors write, viewers read), activity and recurrence are the app's own.
import { createHash } from "node:crypto";
import type { Role } from "@todo/contract/enums";
import { ForbiddenError, parseInput } from "@todo/contract/errors";
import type { Project } from "@todo/contract/project";
import { CreateTaskInput, UpdateTaskInput } from "@todo/contract/task";
import { and, eq, gt, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../db/client";
import { davCalendarNames, davChanges, davObjects, taskNumbers, tasks } from "../db/schema";
import { createProject, listProjects } from "../projects/projects.service";
import { createValidatedTask, deleteTask, updateValidatedTask } from "../tasks/tasks.service";
import { type IcalTask, type Originals, pairOriginals, parseVtodo, taskToIcal } from "./vtodo";

export { IcalError } from "./vtodo";

export const INBOX = "inbox";
const VIA = { via: "caldav" } as const;

export interface DavCalendar {
  /** "inbox" or the project's id: the collection's path segment. */
  id: string;
  name: string;
  color: string;
  role: Role;
}

export interface DavObject {
  name: string;
  etag: string;
  ics: string;
  taskId: string;
}

/** A precondition of an HTTP write failed (If-Match, If-None-Match, UID conflict). */
export class PreconditionError extends Error {
  constructor(
    message: string,
    readonly status: 403 | 409 | 412,
    readonly condition?: string,
  ) {
    super(message);
  }
}

export async function davCalendars(db: Database, userId: string): Promise<DavCalendar[]> {
  const projects: Project[] = await listProjects(db, userId, { archived: "all" });
  return [
    { id: INBOX, name: "Inbox", color: "#6b7280", role: "owner" },
    ...projects.map((p) => ({ id: p.id, name: p.name, color: p.color, role: p.role })),
  ];
}

/**
 * The calendar at a path segment (its id, or the name a client gave MKCALENDAR), or null when the user cannot
 * see it: unknown and foreign look the same.
 */
export async function davCalendar(db: Database, userId: string, segment: string): Promise<DavCalendar | null> {
  const calendars = await davCalendars(db, userId);
  const direct = calendars.find((c) => c.id === segment);
  if (direct) return direct;
  const [alias] = await db
    .select({ projectId: davCalendarNames.projectId })
    .from(davCalendarNames)
    .where(and(eq(davCalendarNames.userId, userId), eq(davCalendarNames.name, segment)));
  return alias ? (calendars.find((c) => c.id === alias.projectId) ?? null) : null;
}

/** MKCALENDAR: a new project, reachable at the path the client chose as well as at its id. */
export async function createDavCalendar(
  db: Database,
  userId: string,
  segment: string,
  name: string | undefined,
  color?: string,
): Promise<DavCalendar> {
  const input: Record<string, unknown> = { name: (name ?? segment).trim().slice(0, 100) || "Tasks" };
  if (color && /^#[0-9a-f]{6}/i.test(color)) input.color = color.slice(0, 7).toLowerCase();
  const project = await createProject(db, userId, input, VIA);
  if (segment !== project.id) {
    await db.insert(davCalendarNames).values({ userId, name: segment, projectId: project.id }).onConflictDoNothing();
  }
  return { id: project.id, name: project.name, color: project.color, role: project.role };
}

function inCalendar(userId: string, calendarId: string): SQL {
  return calendarId === INBOX
    ? (and(isNull(tasks.projectId), eq(tasks.userId, userId)) as SQL)
    : eq(tasks.projectId, calendarId);
}

function changesOf(userId: string, calendarId: string): SQL {
  return calendarId === INBOX ? eq(davChanges.inboxOwner, userId) : eq(davChanges.projectId, calendarId);
}

/** The collection's sync token: the last change recorded for it (0 before any). */
export async function davSyncSeq(db: Database, userId: string, calendarId: string): Promise<number> {
  const [row] = await db
    .select({ seq: sql<string | null>`max(${davChanges.seq})` })
    .from(davChanges)
    .where(changesOf(userId, calendarId));
  return Number(row?.seq ?? 0);
}

const etagOf = (ics: string) => `"${createHash("sha256").update(ics).digest("base64url").slice(0, 27)}"`;
const defaultName = (taskId: string) => `${taskId}.ics`;

/** The calendar's objects, all or those with the given names (or task ids). */
export async function davObjectsOf(
  db: Database,
  userId: string,
  calendarId: string,
  filter: { names?: string[]; taskIds?: string[] } = {},
): Promise<DavObject[]> {
  const parentObject = alias(davObjects, "parent_object");
  const where: (SQL | undefined)[] = [inCalendar(userId, calendarId), isNull(tasks.deletedAt)];
  if (filter.names) {
    if (filter.names.length === 0) return [];
    where.push(
      or(
        inArray(davObjects.name, filter.names),
        and(isNull(davObjects.name), inArray(sql`${tasks.id}::text || '.ics'`, filter.names)),
      ),
    );
  }
  if (filter.taskIds) {
    if (filter.taskIds.length === 0) return [];
    where.push(inArray(tasks.id, filter.taskIds));
  }
  const rows = await db
    .select({
      task: tasks,
      object: davObjects,
      parentUid: sql<string | null>`coalesce(${parentObject.uid}, ${tasks.parentId}::text)`,
    })
    .from(tasks)
    .innerJoin(taskNumbers, and(eq(taskNumbers.taskId, tasks.id), eq(taskNumbers.userId, userId)))
    .leftJoin(davObjects, eq(davObjects.taskId, tasks.id))
    .leftJoin(parentObject, eq(parentObject.taskId, tasks.parentId))
    .where(and(...where));
  const out: DavObject[] = [];
  for (const [i, { task, object, parentUid }] of rows.entries()) {
    // A big calendar is written in slices, so one client's full sync never holds up everyone else's requests.
    if (i > 0 && i % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    const ics = taskToIcal(icalTask(task, object, task.parentId ? parentUid : null));
    out.push({ name: object?.name ?? defaultName(task.id), etag: etagOf(ics), ics, taskId: task.id });
  }
  return out;
}

function icalTask(
  task: typeof tasks.$inferSelect,
  object: typeof davObjects.$inferSelect | null,
  parentUid: string | null,
): IcalTask {
  return {
    uid: object?.uid ?? task.id,
    title: task.title,
    description: task.description,
    completed: task.completed,
    completedAt: task.completedAt,
    priority: task.priority,
    tags: task.tags,
    dueAt: task.dueAt,
    remindAt: task.remindAt,
    recurrence: task.recurrence,
    parentUid,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    extra: object?.extra ?? null,
    originals: (object?.originals as Originals | null) ?? null,
  };
}

export interface DavChanges {
  seq: number;
  changed: DavObject[];
  removed: string[];
}

/** What changed in the calendar after `since` (RFC 6578): objects still there, names of those gone. */
export async function davChangesSince(
  db: Database,
  userId: string,
  calendarId: string,
  since: number,
): Promise<DavChanges> {
  const seq = await davSyncSeq(db, userId, calendarId);
  const touched = await db
    .selectDistinct({ taskId: davChanges.taskId })
    .from(davChanges)
    .where(and(changesOf(userId, calendarId), gt(davChanges.seq, since)));
  const ids = touched.map((t) => t.taskId);
  const changed = await davObjectsOf(db, userId, calendarId, { taskIds: ids });
  const present = new Set(changed.map((o) => o.taskId));
  const gone = ids.filter((id) => !present.has(id));
  let removed: string[] = [];
  if (gone.length > 0) {
    const named = await db
      .select({ taskId: davObjects.taskId, name: davObjects.name })
      .from(davObjects)
      .where(inArray(davObjects.taskId, gone));
    const names = new Map(named.map((n) => [n.taskId, n.name]));
    removed = gone.map((id) => names.get(id) ?? defaultName(id));
  }
  return { seq, changed, removed };
}

export interface PutConditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

function matches(header: string, etag: string | undefined): boolean {
  if (header.trim() === "*") return etag !== undefined;
  return etag !== undefined && header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

function checkConditions(conditions: PutConditions, existing: DavObject | undefined) {
  if (conditions.ifMatch !== undefined && !matches(conditions.ifMatch, existing?.etag)) {
    throw new PreconditionError("The object changed since you read it (If-Match)", 412);
  }
  if (conditions.ifNoneMatch !== undefined && matches(conditions.ifNoneMatch, existing?.etag)) {
    throw new PreconditionError("The object already exists (If-None-Match)", 412);
  }
}

/** The caller's number for the task with this UID in the calendar, if there is one. */
async function numberByUid(db: Database, userId: string, calendarId: string, uid: string) {
  const [row] = await db
    .select({ number: taskNumbers.number, taskId: tasks.id })
    .from(tasks)
    .innerJoin(taskNumbers, and(eq(taskNumbers.taskId, tasks.id), eq(taskNumbers.userId, userId)))
    .leftJoin(davObjects, eq(davObjects.taskId, tasks.id))
    .where(
      and(
        inCalendar(userId, calendarId),
        isNull(tasks.deletedAt),
        or(eq(davObjects.uid, uid), and(isNull(davObjects.uid), sql`${tasks.id}::text = ${uid}`)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Creates or replaces the object `name` from a client's iCalendar text. */
export async function putDavObject(
  db: Database,
  userId: string,
  calendar: DavCalendar,
  name: string,
  body: string,
  conditions: PutConditions = {},
): Promise<{ created: boolean; etag: string }> {
  const parsed = parseVtodo(body);
  const [existing] = await davObjectsOf(db, userId, calendar.id, { names: [name] });
  checkConditions(conditions, existing);
  const sameUid = await numberByUid(db, userId, calendar.id, parsed.uid);
  if (sameUid && sameUid.taskId !== existing?.taskId) {
    throw new PreconditionError(`Another object in this calendar has UID ${parsed.uid}`, 403, "no-uid-conflict");
  }
  const f = parsed.fields;
  const parent = f.parentUid ? await numberByUid(db, userId, calendar.id, f.parentUid) : null;
  const common = {
    title: f.title,
    description: f.description,
    completed: f.completed,
    priority: f.priority,
    tags: f.tags,
    due_at: f.dueAt?.toISOString() ?? null,
    remind_at: f.remindAt?.toISOString() ?? null,
    recurrence: f.recurrence,
    ...(f.timeZone ? { timezone: f.timeZone } : {}),
  };
  return db.transaction(async (tx) => {
    const inner = tx as unknown as Database;
    let taskId: string;
    if (existing) {
      const [own] = await tx
        .select({ number: taskNumbers.number })
        .from(taskNumbers)
        .where(and(eq(taskNumbers.userId, userId), eq(taskNumbers.taskId, existing.taskId)));
      if (!own) throw new PreconditionError("The object is gone", 412);
      const data = parseInput(UpdateTaskInput, {
        ...common,
        ...(parent ? { parent_id: parent.number } : f.parentUid ? {} : { parent_id: null }),
      });
      await updateValidatedTask(inner, userId, own.number, data, VIA);
      taskId = existing.taskId;
    } else {
      const data = parseInput(CreateTaskInput, {
        ...common,
        project_id: calendar.id === INBOX ? null : calendar.id,
        ...(parent ? { parent_id: parent.number } : {}),
      });
      const task = await createValidatedTask(inner, userId, data, VIA);
      const [own] = await tx
        .select({ taskId: taskNumbers.taskId })
        .from(taskNumbers)
        .where(and(eq(taskNumbers.userId, userId), eq(taskNumbers.number, task.id)));
      taskId = own!.taskId;
    }
    const [row] = await tx.select().from(tasks).where(eq(tasks.id, taskId));
    const originals = pairOriginals(
      parsed.originals,
      { ...row!, parentUid: parent ? f.parentUid : null },
      parsed.fields,
    );
    const values = { uid: parsed.uid, name, extra: parsed.extra, originals, updatedAt: new Date() };
    await tx
      .insert(davObjects)
      .values({ taskId, ...values })
      .onConflictDoUpdate({ target: davObjects.taskId, set: values });
    const [after] = await davObjectsOf(inner, userId, calendar.id, { taskIds: [taskId] });
    return { created: !existing, etag: after?.etag ?? "" };
  });
}

export async function deleteDavObject(
  db: Database,
  userId: string,
  calendar: DavCalendar,
  name: string,
  conditions: PutConditions = {},
): Promise<boolean> {
  const [existing] = await davObjectsOf(db, userId, calendar.id, { names: [name] });
  if (!existing) return false;
  checkConditions(conditions, existing);
  const [own] = await db
    .select({ number: taskNumbers.number })
    .from(taskNumbers)
    .where(and(eq(taskNumbers.userId, userId), eq(taskNumbers.taskId, existing.taskId)));
  if (!own) return false;
  await deleteTask(db, userId, own.number, VIA);
  return true;
}

/** Refuses a write to a calendar the user may only read, before any parsing. */
export function assertWritable(calendar: DavCalendar) {
  if (calendar.role === "viewer") throw new ForbiddenError("You can only read this calendar (viewer)");
}
