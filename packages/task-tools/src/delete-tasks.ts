// delete_tasks: delete several tasks for good, only once the user has confirmed.
import { ValidationError } from "@todo/contract/errors";
import { TOOL_LIMITS } from "@todo/contract/tools";
import { deleteTask as deleteInCore } from "@todo/core/tasks/tasks.service";
import { assertSomeDone, eachTask } from "./bulk";
import { defineTool } from "./tool";

export const deleteTasks = defineTool({
  name: "delete_tasks",
  title: "Delete several tasks",
  description: [
    `Delete several tasks for good in one call, up to ${TOOL_LIMITS.bulk} ("delete tasks 4 and 9", "remove all completed shopping tasks" after list_tasks).`,
    "First tell the user which tasks will go and ask them to confirm; only then call it with confirm: true (required for more than one task). Tasks not found are reported in `failed`.",
    'Example: {"task_ids": [4, 9], "confirm": true}.',
    'Returns {status: "deleted", deleted: [{task_id, status, title}], failed: [{task_id, error}]}; the structured result also holds the tasks as they were.',
  ].join(" "),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  async run(ctx, args) {
    if (args.task_ids.length > 1 && args.confirm !== true) {
      const message = `Deleting ${args.task_ids.length} tasks needs confirm: true; tell the user which tasks will be deleted and ask them first`;
      throw new ValidationError(message, [{ path: "confirm", message }]);
    }
    const { done, failed } = await eachTask(args.task_ids, (id) =>
      deleteInCore(ctx.db, ctx.userId, id, { via: ctx.via }),
    );
    assertSomeDone(failed, done.length);
    return {
      status: "deleted",
      deleted: done.map((task) => ({ task_id: task.id, status: "deleted" as const, title: task.title })),
      failed,
      tasks: done,
    };
  },
});
