// Import (design section 14): a file from Todoist, TickTick, Vikunja, an iCalendar app or our own export becomes
// projects and tasks of the caller. Every row is checked first against the contract's CreateTaskInput, so a bad file
// is refused whole (422, naming each row) before anything is written; a dry run stops there and reports the plan.
// The writing is one transaction through the task and project services (permissions, numbering, limits and the
// activity log apply as for any other create), yielding to the event loop between batches. See decision 027.
import { setImmediate as nextTick } from "node:timers/promises";
import { AppError, ValidationError } from "@todo/contract/errors";
import { LIMITS } from "@todo/contract/limits";
import type { ImportFormat, ImportProblem, ImportResult } from "@todo/contract/portability";
import { CreateTaskInput } from "@todo/contract/task";
import type { ChangeOptions } from "../activity/log";
import type { Database } from "../db/client";
import { createProject, listProjects } from "../projects/projects.service";
import { createValidatedTask } from "../tasks/tasks.service";
import { type ImportItem, type ImportSource, readImport } from "./import-readers";

export { detectFormat } from "./import-readers";

const BATCH = 100;
const SAMPLE = 5;

interface Planned {
  item: ImportItem;
  data: CreateTaskInput;
  /** The item this one is a subtask of (already earlier in the plan), or null. */
  parent: Planned | null;
  project: string | null;
}

const key = (name: string) => name.trim().toLowerCase();

/** Checks every item and orders them parents first; throws a ValidationError listing every row it refuses. */
function plan(source: ImportSource): { planned: Planned[]; problems: ImportProblem[] } {
  const problems = [...source.problems];
  const errors: ImportProblem[] = [];
  if (source.items.length > LIMITS.importTasks) {
    throw new ValidationError(
      `An import takes at most ${LIMITS.importTasks} tasks; this file has ${source.items.length}`,
    );
  }
  const parsed = new Map<ImportItem, CreateTaskInput>();
  for (const item of source.items) {
    const fields = { ...item.fields };
    if (fields.recurrence == null || fields.recurrence === "") delete fields.recurrence;
    let r = CreateTaskInput.safeParse(fields);
    // A repeat rule or reminder the app cannot take is dropped with a problem; anything else refuses the row.
    for (const optional of ["recurrence", "remind_at"] as const) {
      if (!r.success && r.error.issues.some((i) => i.path[0] === optional)) {
        problems.push({
          path: item.where,
          message: `${optional} left out: ${r.error.issues.find((i) => i.path[0] === optional)?.message}`,
        });
        delete fields[optional];
        r = CreateTaskInput.safeParse(fields);
      }
    }
    if (!r.success) {
      for (const issue of r.error.issues) {
        const field = issue.path.join(".");
        errors.push({ path: item.where, message: field ? `${field}: ${issue.message}` : issue.message });
      }
      continue;
    }
    let data = r.data;
    if (data.due_at && data.remind_at && data.remind_at > data.due_at) {
      problems.push({ path: item.where, message: "remind_at left out: it was later than the due date" });
      const { remind_at: _, ...rest } = data;
      data = rest;
    }
    parsed.set(item, data);
  }
  if (errors.length > 0) {
    const first = errors[0] as ImportProblem;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : "";
    throw new ValidationError(`${first.path}: ${first.message}${more}`, errors);
  }

  const byRef = new Map<string, ImportItem>();
  for (const item of source.items) if (item.ref !== null && !byRef.has(item.ref)) byRef.set(item.ref, item);
  const planned = new Map<ImportItem, Planned>();
  const order: Planned[] = [];
  // Parents before their subtasks; a missing parent or a loop makes a top task, too deep a chain a deeper ancestor's.
  const visit = (item: ImportItem, path: Set<ImportItem>): Planned => {
    const done = planned.get(item);
    if (done) return done;
    path.add(item);
    let parent: Planned | null = null;
    const ref = item.parentRef;
    if (ref !== null) {
      const p = byRef.get(ref);
      if (!p)
        problems.push({ path: item.where, message: "Its parent task is not in the file: imported as a top task" });
      else if (path.has(p))
        problems.push({ path: item.where, message: "Its parent chain loops: imported as a top task" });
      else parent = visit(p, path);
    }
    let depth = 1;
    for (let up = parent; up; up = up.parent) depth += 1;
    if (parent && depth > LIMITS.taskDepth) {
      problems.push({ path: item.where, message: `Subtasks go ${LIMITS.taskDepth} levels deep: placed one level up` });
      while (parent && depth > LIMITS.taskDepth) {
        parent = parent.parent;
        depth -= 1;
      }
    }
    path.delete(item);
    const data = parsed.get(item) as CreateTaskInput;
    const p: Planned = { item, data, parent, project: parent ? parent.project : item.project };
    planned.set(item, p);
    order.push(p);
    return p;
  };
  for (const item of source.items) visit(item, new Set());
  return { planned: order, problems };
}

