// update_task: change some fields of one task.
import { LIMITS } from "@todo/contract/limits";
import { updateValidatedTask } from "@todo/core/tasks/tasks.service";
import { withDates } from "./dates";
import { projectOf, updateFields } from "./project-args";
import { defineTool, withoutUserId } from "./tool";

export const updateTask = defineTool({
  name: "update_task",
  title: "Update a task",
  description: [
    'Change some fields of a task ("change task 1 to \'Call mom tonight\'", "push the dentist to next week", "tag task 4 as urgent").',
    `Send only the fields that change; \`tags\` replaces the whole list (at most ${LIMITS.tags}), so include the existing tags when adding one (list_tasks shows them); null clears due_at, remind_at or recurrence; \`project\` moves the task and its subtasks to another project (by name or id, "inbox" or null for the Inbox); \`assignee\` gives it to a member of its project (null unassigns); dates may be ISO 8601 or plain language ("next monday 10am", with timezone). To change several tasks at once use update_tasks.`,
    'Example: {"task_id": 4, "tags": ["work", "urgent"], "priority": "high"}.',
    'Returns {task_id, status: "updated", title, project}; the structured result also holds the full task.',
  ].join(" "),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(ctx, { task_id, project, assignee, ...fields }) {
    const place = await updateFields(ctx, task_id, { project, assignee });
    const change = { ...withDates(withoutUserId(fields)), ...place };
    const task = await updateValidatedTask(ctx.db, ctx.userId, task_id, change, { via: ctx.via });
    return { task_id: task.id, status: "updated", title: task.title, project: await projectOf(ctx, task), task };
  },
});
