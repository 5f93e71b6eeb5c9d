// Projects and their members: create, list, rename, archive, delete; share by email with an existing user, change
// a role, remove a member, leave. Every operation asks the permission table (permissions.ts) and records its
// activity; a non-member gets the same NotFoundError as for a project that does not exist.

import { randomBytes } from "node:crypto";
import type { Role } from "@todo/contract/enums";
import { AppError, NotFoundError, parseInput, ValidationError } from "@todo/contract/errors";
import { LIMITS } from "@todo/contract/limits";
import {
  AddMemberInput,
  CreateProjectInput,
  DEFAULT_PROJECT_COLOR,
  ListProjectsQuery,
  type Member,
  type Project,
  ProjectId,
  UpdateMemberInput,
  UpdateProjectInput,
} from "@todo/contract/project";
import { and, asc, eq, sql } from "drizzle-orm";
import { type ChangeOptions, record } from "../activity/log";
import type { Database } from "../db/client";
import { projectMembers, projects, tasks, users } from "../db/schema";
import type { Executor } from "../tasks/task-rows";
import { projectNotFound, projectRole } from "./access";
import { forgetNumbers, giveNumbers, projectTasks } from "./numbering";
import { assertCan } from "./permissions";

const iso = (d: Date) => d.toISOString();

/** 16 URL-safe random characters: says nothing about how many projects there are or who made them. */
const newProjectId = () => randomBytes(12).toString("base64url");

function parseProjectId(id: unknown): string {
  const parsed = ProjectId.safeParse(id);
  if (!parsed.success) throw projectNotFound(String(id).slice(0, 64));
  return parsed.data;
}

async function projectJson(
  db: Executor,
  userId: string,
  projectId: string | null,
  archived?: boolean,
): Promise<Project[]> {
  const rows = await db
    .select({
      id: projects.id,
      name: projects.name,
      color: projects.color,
      position: projects.position,
      archived: projects.archived,
      role: projectMembers.role,
      members: sql<number>`(select count(*)::int from ${projectMembers} pm where pm.project_id = ${projects.id})`,
      pending: sql<number>`(select count(*)::int from ${tasks} t where t.project_id = ${projects.id}
                              and not t.completed and t.deleted_at is null)`,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
    })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(
      and(
        eq(projectMembers.userId, userId),
        projectId === null ? undefined : eq(projects.id, projectId),
        archived === undefined ? undefined : eq(projects.archived, archived),
      ),
    )
    .orderBy(asc(projects.position), asc(projects.createdAt), asc(projects.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    color: r.color,
    position: r.position,
    archived: r.archived,
    role: r.role,
    members: Number(r.members),
    pending: Number(r.pending),
    created_at: iso(r.createdAt),
    updated_at: iso(r.updatedAt),
  }));
}

async function oneProject(db: Executor, userId: string, projectId: string): Promise<Project> {
  const [project] = await projectJson(db, userId, projectId);
  if (!project) throw projectNotFound(projectId);
  return project;
}

const projectSnapshot = (p: Project) => ({ name: p.name, color: p.color, position: p.position, archived: p.archived });

export async function listProjects(db: Database, userId: string, query: unknown = {}): Promise<Project[]> {
  const { archived } = parseInput(ListProjectsQuery, query);
  return projectJson(db, userId, null, archived === "all" ? undefined : archived === "true");
}

export async function getProject(db: Database, userId: string, id: unknown): Promise<Project> {
  return oneProject(db, userId, parseProjectId(id));
}

export async function createProject(
  db: Database,
  userId: string,
  input: unknown,
  options?: ChangeOptions,
): Promise<Project> {
  const data = parseInput(CreateProjectInput, input);
  return db.transaction(async (tx) => {
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(projectMembers)
      .where(eq(projectMembers.userId, userId));
    if (Number(count?.n ?? 0) >= LIMITS.projectsPerUser) {
      throw new ValidationError(`A user can be in at most ${LIMITS.projectsPerUser} projects`);
    }
    const id = newProjectId();
    await tx.insert(projects).values({
      id,
      name: data.name,
      color: data.color ?? DEFAULT_PROJECT_COLOR,
      position: data.position ?? Date.now() / 1000,
    });
    await tx.insert(projectMembers).values({ projectId: id, userId, role: "owner" });
    const project = await oneProject(tx, userId, id);
    await record(tx, {
      actorId: userId,
      options,
      action: "project.created",
      projectId: id,
      after: projectSnapshot(project),
    });
    return project;
  });
}

export async function updateProject(
  db: Database,
  userId: string,
  id: unknown,
  input: unknown,
  options?: ChangeOptions,
): Promise<Project> {
  const projectId = parseProjectId(id);
  const data = parseInput(UpdateProjectInput, input);
  return db.transaction(async (tx) => {
    const role = await projectRole(tx, userId, projectId, true);
    if (data.name !== undefined || data.color !== undefined || data.position !== undefined) {
      assertCan(role, "project.update");
    }
    if (data.archived !== undefined) assertCan(role, "project.archive");
    const before = await oneProject(tx, userId, projectId);
    await tx
      .update(projects)
      .set({ ...data, updatedAt: new Date() })
      .where(eq(projects.id, projectId));
    const after = await oneProject(tx, userId, projectId);
    await record(tx, {
      actorId: userId,
      options,
      action: "project.updated",
      projectId,
      before: projectSnapshot(before),
      after: projectSnapshot(after),
    });
    return after;
  });
}

