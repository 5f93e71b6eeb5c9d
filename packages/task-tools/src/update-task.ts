// update_task: change some fields of one task.
import { LIMITS } from "@todo/contract/limits";
import { updateValidatedTask } from "@todo/core/tasks/tasks.service";
import { withDates } from "./dates";
import { defineTool, withoutUserId } from "./tool";

export const updateTask = defineTool({
  name: "update_task",
  title: "Update a task",
  description: [
    'Change some fields of a task ("change task 1 to \'Call mom tonight\'", "push the dentist to next week", "tag task 4 as urgent").',
    `Send only the fields that change; \`tags\` replaces the whole list (at most ${LIMITS.tags}), so include the existing tags when adding one (list_tasks shows them); null clears due_at, remind_at or recurrence; dates may be ISO 8601 or plain language ("next monday 10am", with timezone). To change several tasks at once use update_tasks.`,
    'Example: {"task_id": 4, "tags": ["work", "urgent"], "priority": "high"}.',
    'Returns {task_id, status: "updated", title}; the structured result also holds the full task.',
  ].join(" "),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(ctx, { task_id, ...fields }) {
    const task = await updateValidatedTask(ctx.db, ctx.userId, task_id, withDates(withoutUserId(fields)));
    return { task_id: task.id, status: "updated", title: task.title, task };
  },
});