export interface ImportOptions extends ChangeOptions {
  format: ImportFormat;
  dryRun: boolean;
  /** The upload's file name (a Todoist CSV is one project, named like its file). */
  fileName?: string;
}

/** Reads, checks and (unless a dry run) creates everything in the file for the user. */
export async function importFile(
  db: Database,
  userId: string,
  text: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const source = await readImport(options.format, text, options.fileName);
  const { planned, problems } = plan(source);

  const owned = (await listProjects(db, userId, { archived: "all" })).filter((p) => p.role === "owner");
  const existing = new Map(owned.map((p) => [key(p.name), p.id]));
  const names = new Map<string, { name: string; color?: string }>();
  for (const p of source.projects) if (!names.has(key(p.name))) names.set(key(p.name), p);
  for (const p of planned) if (p.project && !names.has(key(p.project))) names.set(key(p.project), { name: p.project });
  const toCreate = [...names.entries()].filter(([k]) => !existing.has(k)).map(([, p]) => p);

  const summary = new Map<string | null, { tasks: number; sample: string[] }>();
  for (const p of planned) {
    const k = p.project === null ? null : key(p.project);
    const s = summary.get(k) ?? { tasks: 0, sample: [] };
    s.tasks += 1;
    if (s.sample.length < SAMPLE) s.sample.push(p.data.title);
    summary.set(k, s);
  }
  const result = (ids: Map<string, string>): ImportResult => ({
    dry_run: options.dryRun,
    format: options.format,
    created: { projects: toCreate.length, tasks: planned.length },
    projects: [
      ...(summary.has(null)
        ? [
            {
              name: "Inbox",
              project_id: null,
              new: false,
              ...(summary.get(null) as { tasks: number; sample: string[] }),
            },
          ]
        : []),
      ...[...names.entries()].map(([k, p]) => ({
        name: p.name,
        project_id: existing.get(k) ?? ids.get(k) ?? null,
        new: !existing.has(k),
        ...(summary.get(k) ?? { tasks: 0, sample: [] }),
      })),
    ],
    problems,
  });
  if (options.dryRun) return result(new Map());

  const via: ChangeOptions = options.via ? { via: options.via } : {};
  const ids = await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const p of toCreate) {
      const made = await createProject(
        tx as unknown as Database,
        userId,
        { name: p.name, ...(p.color ? { color: p.color } : {}) },
        via,
      );
      ids.set(key(p.name), made.id);
    }
    const numbers = new Map<Planned, number>();
    for (const [i, p] of planned.entries()) {
      if (i > 0 && i % BATCH === 0) await nextTick();
      const data: CreateTaskInput = { ...p.data };
      if (p.parent) data.parent_id = numbers.get(p.parent) as number;
      else if (p.project !== null) data.project_id = existing.get(key(p.project)) ?? ids.get(key(p.project)) ?? null;
      try {
        const task = await createValidatedTask(tx as unknown as Database, userId, data, via);
        numbers.set(p, task.id);
      } catch (e) {
        // The service's own refusals (a rule only it knows) name the row; the whole import is rolled back.
        if (e instanceof AppError && e.code === "validation_error") {
          throw new ValidationError(`${p.item.where}: ${e.message}`, [{ path: p.item.where, message: e.message }]);
        }
        throw e;
      }
    }
    return ids;
  });
  return result(ids);
}
