// share_project: the assistant's own tool (never listed by the MCP server, design §15): share a project by email
// with an existing user. The agent runs it only after the person said yes to exactly this share.

import { ValidationError } from "@todo/contract/errors";
import { addMember } from "@todo/core/projects/projects.service";
import { resolveProject } from "@todo/core/projects/resolve";
import { defineTool } from "./tool";

export const shareProject = defineTool({
  name: "share_project",
  title: "Share a project",
  description: [
    "Share one of the user's projects with another user of this server, by email, as viewer, editor (default) or owner. Only an owner of the project can.",
    "Ask the user to confirm first; the call is refused unless they said yes to exactly this share.",
    'Example: {"project": "Groceries", "email": "sam@example.com", "role": "editor"}.',
    'Returns {status: "shared", project: {id, name}, member}.',
  ].join(" "),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(ctx, args) {
    const project = await resolveProject(ctx.db, ctx.userId, args.project);
    if (project === null) {
      const message = "The Inbox is never shared; move the tasks to a project and share that";
      throw new ValidationError(message, [{ path: "project", message }]);
    }
    const member = await addMember(
      ctx.db,
      ctx.userId,
      project.id,
      { email: args.email, role: args.role ?? "editor" },
      { via: ctx.via },
    );
    return { status: "shared", project, member };
  },
});
