// find_tasks: the caller's tasks whose title, description or tags contain some text.
import { LIMITS } from "@todo/contract/limits";
import { pageOf, projectFilter } from "./paging";
import { defineTool } from "./tool";

export const findTasks = defineTool({
  name: "find_tasks",
  title: "Find tasks by text",
  description: [
    'Search the user\'s tasks for a word or phrase in the title, description or tags, case-insensitive ("find my dentist task", "which tasks mention the landlord?").',
    "Use it to find a task's id from what the user calls it before completing, updating or deleting it; if several match, ask the user which one.",
    'Example: {"text": "dentist", "status": "pending"}.',
    `Returns an array of {id, title, completed, priority, tags, due_at, project}, oldest first (at most \`limit\`, default and maximum ${LIMITS.listLimit}); the structured result holds the full tasks, the total number of matches and, when more follow, next_cursor.`,
  ].join(" "),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(ctx, args) {
    return pageOf(
      ctx,
      {
        status: args.status ?? "all",
        q: args.text,
        tz: args.timezone,
        project: await projectFilter(ctx, args.project),
      },
      args.limit ?? LIMITS.listLimit,
      args.cursor,
    );
  },
});
