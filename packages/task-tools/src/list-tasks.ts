// list_tasks: the caller's tasks, filtered, oldest first, one page.
import { LIMITS } from "@todo/contract/limits";
import type { TaskPage } from "@todo/contract/task";
import { listValidatedTasksJson } from "@todo/core/tasks/tasks.service";
import { defineTool } from "./tool";

export const listTasks = defineTool({
  name: "list_tasks",
  title: "List tasks",
  description: [
    "List the user's tasks, optionally filtered, oldest first.",
    'Use it to answer "what do I have to do?", "what\'s due today?", "show my high priority work tasks", and to find a task\'s id before completing, updating or deleting it by its title.',
    'Example: {"status": "pending", "due": "today", "timezone": "Europe/Paris"}.',
    `Returns an array of {id, title, completed, priority, tags, due_at} (at most ${LIMITS.listLimit} tasks); the structured result holds the full tasks and the total number of matches.`,
  ].join(" "),
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(ctx, args) {
    const page: TaskPage = JSON.parse(
      await listValidatedTasksJson(ctx.db, ctx.userId, {
        status: args.status ?? "all",
        q: args.query,
        priority: args.priority,
        tag: args.tag === undefined ? undefined : [args.tag],
        due: args.due,
        tz: args.timezone,
        sort: "created",
        order: "asc",
        limit: LIMITS.listLimit,
        offset: 0,
      }),
    );
    return { tasks: page.tasks, total: page.total };
  },
});
