import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { createTask } from "@todo/core/tasks/tasks.service";
import { taskFields } from "./fields";
import { compatUserId, definedFields, runTool, type ToolContext } from "./tool";

export function registerAddTask(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    "add_task",
    {
      title: "Add a task",
      description:
        'Create a new task for the user. Use when the user wants to remember, add, create or schedule something ("add buy milk", "remind me to call mom tomorrow at 9"). Put only the thing to do in `title` (e.g. "Call mom"), and dates, priority, tags and repetition in their own fields. Returns {task_id, status: "created", title}.',
      inputSchema: {
        title: taskFields.title,
        description: taskFields.description.optional(),
        priority: taskFields.priority.optional(),
        tags: taskFields.tags.optional(),
        due_at: taskFields.due_at.optional(),
        remind_at: taskFields.remind_at.optional(),
        recurrence: taskFields.recurrence.optional(),
        timezone: taskFields.timezone.optional(),
        user_id: compatUserId,
      },
      annotations: { destructiveHint: false, idempotentHint: false },
    },
    async ({ user_id, ...fields }) =>
      runTool(ctx, "add_task", { user_id }, async () => {
        const task = await createTask(ctx.db, ctx.userId, definedFields(fields));
        return { task_id: task.id, status: "created", title: task.title };
      }),
  );
}
