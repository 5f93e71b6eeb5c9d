// Runs one case against a running app through its public HTTP contract only: sign a user up, build the setup with
// the REST API, send each turn to POST /api/chat in one conversation, and judge the tasks before/after each turn.
import { randomUUID } from "node:crypto";
import { judgeTurn } from "./check";
import { setupInstant } from "./dates";
import type { Case } from "./schema";
import type { ProjectRow, Snapshot, TaskRow } from "./snapshot";

/** A response body as the app sent it; every field read from it is checked where it is used. */
// biome-ignore lint/suspicious/noExplicitAny: JSON from the app under test, read defensively field by field
type Json = any;

export type Http = (
  method: string,
  path: string,
  options?: { body?: unknown; headers?: Record<string, string> },
) => Promise<{ status: number; headers: Headers; text: string; json: Json }>;

export interface TurnResult {
  say: string;
  reply: string;
  /** Tool names the reply reported (information for a reader; never judged). */
  tools: string[];
  pass: boolean;
  problems: string[];
}

export interface CaseResult {
  id: string;
  kind: Case["kind"];
  area: Case["area"];
  needs?: string;
  status: "pass" | "fail" | "unsupported" | "error";
  reason?: string;
  turns: TurnResult[];
  junk: number;
  unrequested: number;
}

const CHAT_TIMEOUT_MS = 30_000;

class Unsupported extends Error {}

async function signUp(http: Http, name: string, email: string) {
  const res = await http("POST", "/api/auth/sign-up/email", { body: { name, email, password: "held-out eval 1" } });
  if (res.status !== 200) throw new Error(`sign-up of ${email} failed: ${res.status} ${res.text.slice(0, 200)}`);
  const token = res.headers.get("set-auth-token");
  if (!token) throw new Error("sign-up gave no set-auth-token header");
  return { id: res.json.user.id as string, token };
}

function listOf(json: Json, key: string): Json[] {
  return Array.isArray(json) ? json : Array.isArray(json?.[key]) ? json[key] : [];
}

async function snapshot(http: Http, headers: Record<string, string>): Promise<Snapshot> {
  const tasks = new Map<number, TaskRow>();
  for (let offset = 0; ; offset += 200) {
    const res = await http("GET", `/api/tasks?status=all&limit=200&offset=${offset}`, { headers });
    if (res.status !== 200) throw new Error(`GET /api/tasks answered ${res.status}: ${res.text.slice(0, 200)}`);
    for (const t of res.json.tasks as TaskRow[]) tasks.set(t.id, t);
    if (res.json.tasks.length < 200) break;
  }
  const res = await http("GET", "/api/projects", { headers });
  if (res.status === 404) return { tasks, projects: null };
  if (res.status !== 200) throw new Error(`GET /api/projects answered ${res.status}`);
  const projects = new Map<string, ProjectRow>();
  for (const p of listOf(res.json, "projects")) {
    const m = await http("GET", `/api/projects/${encodeURIComponent(p.id)}/members`, { headers });
    const members = listOf(m.json, "members").map((x: Json) => ({
      user_id: x.user_id ?? x.user?.id ?? x.id,
      email: x.email ?? x.user?.email,
      role: x.role,
    }));
    projects.set(p.id, { id: p.id, name: p.name, archived: p.archived, members });
  }
  return { tasks, projects };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Setup through REST; throws Unsupported when a route the setup needs answers 404. */
async function buildSetup(http: Http, c: Case, headers: Record<string, string>, users: Map<string, string>) {
  const now = new Date();
  const refs = new Map<string, number>();
  const projectIds = new Map<string, string>();
  const projectNames = [
    ...(c.projects ?? []).map((p) => p.name),
    ...c.setup.flatMap((t) => (t.project ? [t.project] : [])),
  ];
  for (const name of new Set(projectNames)) {
    const res = await http("POST", "/api/projects", { headers, body: { name } });
    if (res.status === 404 || res.status === 405) throw new Unsupported("POST /api/projects answers 404");
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`POST /api/projects: ${res.status} ${res.text.slice(0, 200)}`);
    projectIds.set(name, res.json.id ?? res.json.project?.id);
  }
  for (const p of c.projects ?? []) {
    for (const m of p.members ?? []) {
      const res = await http("POST", `/api/projects/${projectIds.get(p.name)}/members`, { headers, body: m });
      if (res.status === 404) throw new Unsupported("POST /api/projects/{id}/members answers 404");
      if (res.status >= 300) throw new Error(`adding member ${m.email}: ${res.status} ${res.text.slice(0, 200)}`);
    }
  }
  for (const t of c.setup) {
    const body: Record<string, unknown> = { title: t.title, timezone: c.timezone };
    if (t.description !== undefined) body.description = t.description;
    if (t.priority !== undefined) body.priority = t.priority;
    if (t.tags !== undefined) body.tags = t.tags;
    if (t.due !== undefined) body.due_at = setupInstant(t.due, c.timezone, now);
    if (t.remind !== undefined) body.remind_at = setupInstant(t.remind, c.timezone, now);
    if (t.recurrence !== undefined) body.recurrence = t.recurrence;
    if (t.project !== undefined) body.project_id = projectIds.get(t.project);
    if (t.parent !== undefined) body.parent_id = refs.get(t.parent);
    if (t.assignee !== undefined) body.assignee_id = users.get(t.assignee.toLowerCase());
    const res = await http("POST", "/api/tasks", { headers, body });
    if (res.status === 422 && (t.project || t.parent || t.assignee)) {
      throw new Unsupported(`POST /api/tasks refuses project fields: ${res.text.slice(0, 200)}`);
    }
    if (res.status !== 201) throw new Error(`setup task "${t.title}": ${res.status} ${res.text.slice(0, 300)}`);
    refs.set(t.ref ?? t.title, res.json.id);
    if (t.completed) {
      const done = await http("POST", `/api/tasks/${res.json.id}/complete`, { headers });
      if (done.status !== 200) throw new Error(`completing "${t.title}": ${done.status}`);
    }
  }
  return refs;
}

