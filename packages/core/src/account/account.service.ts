// Account rules (issue 14): who is an admin, who may sign up, disabling users, invitations, and what deleting an
// account removes. Better Auth owns the user, session and credential rows; this file owns the rest.
import type { AdminUser, Invite, SignupMode } from "@todo/contract/account";
import { CreateInviteInput } from "@todo/contract/account";
import { ForbiddenError, NotFoundError, parseInput } from "@todo/contract/errors";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import {
  apiKeys,
  conversations,
  disabledUsers,
  invites,
  projectMembers,
  projects,
  sessions,
  tasks,
  users,
} from "../db/schema";

export interface AdminPolicy {
  /** ADMIN_EMAILS, lower-cased. */
  adminEmails: readonly string[];
}

/** The first user (earliest created), always an admin. */
async function firstUserId(db: Database): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).orderBy(asc(users.createdAt), asc(users.id)).limit(1);
  return row?.id ?? null;
}

export async function isAdmin(db: Database, policy: AdminPolicy, userId: string): Promise<boolean> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return false;
  if (policy.adminEmails.includes(user.email.toLowerCase())) return true;
  return (await firstUserId(db)) === userId;
}

export async function assertAdmin(db: Database, policy: AdminPolicy, userId: string): Promise<void> {
  if (!(await isAdmin(db, policy, userId))) throw new ForbiddenError("Only an admin can do this");
}

/**
 * Whether `email` may create an account under SIGNUP. The very first account is always allowed (someone has to
 * set the app up); after that "closed" refuses everyone and "invite" admits invited addresses only.
 * Returns the sentence to refuse with, or null.
 */
export async function signUpRefusal(db: Database, mode: SignupMode, email: string): Promise<string | null> {
  if (mode === "open") return null;
  const [any] = await db.select({ id: users.id }).from(users).limit(1);
  if (!any) return null;
  if (mode === "closed") return "Sign-up is closed on this server; ask its admin for an account";
  const [invited] = await db
    .select({ email: invites.email })
    .from(invites)
    .where(eq(invites.email, email.trim().toLowerCase()))
    .limit(1);
  return invited ? null : "Sign-up on this server is by invitation; ask its admin to invite your email";
}

/** An invitation is used up when its address creates an account. */
export async function useInvite(db: Database, email: string): Promise<void> {
  await db.delete(invites).where(eq(invites.email, email.toLowerCase()));
}

export async function isDisabled(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: disabledUsers.userId })
    .from(disabledUsers)
    .where(eq(disabledUsers.userId, userId))
    .limit(1);
  return Boolean(row);
}

export async function isEmailVerified(db: Database, userId: string): Promise<boolean> {
  const [row] = await db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.verified === true;
}

export async function listUsers(db: Database, policy: AdminPolicy): Promise<AdminUser[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      createdAt: users.createdAt,
      disabled: sql<boolean>`${disabledUsers.userId} is not null`,
    })
    .from(users)
    .leftJoin(disabledUsers, eq(disabledUsers.userId, users.id))
    .orderBy(asc(users.createdAt), asc(users.id));
  const first = rows[0]?.id;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    email_verified: r.emailVerified,
    admin: r.id === first || policy.adminEmails.includes(r.email.toLowerCase()),
    disabled: Boolean(r.disabled),
    created_at: r.createdAt.toISOString(),
  }));
}

/**
 * Disables (or enables) a user. Disabling deletes their sessions, so they are signed out on every replica on the
 * next request; sign-in and API keys are refused while disabled. An admin cannot disable themself or another admin.
 */
export async function setUserDisabled(
  db: Database,
  policy: AdminPolicy,
  actorId: string,
  userId: string,
  disabled: boolean,
): Promise<AdminUser> {
  await assertAdmin(db, policy, actorId);
  const [target] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  if (!target) throw new NotFoundError("User was not found");
  if (disabled) {
    if (userId === actorId) throw new ForbiddenError("You cannot disable your own account");
    if (await isAdmin(db, policy, userId)) throw new ForbiddenError("An admin cannot be disabled");
    await db.transaction(async (tx) => {
      await tx.insert(disabledUsers).values({ userId, disabledBy: actorId }).onConflictDoNothing();
      await tx.delete(sessions).where(eq(sessions.userId, userId));
    });
  } else {
    await db.delete(disabledUsers).where(eq(disabledUsers.userId, userId));
  }
  const found = (await listUsers(db, policy)).find((u) => u.id === userId);
  if (!found) throw new NotFoundError("User was not found");
  return found;
}

export async function listInvites(db: Database): Promise<Invite[]> {
  const rows = await db.select().from(invites).orderBy(asc(invites.createdAt));
  return rows.map((r) => ({ email: r.email, created_at: r.createdAt.toISOString() }));
}

export async function createInvite(db: Database, actorId: string, input: unknown): Promise<Invite> {
  const { email } = parseInput(CreateInviteInput, input);
  const [row] = await db
    .insert(invites)
    .values({ email, invitedBy: actorId })
    .onConflictDoUpdate({ target: invites.email, set: { invitedBy: actorId } })
    .returning();
  return { email: row!.email, created_at: row!.createdAt.toISOString() };
}

export async function deleteInvite(db: Database, email: string): Promise<void> {
  const deleted = await db.delete(invites).where(eq(invites.email, email.toLowerCase())).returning();
  if (deleted.length === 0) throw new NotFoundError("Invite was not found");
}

/**
 * Everything an account owns, removed before Better Auth deletes the user row: the projects it is the only owner
 * of (with their tasks, shared members lose access to them), its own tasks, API keys and conversations. Sessions,
 * credentials and memberships of others' projects go with the user row (foreign keys, on delete cascade).
 */
export async function deleteAccountData(db: Database, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const owned = await tx
      .select({ projectId: projectMembers.projectId })
      .from(projectMembers)
      .where(
        and(
          eq(projectMembers.userId, userId),
          eq(projectMembers.role, "owner"),
          sql`not exists (select 1 from project_members o where o.project_id = ${projectMembers.projectId}
                and o.role = 'owner' and o.user_id <> ${userId})`,
        ),
      );
    const ids = owned.map((o) => o.projectId);
    if (ids.length > 0) {
      await tx.delete(tasks).where(inArray(tasks.projectId, ids));
      await tx.delete(projects).where(inArray(projects.id, ids));
    }
    await tx.delete(tasks).where(eq(tasks.userId, userId));
    await tx.delete(apiKeys).where(eq(apiKeys.userId, userId));
    await tx.delete(conversations).where(eq(conversations.userId, userId));
  });
}
