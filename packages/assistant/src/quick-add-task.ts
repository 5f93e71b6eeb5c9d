// Quick add over the task service: the assistant's parser reads the line of text, core creates the task from the
// fields it found (validated there like any other input). Core never imports the language engine; this joins them.

import { ValidationError } from "@todo/contract/errors";
import { isDayFirst } from "@todo/contract/locale";
import type { Task } from "@todo/contract/task";
import { isValidTimeZone } from "@todo/contract/time-zone";
import type { Database } from "@todo/core/db/client";
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

/** Quick add: "Pay rent every 1st 9am #home !high" → a task with those fields. */
export async function createTaskFromText(
  db: Database,
  userId: string,
  text: string,
  options: QuickAddOptions = {},
): Promise<Task> {
  const { untitled, ...parsed } = previewQuickAdd(text, options);
  if (untitled && text.trim() !== "") {
    // "#home" or "!high" alone: metadata with no task; never a task titled "#home".
    throw new ValidationError(
      `"${text.trim().slice(0, 40)}" only sets a tag, priority or date; write what the task is too`,
      [{ path: "text", message: "Write what the task is, not only its tags, priority or date" }],
    );
  }
  const timeZone = options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : "UTC";
  return createTask(db, userId, { ...parsed, timezone: timeZone });
}
