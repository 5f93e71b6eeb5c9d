import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { listTasks } from "@todo/core/tasks/tasks.service";
import { z } from "zod";
import { compatUserId, definedFields, runTool, type ToolContext } from "./tool";

export function registerListTasks(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    "list_tasks",
    {
      title: "List tasks",
      description:
        'List the user\'s tasks, optionally filtered. Use it to answer "what do I have to do?", "what\'s due today?", "show my high priority work tasks", and to find a task\'s id before completing, updating or deleting it by its title. Returns an array of {id, title, completed, priority, tags, due_at}.',
      inputSchema: {
        status: z
          .enum(["all", "pending", "completed"])
          .optional()
          .describe('"pending" for open tasks, "completed" for done ones, "all" (default) for both'),
        query: z.string().optional().describe("Case-insensitive text to look for in titles, descriptions and tags"),
        priority: z.enum(["none", "low", "medium", "high"]).optional().describe("Only tasks with this priority"),
        tag: z.string().optional().describe('Only tasks with this tag, e.g. "work"'),
        due: z
          .enum(["overdue", "today", "week", "none"])
          .optional()
          .describe('"overdue", due "today", due within a "week", or "none" for tasks without a due date'),
        timezone: z.string().optional().describe('IANA time zone for "today" and "week", e.g. "Europe/Paris"'),
        user_id: compatUserId,
      },
      annotations: { readOnlyHint: true },
    },
    async ({ user_id, query, timezone, ...filters }) =>
      runTool(ctx, "list_tasks", { user_id }, async () => {
        const { tasks } = await listTasks(ctx.db, ctx.userId, {
          ...definedFields({ ...filters, q: query, tz: timezone }),
          sort: "created",
          order: "asc",
          limit: 200,
        });
        return tasks.map((t) => ({
          id: t.id,
          title: t.title,
          completed: t.completed,
          priority: t.priority,
          tags: t.tags,
          due_at: t.due_at,
        }));
      }),
  );
}