/** Deletes the project and its tasks (the UI asks first). */
export async function deleteProject(db: Database, userId: string, id: unknown): Promise<void> {
  const projectId = parseProjectId(id);
  await db.transaction(async (tx) => {
    assertCan(await projectRole(tx, userId, projectId, true), "project.delete");
    await tx.delete(projects).where(eq(projects.id, projectId));
  });
}

async function memberRows(db: Executor, projectId: string): Promise<Member[]> {
  const rows = await db
    .select({
      userId: projectMembers.userId,
      name: users.name,
      email: users.email,
      role: projectMembers.role,
      createdAt: projectMembers.createdAt,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(projectMembers.createdAt), asc(projectMembers.userId));
  return rows.map((r) => ({
    user_id: r.userId,
    name: r.name,
    email: r.email,
    role: r.role,
    joined_at: iso(r.createdAt),
  }));
}

export async function listMembers(db: Database, userId: string, id: unknown): Promise<Member[]> {
  const projectId = parseProjectId(id);
  assertCan(await projectRole(db, userId, projectId), "read");
  return memberRows(db, projectId);
}

function noOwnerLeft(): AppError {
  return new AppError("conflict", "A project needs an owner: make another member owner first");
}

async function ownerCount(tx: Executor, projectId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "owner")));
  return Number(row?.n ?? 0);
}

/**
 * Shares the project with an existing user by email. Sharing again with the same email is idempotent (it only
 * sets the role); the new member gets a number for every task of the project, in their own sequence.
 */
export async function addMember(
  db: Database,
  userId: string,
  id: unknown,
  input: unknown,
  options?: ChangeOptions,
): Promise<Member> {
  const projectId = parseProjectId(id);
  const { email, role } = parseInput(AddMemberInput, input);
  return db.transaction(async (tx) => {
    // The project's row lock serialises member changes: two shares to one email at once do one thing.
    assertCan(await projectRole(tx, userId, projectId, true), "members.manage");
    const [invitee] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);
    if (!invitee) throw new NotFoundError(`No user of this server has the email ${email}`);
    const [existing] = await tx
      .select({ role: projectMembers.role })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, invitee.id)));
    if (existing) {
      if (existing.role !== role) await setRole(tx, userId, projectId, invitee.id, existing.role, role, options);
    } else {
      const members = await memberRows(tx, projectId);
      if (members.length >= LIMITS.membersPerProject) {
        throw new ValidationError(`A project has at most ${LIMITS.membersPerProject} members`);
      }
      await tx.insert(projectMembers).values({ projectId, userId: invitee.id, role });
      await giveNumbers(tx, sql`select ${invitee.id}::text as user_id`, projectTasks(projectId));
      await record(tx, {
        actorId: userId,
        options,
        action: "member.added",
        projectId,
        after: { user_id: invitee.id, role },
      });
    }
    const member = (await memberRows(tx, projectId)).find((m) => m.user_id === invitee.id);
    if (!member) throw new Error("member vanished");
    return member;
  });
}

async function setRole(
  tx: Executor,
  actorId: string,
  projectId: string,
  memberId: string,
  from: Role,
  to: Role,
  options: ChangeOptions | undefined,
) {
  if (from === "owner" && to !== "owner" && (await ownerCount(tx, projectId)) <= 1) throw noOwnerLeft();
  await tx
    .update(projectMembers)
    .set({ role: to })
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, memberId)));
  await record(tx, {
    actorId,
    options,
    action: "member.updated",
    projectId,
    before: { user_id: memberId, role: from },
    after: { user_id: memberId, role: to },
  });
}

async function memberRole(tx: Executor, projectId: string, memberId: string): Promise<Role> {
  const [row] = await tx
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, memberId)));
  if (!row) throw new NotFoundError("That user is not a member of this project");
  return row.role;
}

export async function updateMember(
  db: Database,
  userId: string,
  id: unknown,
  memberId: string,
  input: unknown,
  options?: ChangeOptions,
): Promise<Member> {
  const projectId = parseProjectId(id);
  const { role } = parseInput(UpdateMemberInput, input);
  return db.transaction(async (tx) => {
    assertCan(await projectRole(tx, userId, projectId, true), "members.manage");
    const from = await memberRole(tx, projectId, memberId);
    if (from !== role) await setRole(tx, userId, projectId, memberId, from, role, options);
    const member = (await memberRows(tx, projectId)).find((m) => m.user_id === memberId);
    if (!member) throw new Error("member vanished");
    return member;
  });
}

/**
 * Removes a member (an owner's right), or leaves (anyone may remove themself). The last owner can do neither
 * before handing ownership over. The member keeps no number for the project's tasks and is taken off them.
 */
export async function removeMember(
  db: Database,
  userId: string,
  id: unknown,
  memberId: string,
  options?: ChangeOptions,
): Promise<void> {
  const projectId = parseProjectId(id);
  await db.transaction(async (tx) => {
    const role = await projectRole(tx, userId, projectId, true);
    if (memberId !== userId) assertCan(role, "members.manage");
    const theirs = await memberRole(tx, projectId, memberId);
    if (theirs === "owner" && (await ownerCount(tx, projectId)) <= 1) throw noOwnerLeft();
    await tx
      .delete(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, memberId)));
    await forgetNumbers(tx, projectId, memberId);
    await tx
      .update(tasks)
      .set({ assigneeId: null })
      .where(and(eq(tasks.projectId, projectId), eq(tasks.assigneeId, memberId)));
    await record(tx, {
      actorId: userId,
      options,
      action: "member.removed",
      projectId,
      before: { user_id: memberId, role: theirs },
    });
  });
}
