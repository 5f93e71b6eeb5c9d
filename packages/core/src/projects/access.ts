// The caller's role in a project, or the same NotFoundError whether the project does not exist or the caller is
// not a member: a non-member cannot even detect a project.
import type { Role } from "@todo/contract/enums";
import { NotFoundError } from "@todo/contract/errors";
import { and, eq } from "drizzle-orm";
import { projectMembers, projects } from "../db/schema";
import type { Executor } from "../tasks/task-rows";

export function projectNotFound(id: string): NotFoundError {
  return new NotFoundError(`Project ${id} was not found`);
}

/** The caller's role in the project; `lock` takes the project row's lock (serialises member changes, reorders). */
export async function projectRole(db: Executor, userId: string, projectId: string, lock = false): Promise<Role> {
  const query = db
    .select({ role: projectMembers.role })
    .from(projects)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .where(eq(projects.id, projectId))
    .limit(1);
  const [found] = lock ? await query.for("update", { of: projects }) : await query;
  if (!found) throw projectNotFound(projectId);
  return found.role;
}

/** The role over a container: the Inbox is the caller's own (owner), a project by membership. */
export async function containerRole(db: Executor, userId: string, projectId: string | null): Promise<Role> {
  return projectId === null ? "owner" : projectRole(db, userId, projectId);
}

export async function isMember(db: Executor, projectId: string, userId: string): Promise<boolean> {
  const [found] = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .limit(1);
  return Boolean(found);
}
