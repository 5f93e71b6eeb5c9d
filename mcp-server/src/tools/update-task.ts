import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { updateTask } from "@todo/core/tasks/tasks.service";
import { z } from "zod";
import { taskFields } from "./fields";
import { compatUserId, definedFields, runTool, type ToolContext, taskId } from "./tool";

export function registerUpdateTask(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    "update_task",
    {
      title: "Update a task",
      description:
        'Change some fields of a task ("change task 1 to \'Call mom tonight\'", "push the dentist to next week", "tag task 4 as urgent"). Send only the fields that change; `tags` replaces the whole list, so include the existing tags when adding one (list_tasks shows them). Returns {task_id, status: "updated", title}.',
      inputSchema: {
        task_id: taskId,
        title: taskFields.title.optional(),
        description: taskFields.description.optional(),
        priority: taskFields.priority.optional(),
        tags: taskFields.tags.optional(),
        due_at: taskFields.due_at.optional(),
        remind_at: taskFields.remind_at.optional(),
        recurrence: taskFields.recurrence.optional(),
        timezone: taskFields.timezone.optional(),
        completed: z
          .boolean()
          .optional()
          .describe("false reopens a completed task; true completes it (prefer complete_task for that)"),
        user_id: compatUserId,
      },
      annotations: { destructiveHint: false, idempotentHint: true },
    },
    async ({ task_id, user_id, ...fields }) =>
      runTool(ctx, "update_task", { user_id }, async () => {
        const task = await updateTask(ctx.db, ctx.userId, task_id, definedFields(fields));
        return { task_id: task.id, status: "updated", title: task.title };
      }),
  );
}
