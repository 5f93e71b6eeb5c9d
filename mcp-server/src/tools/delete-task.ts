import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { deleteTask } from "@todo/core/tasks/tasks.service";
import { compatUserId, runTool, type ToolContext, taskId } from "./tool";

export function registerDeleteTask(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    "delete_task",
    {
      title: "Delete a task",
      description:
        'Delete one task for good ("delete task 4", "remove the meeting task"). If you only know the title, call list_tasks first; if several tasks match, ask the user which one instead of guessing. Never delete several tasks without the user confirming. Returns {task_id, status: "deleted", title}.',
      inputSchema: { task_id: taskId, user_id: compatUserId },
      annotations: { destructiveHint: true, idempotentHint: false },
    },
    async ({ task_id, user_id }) =>
      runTool(ctx, "delete_task", { user_id }, async () => {
        const task = await deleteTask(ctx.db, ctx.userId, task_id);
        return { task_id: task.id, status: "deleted", title: task.title };
      }),
  );
}
