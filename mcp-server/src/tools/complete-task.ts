import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { completeTask } from "@todo/core/tasks/tasks.service";
import { compatUserId, runTool, type ToolContext, taskId } from "./tool";

export function registerCompleteTask(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    "complete_task",
    {
      title: "Complete a task",
      description:
        'Mark a task as done ("mark task 3 as complete", "I finished the report"). If you only know the title, call list_tasks first to find its id. A repeating task gets its next occurrence automatically. Returns {task_id, status: "completed", title} and, for a repeating task, next_task_id.',
      inputSchema: { task_id: taskId, user_id: compatUserId },
      annotations: { destructiveHint: false, idempotentHint: true },
    },
    async ({ task_id, user_id }) =>
      runTool(ctx, "complete_task", { user_id }, async () => {
        const { task, next } = await completeTask(ctx.db, ctx.userId, task_id);
        return { task_id: task.id, status: "completed", title: task.title, ...(next ? { next_task_id: next.id } : {}) };
      }),
  );
}
