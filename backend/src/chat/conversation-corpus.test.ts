// The assistant's dialogue state end to end on the conversation corpus: for each case a fresh user with its seed
// tasks sends its turns in one conversation to POST /api/chat, through the real MCP server; every turn's tool calls
// and the tasks at the end are compared with the case (so a junk task or an unrequested change is a failure).
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestStack } from "../../../test/backend";
import {
  CONVERSATION_CORPUS,
  CONVERSATION_CORPUS_NOW,
  type ConversationCase,
} from "../../fixtures/conversation-corpus";

let stack: Awaited<ReturnType<typeof createTestStack>>;

beforeAll(async () => {
  vi.useFakeTimers({ now: CONVERSATION_CORPUS_NOW, toFake: ["Date"] });
  stack = await createTestStack("pglite");
});

afterAll(async () => {
  await stack?.close();
  vi.useRealTimers();
});

async function run(c: ConversationCase): Promise<string[]> {
  const problems: string[] = [];
  const user = await stack.signUp("Conversation");
  const as = (who: { headers: Record<string, string> }, method: string, path: string, body?: unknown) =>
    stack.request(method, path, { headers: who.headers, body });
  // Projects, their members and other users: `{project:Name}` and `{email:Name}` in the case stand for them.
  const projectIds = new Map<string, string>();
  const emails = new Map<string, string>();
  const names = new Map<string, string>([[user.id, "Conversation"]]);
  const signUp = async (name: string) => {
    const other = await stack.signUp(name);
    emails.set(name.split(" ")[0]!, other.email);
    names.set(other.id, name);
    return other;
  };
  for (const name of c.others ?? []) await signUp(name);
  for (const project of c.projects ?? []) {
    const created = await as(user, "POST", "/api/projects", { name: project.name });
    if (created.status !== 201) throw new Error(`creating ${project.name} failed: ${created.text}`);
    projectIds.set(project.name, created.json.id);
    for (const member of project.members ?? []) {
      const other = await signUp(member.name);
      const shared = await as(user, "POST", `/api/projects/${created.json.id}/members`, {
        email: other.email,
        role: member.role,
      });
      if (shared.status !== 200) throw new Error(`sharing ${project.name} failed: ${shared.text}`);
    }
  }
  const fill = (text: string) =>
    text
      .replace(/\{project:([^}]+)\}/g, (_, name: string) => projectIds.get(name) ?? `?${name}`)
      .replace(/\{email:([^}]+)\}/g, (_, name: string) => emails.get(name) ?? `?${name}`);
  for (const [i, seed] of c.seed.entries()) {
    const { project, ...task } = seed;
    const body = project ? { ...task, project_id: projectIds.get(project) } : task;
    const res = await as(user, "POST", "/api/tasks", body);
    if (res.json?.id !== i + 1) throw new Error(`seeding ${task.title} failed: ${res.status} ${res.text}`);
  }
  let conversation: string | undefined;
  for (const [n, turn] of c.turns.entries()) {
    const res = await stack.request("POST", "/api/chat", {
      headers: user.headers,
      body: { message: fill(turn.say), timezone: "UTC", conversation_id: conversation },
    });
    if (res.status !== 200) {
      problems.push(`turn ${n + 1} ${JSON.stringify(turn.say)}: HTTP ${res.status}`);
      break;
    }
    conversation = res.json.conversation_id;
    const got: { name: string; arguments: Record<string, unknown> }[] = res.json.tool_calls;
    const where = `turn ${n + 1} ${JSON.stringify(turn.say)}`;
    if (turn.expect) {
      if (got.length !== turn.expect.length) {
        problems.push(
          `${where}: expected ${turn.expect.map((e) => e.name).join(", ") || "no call"}, got ${got.map((g) => `${g.name} ${JSON.stringify(g.arguments)}`).join(", ") || "no call"} (${JSON.stringify(res.json.response)})`,
        );
      } else {
        turn.expect.forEach((want, i) => {
          if (got[i]!.name !== want.name)
            problems.push(`${where} call ${i + 1}: expected ${want.name}, got ${got[i]!.name}`);
          for (const [key, value] of Object.entries(JSON.parse(fill(JSON.stringify(want.args ?? {}))))) {
            if (!isDeepStrictEqual(got[i]!.arguments[key], value)) {
              problems.push(
                `${where} ${want.name}.${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(got[i]!.arguments[key])}`,
              );
            }
          }
        });
      }
    }
    if (turn.reply && !turn.reply.test(res.json.response)) {
      problems.push(`${where}: answer ${JSON.stringify(res.json.response)} should match ${turn.reply}`);
    }
  }
  const listed: Record<string, any>[] = (
    await stack.request("GET", "/api/tasks?sort=title&order=asc&limit=200", { headers: user.headers })
  ).json.tasks;
  // Projects, assignees and parents by name, as the case states them.
  const projectNames = new Map([...projectIds].map(([name, id]) => [id, name]));
  const tasks: Record<string, unknown>[] = listed.map((t) => ({
    ...t,
    project: t.project_id === null ? null : (projectNames.get(t.project_id) ?? t.project_id),
    assignee: t.assignee === null ? null : (names.get(t.assignee.id) ?? t.assignee.name),
    parent: t.parent_id === null ? null : (listed.find((p) => p.id === t.parent_id)?.title ?? t.parent_id),
  }));
  const titles = tasks.map((t) => t.title as string).sort();
  const wanted = c.end.map((t) => t.title).sort();
  if (!isDeepStrictEqual(titles, wanted))
    problems.push(`tasks at the end: ${JSON.stringify(titles)}, expected ${JSON.stringify(wanted)}`);
  for (const want of c.end) {
    const task = tasks.find((t) => t.title === want.title);
    for (const [key, value] of Object.entries(want)) {
      if (task && !isDeepStrictEqual(task[key], value)) {
        problems.push(
          `task ${JSON.stringify(want.title)}.${key}: ${JSON.stringify(task[key])}, expected ${JSON.stringify(value)}`,
        );
      }
    }
  }
  for (const [project, wanted] of Object.entries(c.members ?? {})) {
    const members = await as(user, "GET", `/api/projects/${projectIds.get(project)}/members`);
    const got = members.json.members
      .map((m: { user_id: string }) => (names.get(m.user_id) ?? m.user_id).split(" ")[0])
      .sort();
    if (!isDeepStrictEqual(got, [...wanted].sort()))
      problems.push(`members of ${project}: ${JSON.stringify(got)}, expected ${JSON.stringify(wanted)}`);
  }
  return problems;
}

describe("assistant conversation corpus (builtin model, real MCP server)", () => {
  it.each(CONVERSATION_CORPUS.map((c) => [c.name, c] as const))("%s", { timeout: 60_000 }, async (_, c) => {
    expect(await run(c)).toEqual([]);
  });
});
