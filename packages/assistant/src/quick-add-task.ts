// Quick add over the task service: the assistant's parser reads the line of text, core creates the task from the
// fields it found (validated there like any other input). Core never imports the language engine; this joins them.

import { ValidationError } from "@todo/contract/errors";
import { isDayFirst } from "@todo/contract/locale";
import type { Project } from "@todo/contract/project";
import type { ParsedTask, Task } from "@todo/contract/task";
import { isValidTimeZone } from "@todo/contract/time-zone";
import type { ChangeOptions } from "@todo/core/activity/log";
import type { Database } from "@todo/core/db/client";
import { listProjects } from "@todo/core/projects/projects.service";
import { createTask } from "@todo/core/tasks/tasks.service";
import { parseQuickAdd, type QuickAddResult } from "./language/quick-add";

export interface QuickAddOptions {
  timeZone?: string | undefined;
  /** BCP 47 locale: decides whether "12/03" is 12 March or 3 December, as the UI shows dates in it. */
  locale?: string | undefined;
  now?: Date;
}

/** What quick add understands from a line of text: the preview the UI shows while the person types. */
export function previewQuickAdd(text: string, options: QuickAddOptions = {}): QuickAddResult {
  const timeZone = options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : "UTC";
  return parseQuickAdd(text, { timeZone, now: options.now ?? new Date(), dayFirst: isDayFirst(options.locale) });
}

/** A project name as a tag would spell it: "Shopping list" is #shopping-list. */
function tagSpelling(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/gu, "-");
}

/**
 * `#name` names a project when one of the given projects is spelt so (case and spaces aside): the first such tag
 * becomes the project and leaves the tags; every other tag stays a tag. Projects the caller may only read are
 * not candidates (a task cannot be added there).
 */
export function takeProjectTag(
  parsed: QuickAddResult,
  projects: ReadonlyArray<Pick<Project, "id" | "name" | "role">>,
): ParsedTask {
  const writable = projects.filter((p) => p.role !== "viewer");
  for (const tag of parsed.tags) {
    const project = writable.find((p) => tagSpelling(p.name) === tag.toLowerCase());
    if (project) {
      return { ...parsed, tags: parsed.tags.filter((t) => t !== tag), project: { id: project.id, name: project.name } };
    }
  }
  return { ...parsed, project: null };
}

/** The preview for one user: as previewQuickAdd, with `#project` resolved against that user's projects. */
export async function previewQuickAddFor(
  db: Database,
  userId: string,
  text: string,
  options: QuickAddOptions = {},
): Promise<ParsedTask> {
  const parsed = previewQuickAdd(text, options);
  if (parsed.tags.length === 0) return { ...parsed, project: null };
  return takeProjectTag(parsed, await listProjects(db, userId));
}

/**
 * Quick add: "Pay rent every 1st 9am #home !high" → a task with those fields. A `#project` in the text puts it in
 * that project; otherwise it goes to `projectId` (the project page it was typed on), or the Inbox.
 */
export async function createTaskFromText(
  db: Database,
  userId: string,
  text: string,
  options: QuickAddOptions & { projectId?: string | null | undefined; change?: ChangeOptions } = {},
): Promise<Task> {
  const { project, untitled, ...parsed } = await previewQuickAddFor(db, userId, text, options);
  if (untitled && text.trim() !== "") {
    // "#home" or "!high" alone: metadata with no task; never a task titled "#home".
    throw new ValidationError(
      `"${text.trim().slice(0, 40)}" only sets a tag, priority or date; write what the task is too`,
      [{ path: "text", message: "Write what the task is, not only its tags, priority or date" }],
    );
  }
  const timeZone = options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : "UTC";
  const projectId = project?.id ?? options.projectId ?? null;
  return createTask(db, userId, { ...parsed, timezone: timeZone, project_id: projectId }, options.change);
}
