// complete_tasks: mark several tasks done in one call.
import { TOOL_LIMITS } from "@todo/contract/tools";
import { completeTask as completeInCore } from "@todo/core/tasks/tasks.service";
import { assertSomeDone, eachTask } from "./bulk";
import { defineTool } from "./tool";

export const completeTasks = defineTool({
  name: "complete_tasks",
  title: "Complete several tasks",
  description: [
    `Mark several tasks as done in one call ("I did tasks 3, 4 and 7", "mark all my shopping tasks done" after list_tasks), up to ${TOOL_LIMITS.bulk}.`,
    "Each repeating task gets its next occurrence. A task that is not found is reported in `failed` and the others are still completed; completing a task that is already done changes nothing.",
    'Example: {"task_ids": [3, 4, 7]}.',
    'Returns {status: "completed", completed: [{task_id, status, title, next_task_id?}], failed: [{task_id, error}]}; the structured result also holds the full tasks and next occurrences.',
  ].join(" "),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(ctx, args) {
    const { done, failed } = await eachTask(args.task_ids, (id) =>
      completeInCore(ctx.db, ctx.userId, id, { via: ctx.via }),
    );
    assertSomeDone(failed, done.length);
    return {
      status: "completed",
      completed: done.map(({ task, next }) => ({
        task_id: task.id,
        status: "completed" as const,
        title: task.title,
        ...(next ? { next_task_id: next.id } : {}),
      })),
      failed,
      tasks: done.map((d) => d.task),
      next_tasks: done.flatMap((d) => (d.next ? [d.next] : [])),
    };
  },
});
