// update_tasks: change fields of several tasks in one call.
import { TOOL_LIMITS } from "@todo/contract/tools";
import { updateValidatedTask } from "@todo/core/tasks/tasks.service";
import { assertSomeDone, eachTask } from "./bulk";
import { withDates } from "./dates";
import { updateFields } from "./project-args";
import { defineTool } from "./tool";

export const updateTasks = defineTool({
  name: "update_tasks",
  title: "Update several tasks",
  description: [
    `Change fields of several tasks in one call ("move tasks 2 and 5 to tomorrow", "make all work tasks high priority" after list_tasks), up to ${TOOL_LIMITS.bulk} entries.`,
    "Each entry holds a task_id and only the fields that change, exactly as for update_task (tags replaces the whole list; null clears due_at, remind_at or recurrence; dates in ISO 8601 or plain language). A task that is not found or a change that is not valid is reported in `failed`; the other entries are still applied.",
    'Example: {"updates": [{"task_id": 2, "due_at": "tomorrow 9am", "timezone": "Europe/Paris"}, {"task_id": 5, "priority": "high"}]}.',
    'Returns {status: "updated", updated: [{task_id, status, title}], failed: [{task_id, error}]}; the structured result also holds the full tasks.',
  ].join(" "),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(ctx, args) {
    const ids = args.updates.map((u) => u.task_id);
    const { done, failed } = await eachTask(ids, async (id, index) => {
      const { task_id: _id, project, assignee, ...fields } = args.updates[index]!;
      const place = await updateFields(ctx, id, { project, assignee });
      return updateValidatedTask(ctx.db, ctx.userId, id, { ...withDates(fields), ...place }, { via: ctx.via });
    });
    assertSomeDone(failed, done.length);
    return {
      status: "updated",
      updated: done.map((task) => ({ task_id: task.id, status: "updated" as const, title: task.title })),
      failed,
      tasks: done,
    };
  },
});
