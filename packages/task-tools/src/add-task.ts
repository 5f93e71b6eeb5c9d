// add_task: create one task for the caller, in the Inbox, a project or under a parent task.
import { LIMITS } from "@todo/contract/limits";
import { createValidatedTask } from "@todo/core/tasks/tasks.service";
import { withDates } from "./dates";
import { addFields, projectOf } from "./project-args";
import { defineTool, withoutUserId } from "./tool";

export const addTask = defineTool({
  name: "add_task",
  title: "Add a task",
  description: [
    'Create a new task for the user. Use when the user wants to remember, add, create or schedule something ("add buy milk", "remind me to call mom tomorrow at 9", "add milk to the shopping list").',
    `Put only the thing to do in \`title\` (e.g. "Call mom", at most ${LIMITS.title} characters), and dates, priority, tags (at most ${LIMITS.tags}) and repetition in their own fields; dates are ISO 8601 with an offset or plain language read in the timezone argument ("tomorrow 5pm", "next friday").`,
    "`project` puts it in a project (by name, any case, or id; list_projects shows them), `parent` makes it a subtask of another task (it then lives in the parent's project), `assignee` gives it to a member of the project.",
    'Example: {"title": "Pay rent", "due_at": "2026-12-01T09:00:00+01:00", "recurrence": "FREQ=MONTHLY;BYMONTHDAY=1", "tags": ["home"], "project": "Home"}.',
    'Returns {task_id, status: "created", title, project}; the structured result also holds the full task.',
  ].join(" "),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run(ctx, args) {
    const { project, parent, assignee, ...fields } = withoutUserId(args);
    const place = await addFields(ctx, { project, parent, assignee });
    const task = await createValidatedTask(ctx.db, ctx.userId, { ...withDates(fields), ...place }, { via: ctx.via });
    return { task_id: task.id, status: "created", title: task.title, project: await projectOf(ctx, task), task };
  },
});
