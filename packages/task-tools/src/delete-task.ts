// delete_task: delete one task for good.
import { deleteTask as deleteInCore } from "@todo/core/tasks/tasks.service";
import { projectOf } from "./project-args";
import { defineTool } from "./tool";

export const deleteTask = defineTool({
  name: "delete_task",
  title: "Delete a task",
  description: [
    'Delete one task for good ("delete task 4", "remove the meeting task"). If you only know the title, call list_tasks first; if several tasks match, ask the user which one instead of guessing.',
    "Never delete several tasks without the user confirming; delete_tasks deletes several in one call once they have.",
    'Example: {"task_id": 4}.',
    'Returns {task_id, status: "deleted", title, project}; the structured result also holds the task as it was.',
  ].join(" "),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  async run(ctx, args) {
    const task = await deleteInCore(ctx.db, ctx.userId, args.task_id, { via: ctx.via });
    return { task_id: task.id, status: "deleted", title: task.title, project: await projectOf(ctx, task), task };
  },
});