export async function runCase(http: Http, c: Case): Promise<CaseResult> {
  const result: CaseResult = {
    id: c.id,
    kind: c.kind,
    area: c.area,
    status: "pass",
    turns: [],
    junk: 0,
    unrequested: 0,
  };
  if (c.needs) result.needs = c.needs;
  const users = new Map<string, string>();
  try {
    const owner = await signUp(http, `Eval ${c.id}`, `${randomUUID()}@example.test`);
    const headers = { authorization: `Bearer ${owner.token}` };
    users.set("me", owner.id);
    for (const u of c.users ?? []) {
      const other = await signUp(http, u.name, u.email);
      users.set(u.email.toLowerCase(), other.id);
      users.set(u.name.toLowerCase(), other.id);
    }
    const refs = await buildSetup(http, c, headers, users);
    let conversationId: string | undefined;
    const replies: string[] = [];
    let before = await snapshot(http, headers);
    if (c.needs === "projects" && before.projects === null) {
      result.status = "unsupported";
      result.reason = "GET /api/projects answers 404";
    }
    for (const turn of c.turns) {
      const now = new Date();
      const body: Record<string, unknown> = { message: turn.say, timezone: c.timezone };
      if (conversationId) body.conversation_id = conversationId;
      const res = await withTimeout(http("POST", "/api/chat", { headers, body }), CHAT_TIMEOUT_MS);
      const reply = res.status === 200 ? String(res.json.response ?? "") : "";
      const tools = res.status === 200 ? ((res.json.tool_calls ?? []) as { name: string }[]).map((t) => t.name) : [];
      if (res.status === 200) conversationId = res.json.conversation_id;
      const after = await snapshot(http, headers);
      const verdict = judgeTurn(turn.expect, { tz: c.timezone, now, refs, users, replies, reply, before, after });
      if (res.status !== 200)
        verdict.problems.unshift(`POST /api/chat answered ${res.status}: ${res.text.slice(0, 200)}`);
      const pass = res.status === 200 && verdict.pass;
      result.turns.push({ say: turn.say, reply, tools, pass, problems: verdict.problems });
      result.junk += verdict.junk;
      result.unrequested += verdict.unrequested;
      for (const [ref, id] of verdict.created) refs.set(ref, id);
      if (!pass) {
        if (result.status === "pass") result.status = "fail";
        break; // later turns build on this one; judging them after a wrong turn would say nothing
      }
      replies.push(reply);
      before = after;
    }
  } catch (error) {
    result.status = error instanceof Unsupported ? "unsupported" : "error";
    result.reason = error instanceof Error ? error.message : String(error);
  }
  return result;
}
