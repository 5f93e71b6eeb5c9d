// list_projects: the projects the caller is a member of, with their role, open tasks and members.

import { listProjects as listInCore } from "@todo/core/projects/projects.service";
import { membersOf } from "@todo/core/projects/resolve";
import { defineTool } from "./tool";

export const listProjects = defineTool({
  name: "list_projects",
  title: "List projects",
  description: [
    'List the user\'s projects (lists of tasks, possibly shared with other users): "what lists do I have?", and to find the project a task should go to or whom a task can be assigned to.',
    'Tasks outside any project are in the Inbox ("inbox"). The other tools take a project by its name (any case) or its id.',
    'Example: {} or {"archived": "all"}.',
    "Returns an array of {id, name, role, pending, members}: the user's role (viewer reads; editor also changes tasks; owner also manages the project), how many tasks are open and how many members it has; the structured result also holds each project's members (name, email, role).",
  ].join(" "),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(ctx, args) {
    const projects = await listInCore(ctx.db, ctx.userId, { archived: args.archived ?? "false" });
    const members = await membersOf(
      ctx.db,
      ctx.userId,
      projects.map((p) => p.id),
    );
    return { projects: projects.map((p) => ({ ...p, member_list: members.get(p.id) ?? [] })) };
  },
});
