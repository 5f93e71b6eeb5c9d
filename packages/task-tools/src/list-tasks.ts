// list_tasks: the caller's tasks, filtered, oldest first, one page at a time.
import { LIMITS } from "@todo/contract/limits";
import { pageOf, projectFilter } from "./paging";
import { defineTool } from "./tool";

export const listTasks = defineTool({
  name: "list_tasks",
  title: "List tasks",
  description: [
    "List the user's tasks, optionally filtered, oldest first.",
    'Use it to answer "what do I have to do?", "what\'s due today?", "show my high priority work tasks", "what\'s in my Groceries project" (project), and to find a task\'s id before completing, updating or deleting it by its title (find_tasks searches by text).',
    'Example: {"status": "pending", "due": "today", "timezone": "Europe/Paris"}; next page: {"status": "pending", "due": "today", "timezone": "Europe/Paris", "cursor": "<next_cursor>"}.',
    `Returns an array of {id, title, completed, priority, tags, due_at, project} (at most \`limit\`, default and maximum ${LIMITS.listLimit}); the structured result holds the full tasks, the total number of matches and, when more follow, next_cursor.`,
  ].join(" "),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(ctx, args) {
    return pageOf(
      ctx,
      {
        status: args.status ?? "all",
        q: args.query,
        priority: args.priority,
        tag: args.tag === undefined ? undefined : [args.tag],
        due: args.due,
        tz: args.timezone,
        project: await projectFilter(ctx, args.project),
        parent: args.parent,
        assignee: args.assignee,
      },
      args.limit ?? LIMITS.listLimit,
      args.cursor,
    );
  },
});
