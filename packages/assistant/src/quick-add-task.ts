// Quick add over the task service: the assistant's parser reads the line of text, core creates the task from the
// fields it found (validated there like any other input). Core never imports the language engine; this joins them.

import type { Task } from "@todo/contract/task";
import { isValidTimeZone } from "@todo/contract/time-zone";
import type { Database } from "@todo/core/db/client";
import { createTask } from "@todo/core/tasks/tasks.service";
import { parseQuickAdd, type QuickAddResult } from "./language/quick-add";

export interface QuickAddOptions {
  timeZone?: string | undefined;
  now?: Date;
}

/** What quick add understands from a line of text: the preview the UI shows while the person types. */
export function previewQuickAdd(text: string, options: QuickAddOptions = {}): QuickAddResult {
  const timeZone = options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : "UTC";
  return parseQuickAdd(text, { timeZone, now: options.now ?? new Date() });
}

/** Quick add: "Pay rent every 1st 9am #home !high" → a task with those fields. */
export async function createTaskFromText(
  db: Database,
  userId: string,
  text: string,
  options: QuickAddOptions = {},
): Promise<Task> {
  const parsed = previewQuickAdd(text, options);
  const timeZone = options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : "UTC";
  return createTask(db, userId, { ...parsed, timezone: timeZone });
}
