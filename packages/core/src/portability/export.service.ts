// Export of everything a user owns (design section 14): their Inbox and the projects they own, with every task
// (open and done, subtasks included), as our own JSON, as CSV (one row per task) or as iCalendar (one VTODO per
// task, written by the same VTODO writer CalDAV uses). Tasks are read page by page through the list's keyset
// cursor, so an export of 100,000 tasks never holds one huge query.
import type { Project } from "@todo/contract/project";
import type { Task, TaskPage } from "@todo/contract/task";
import { stringify } from "csv-stringify/sync";
import ICAL from "ical.js";
import type { Database } from "../db/client";
import { taskToIcal } from "../ical/vtodo";
import { listProjects } from "../projects/projects.service";
import { listValidatedTasksJson } from "../tasks/tasks.service";

export interface ExportedProject {
  id: string;
  name: string;
  color: string;
  archived: boolean;
}

export interface Export {
  format: "todo-app-export";
  version: 1;
  exported_at: string;
  projects: ExportedProject[];
  /** Task numbers are the exporting user's; `project_id` names one of `projects` or null (Inbox). */
  tasks: Task[];
}

const PAGE = 200;

/** Every task the user can see, oldest first, through the list's cursor. */
async function allTasks(db: Database, userId: string): Promise<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = JSON.parse(
      await listValidatedTasksJson(db, userId, {
        status: "all",
        sort: "created",
        order: "asc",
        limit: PAGE,
        offset: 0,
        ...(cursor ? { cursor } : {}),
      }),
    ) as TaskPage;
    tasks.push(...page.tasks);
    if (!page.next_cursor || page.tasks.length === 0) return tasks;
    cursor = page.next_cursor;
  }
}

/** What the user owns: the Inbox (project null) and the projects where they are the owner. */
export async function exportData(db: Database, userId: string, now = new Date()): Promise<Export> {
  const owned = (await listProjects(db, userId, { archived: "all" })).filter((p: Project) => p.role === "owner");
  const ids = new Set(owned.map((p) => p.id));
  const tasks = (await allTasks(db, userId)).filter((t) => t.project_id === null || ids.has(t.project_id));
  return {
    format: "todo-app-export",
    version: 1,
    exported_at: now.toISOString(),
    projects: owned.map((p) => ({ id: p.id, name: p.name, color: p.color, archived: p.archived })),
    tasks,
  };
}

const CSV_COLUMNS = [
  "id",
  "title",
  "description",
  "completed",
  "completed_at",
  "priority",
  "tags",
  "due_at",
  "remind_at",
  "recurrence",
  "project",
  "parent_id",
  "created_at",
] as const;

/** One row per task; tags joined with spaces (a tag has none), the project by name. */
export function exportCsv(data: Export): string {
  const projectName = new Map(data.projects.map((p) => [p.id, p.name]));
  const rows = data.tasks.map((t) => [
    t.id,
    t.title,
    t.description,
    t.completed,
    t.completed_at ?? "",
    t.priority,
    t.tags.join(" "),
    t.due_at ?? "",
    t.remind_at ?? "",
    t.recurrence ?? "",
    t.project_id ? (projectName.get(t.project_id) ?? "") : "",
    t.parent_id ?? "",
    t.created_at,
  ]);
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], cast: { boolean: (b) => (b ? "true" : "false") } });
}

/** A stable UID for a task of this export: the same task exports under the same UID every time. */
function uidOf(userId: string, task: Task): string {
  return `todo-${userId}-${task.id}@todo-app`;
}

/** One VCALENDAR with a VTODO per task (RELATED-TO for subtasks), the VTODO writer CalDAV uses. */
export function exportIcs(data: Export, userId: string): string {
  const byNumber = new Map(data.tasks.map((t) => [t.id, t]));
  const vtodos = data.tasks.map((t) => {
    const parent = t.parent_id !== null ? byNumber.get(t.parent_id) : undefined;
    const one = taskToIcal({
      uid: uidOf(userId, t),
      title: t.title,
      description: t.description,
      completed: t.completed,
      completedAt: t.completed_at ? new Date(t.completed_at) : null,
      priority: t.priority,
      tags: t.tags,
      dueAt: t.due_at ? new Date(t.due_at) : null,
      remindAt: t.remind_at ? new Date(t.remind_at) : null,
      recurrence: t.recurrence,
      parentUid: parent ? uidOf(userId, parent) : null,
      createdAt: new Date(t.created_at),
      updatedAt: new Date(t.updated_at),
      extra: null,
      originals: null,
    });
    return new ICAL.Component(ICAL.parse(one));
  });
  const calendar = new ICAL.Component("vcalendar");
  calendar.addPropertyWithValue("version", "2.0");
  calendar.addPropertyWithValue("prodid", "-//todo-app//export//EN");
  for (const one of vtodos) {
    for (const todo of one.getAllSubcomponents("vtodo")) calendar.addSubcomponent(new ICAL.Component(todo.toJSON()));
  }
  return calendar.toString();
}
