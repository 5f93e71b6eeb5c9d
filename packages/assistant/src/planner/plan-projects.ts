// Projects in the builtin planner: a project the person named ("the groceries list", "Home") is looked up among
// their projects with list_projects (any case, "list"/"project" ignored, then the closest name), and sharing a
// project asks for a yes first: the answer records the exact share as the pending confirmation, and only a yes to
// it runs share_project.
import type { PendingShare } from "@todo/contract/conversation";
import type { Intent } from "../language/intents";
import { matchTasks } from "../language/match";
import { call, friendlyError, lastOutcome, type Plan, type PlanInput, reply } from "./plan";

export interface KnownProject {
  id: string;
  name: string;
  role: "owner" | "editor" | "viewer";
  member_list?: { user_id: string; name: string; email: string; role: string }[];
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/^(?:the|my|our)\s+/u, "")
    .replace(/\s+(?:list|project)$/u, "")
    .replace(/\s+/gu, " ")
    .trim();

/** The projects the person named means: the same name first, else the closest ones (ties: all of them). */
export function matchProjects<P extends { name: string }>(name: string, projects: P[]): P[] {
  const wanted = fold(name);
  const same = projects.filter((p) => fold(p.name) === wanted);
  if (same.length) return same;
  const indexed = projects.map((p, i) => ({ id: i + 1, title: fold(p.name), project: p }));
  return matchTasks(wanted, indexed).map((m) => m.project);
}

export type ProjectLookup =
  | { found: KnownProject }
  | { none: KnownProject[] }
  | { several: KnownProject[] }
  | { plan: Plan };

/** The person's project called `name`: list_projects first, then the match. */
export function lookupProject(input: PlanInput, name: string): ProjectLookup {
  let projects: KnownProject[] | undefined = input.projects;
  if (!projects) {
    const listed = lastOutcome(input.outcomes, "list_projects");
    if (!listed) return { plan: call({ name: "list_projects", args: {} }) };
    projects = listed.ok ? (listed.value as { projects?: KnownProject[] }).projects : undefined;
    if (!projects) return { plan: reply(friendlyError(listed)) };
  }
  const matches = matchProjects(name, projects);
  if (matches.length === 1) return { found: matches[0]! };
  return matches.length ? { several: matches } : { none: projects };
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

/** The answer when the named project is not one of theirs, or is ambiguous. */
export function projectProblem(name: string, lookup: { none: KnownProject[] } | { several: KnownProject[] }): Plan {
  if ("several" in lookup) {
    return reply(`Several of your projects match "${name}": ${quoted(lookup.several.map((p) => p.name))}. Which one?`);
  }
  const names = lookup.none.map((p) => p.name);
  return reply(
    names.length
      ? `You have no project called "${name}". Your projects are ${quoted(names)} (and the Inbox).`
      : `You have no project called "${name}"; you have no projects yet, only the Inbox.`,
  );
}

function shareQuestion(share: PendingShare): string {
  return `Share "${share.project_name}" with ${share.email} as ${share.role === "owner" ? "an" : "a"} ${share.role}? They will see all of its tasks${share.role === "viewer" ? "" : " and can change them"}. Reply "yes" to share it, or "no" to keep it as it is.`;
}

/** "share the groceries list with sam@example.com": find the project, then ask for a yes. Nothing is shared yet. */
export function planShare(intent: Extract<Intent, { kind: "share" }>, input: PlanInput): Plan {
  const lookup = lookupProject(input, intent.project);
  if ("plan" in lookup) return lookup.plan;
  if (!("found" in lookup)) return projectProblem(intent.project, lookup);
  const project = lookup.found;
  if (project.role !== "owner") {
    return reply(
      `Only an owner of "${project.name}" can share it; you are ${project.role === "editor" ? "an" : "a"} ${project.role} there.`,
    );
  }
  const already = project.member_list?.find((m) => m.email.toLowerCase() === intent.email);
  if (already && already.role === intent.role) {
    return reply(`"${project.name}" is already shared with ${intent.email} as ${intent.role}.`);
  }
  const share: PendingShare = {
    tool: "share_project",
    project_id: project.id,
    project_name: project.name,
    email: intent.email,
    role: intent.role,
  };
  return reply(shareQuestion(share), { confirmation: share });
}

/** The yes to a pending share: share_project with exactly the recorded project, email and role. */
export function planShareConfirmed(share: PendingShare, input: PlanInput): Plan {
  const shared = lastOutcome(input.outcomes, "share_project");
  if (!shared) {
    return call({ name: "share_project", args: { project: share.project_id, email: share.email, role: share.role } });
  }
  if (!shared.ok) {
    if (shared.error?.code === "not_found" && /email/iu.test(shared.error.message)) {
      return reply(`I couldn't share "${share.project_name}": no user of this server has the email ${share.email}.`);
    }
    return reply(friendlyError(shared));
  }
  const member = (shared.value as { member: { name: string; role: string } }).member;
  return reply(`Shared "${share.project_name}" with ${member.name} (${share.email}) as ${member.role}.`);
}
