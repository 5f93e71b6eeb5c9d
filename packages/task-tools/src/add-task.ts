// add_task: create one task for the caller.
import { LIMITS } from "@todo/contract/limits";
import { createValidatedTask } from "@todo/core/tasks/tasks.service";
import { withDates } from "./dates";
import { defineTool, withoutUserId } from "./tool";

export const addTask = defineTool({
  name: "add_task",
  title: "Add a task",
  description: [
    'Create a new task for the user. Use when the user wants to remember, add, create or schedule something ("add buy milk", "remind me to call mom tomorrow at 9").',
    `Put only the thing to do in \`title\` (e.g. "Call mom", at most ${LIMITS.title} characters), and dates, priority, tags (at most ${LIMITS.tags}) and repetition in their own fields; dates are ISO 8601 with an offset or plain language read in the timezone argument ("tomorrow 5pm", "next friday").`,
    'Example: {"title": "Pay rent", "due_at": "2026-12-01T09:00:00+01:00", "recurrence": "FREQ=MONTHLY;BYMONTHDAY=1", "tags": ["home"]}.',
    'Returns {task_id, status: "created", title}; the structured result also holds the full task.',
  ].join(" "),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run(ctx, args) {
    const task = await createValidatedTask(ctx.db, ctx.userId, withDates(withoutUserId(args)));
    return { task_id: task.id, status: "created", title: task.title, task };
  },
});
