// The one permission table. Every operation on a project, its members or its tasks asks `can(role, action)`
// before it changes anything, whether it came through REST, MCP, the assistant or (later) CalDAV. A user's own
// Inbox behaves as a project in which they are the owner.
import type { Role } from "@todo/contract/enums";
import { ForbiddenError } from "@todo/contract/errors";

export const ACTIONS = [
  "read",
  "task.create",
  "task.update",
  "task.complete",
  "task.delete",
  "task.assign",
  "project.update",
  "project.archive",
  "project.delete",
  "members.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const VIEWER: readonly Action[] = ["read"];
const EDITOR: readonly Action[] = [
  ...VIEWER,
  "task.create",
  "task.update",
  "task.complete",
  "task.delete",
  "task.assign",
];
const OWNER: readonly Action[] = [...EDITOR, "project.update", "project.archive", "project.delete", "members.manage"];

export const PERMISSIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  viewer: new Set(VIEWER),
  editor: new Set(EDITOR),
  owner: new Set(OWNER),
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].has(action);
}

const SENTENCES: Record<Action, string> = {
  read: "see this",
  "task.create": "add tasks to this project",
  "task.update": "change tasks in this project",
  "task.complete": "complete tasks in this project",
  "task.delete": "delete tasks in this project",
  "task.assign": "assign tasks in this project",
  "project.update": "rename this project",
  "project.archive": "archive this project",
  "project.delete": "delete this project",
  "members.manage": "manage this project's members",
};

/** Throws a ForbiddenError (the caller can see the thing, so 403 reveals nothing) unless the role allows it. */
export function assertCan(role: Role, action: Action): void {
  if (!can(role, action)) {
    throw new ForbiddenError(`As a ${role} you cannot ${SENTENCES[action]}`);
  }
}
