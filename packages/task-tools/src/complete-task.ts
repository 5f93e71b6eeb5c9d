// complete_task: mark one task done; a repeating task gets its next occurrence.
import { completeTask as completeInCore } from "@todo/core/tasks/tasks.service";
import { projectOf } from "./project-args";
import { defineTool } from "./tool";

export const completeTask = defineTool({
  name: "complete_task",
  title: "Complete a task",
  description: [
    'Mark a task as done ("mark task 3 as complete", "I finished the report"). If you only know the title, call list_tasks first to find its id.',
    "A repeating task gets its next occurrence automatically. Completing a task that is already done changes nothing.",
    'Example: {"task_id": 3}.',
    'Returns {task_id, status: "completed", title, project} and, for a repeating task, next_task_id; the structured result also holds the full task (and the next one).',
  ].join(" "),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(ctx, args) {
    const { task, next } = await completeInCore(ctx.db, ctx.userId, args.task_id, { via: ctx.via });
    return {
      task_id: task.id,
      status: "completed",
      title: task.title,
      ...(next ? { next_task_id: next.id, next_task: next } : {}),
      project: await projectOf(ctx, task),
      task,
    };
  },
});
