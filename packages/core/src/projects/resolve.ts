// Projects and members named the way people and tools name them: a project by its id or its name
// (case-insensitive, among the projects the caller is a member of; "inbox" is the caller's Inbox), a member by
// user id, email or name (among the members of one project). Resolved here once, for the MCP tools, the assistant
// and any other caller; an unknown or ambiguous name is a clear error that lists the choices. Nothing outside the
// caller's own projects is ever matched, so a name or id reveals nothing of other people's projects.

import { NotFoundError, ValidationError } from "@todo/contract/errors";
import { and, asc, eq, inArray } from "drizzle-orm";
import { projectMembers, projects, users } from "../db/schema";
import type { Executor } from "../tasks/task-rows";

/** A project as results name it. */
export interface ProjectRef {
  id: string;
  name: string;
}

/** What a person or a tool calls the Inbox. */
export const INBOX_NAMES = ["inbox"] as const;

const fold = (s: string) => s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/** How many choices an error sentence lists before "…". */
const LISTED = 20;

function listOf(names: string[]): string {
  const shown = names.slice(0, LISTED).map((n) => `"${n}"`);
  if (names.length > LISTED) shown.push(`… (${names.length - LISTED} more)`);
  return shown.join(", ");
}

/** The caller's projects (id, name, archived), in their order. */
export async function projectsOf(db: Executor, userId: string): Promise<(ProjectRef & { archived: boolean })[]> {
  return db
    .select({ id: projects.id, name: projects.name, archived: projects.archived })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, userId))
    .orderBy(asc(projects.position), asc(projects.createdAt), asc(projects.id));
}

/**
 * The project `ref` names for the caller: null for the Inbox ("inbox"), else a project they are a member of whose
 * id is `ref` or whose name is `ref` (ignoring case and spacing). An active project wins over archived ones of the
 * same name. Unknown: a NotFoundError listing the caller's projects; ambiguous: a ValidationError listing the ids.
 * `field` names the argument in the error's details.
 */
export async function resolveProject(
  db: Executor,
  userId: string,
  ref: string,
  field = "project",
): Promise<ProjectRef | null> {
  const wanted = fold(ref);
  if ((INBOX_NAMES as readonly string[]).includes(wanted)) return null;
  const mine = await projectsOf(db, userId);
  const byId = mine.find((p) => p.id === ref.trim());
  if (byId) return { id: byId.id, name: byId.name };
  const named = mine.filter((p) => fold(p.name) === wanted);
  const active = named.filter((p) => !p.archived);
  const matches = active.length > 0 ? active : named;
  if (matches.length === 1) return { id: matches[0]!.id, name: matches[0]!.name };
  if (matches.length > 1) {
    const message = `${matches.length} of your projects are called "${matches[0]!.name}": give the id of the one you mean (${matches.map((p) => p.id).join(", ")})`;
    throw new ValidationError(message, [{ path: field, message }]);
  }
  const choices = mine.filter((p) => !p.archived).map((p) => p.name);
  const message =
    choices.length > 0
      ? `You have no project called "${ref.trim()}". Your projects: ${listOf(choices)}, or "inbox" for the Inbox`
      : `You have no project called "${ref.trim()}"; you have no projects yet, only the Inbox ("inbox")`;
  throw new NotFoundError(message);
}

/** Names of the caller's projects among `ids` (for results that show a task's project). */
export async function projectNames(db: Executor, userId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: projects.id, name: projects.name })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(and(eq(projectMembers.userId, userId), inArray(projects.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The user `ref` names among the members of `projectId` ("me" is the caller): a user id, an email or a name
 * (ignoring case; a first name alone matches when only one member has it). In the Inbox only the caller can be
 * assigned. Unknown or ambiguous: a ValidationError naming the members.
 */
export async function resolveMember(
  db: Executor,
  userId: string,
  projectId: string | null,
  ref: string,
  field = "assignee",
): Promise<string> {
  const wanted = fold(ref);
  if (wanted === "me" || wanted === "myself") return userId;
  const members = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      projectId === null
        ? eq(users.id, userId)
        : inArray(
            users.id,
            db
              .select({ id: projectMembers.userId })
              .from(projectMembers)
              .where(eq(projectMembers.projectId, projectId)),
          ),
    )
    .orderBy(asc(users.name), asc(users.id));
  const exact = members.filter((m) => m.id === ref.trim() || fold(m.email) === wanted || fold(m.name) === wanted);
  const first = exact.length > 0 ? exact : members.filter((m) => fold(m.name).split(" ")[0] === wanted);
  if (first.length === 1) return first[0]!.id;
  const names = members.map((m) => `${m.name} <${m.email}>`);
  const message =
    first.length > 1
      ? `Several members match "${ref.trim()}": ${listOf(first.map((m) => `${m.name} <${m.email}>`))}; give the email of the one you mean`
      : projectId === null
        ? `"${ref.trim()}" cannot be assigned a task in your Inbox: only you can; move the task to a shared project first`
        : `"${ref.trim()}" is not a member of this project. Its members: ${listOf(names)}`;
  throw new ValidationError(message, [{ path: field, message }]);
}

/** The members of each of the caller's projects among `ids`, in one query (who a task there can be assigned to). */
export async function membersOf(
  db: Executor,
  userId: string,
  ids: string[],
): Promise<Map<string, { user_id: string; name: string; email: string; role: "owner" | "editor" | "viewer" }[]>> {
  const out = new Map<
    string,
    { user_id: string; name: string; email: string; role: "owner" | "editor" | "viewer" }[]
  >();
  if (ids.length === 0) return out;
  const mine = db
    .select({ id: projectMembers.projectId })
    .from(projectMembers)
    .where(and(eq(projectMembers.userId, userId), inArray(projectMembers.projectId, ids)));
  const rows = await db
    .select({
      projectId: projectMembers.projectId,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: projectMembers.role,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(inArray(projectMembers.projectId, mine))
    .orderBy(asc(projectMembers.createdAt), asc(projectMembers.userId));
  for (const r of rows) {
    const list = out.get(r.projectId) ?? [];
    list.push({ user_id: r.userId, name: r.name, email: r.email, role: r.role });
    out.set(r.projectId, list);
  }
  return out;
}
