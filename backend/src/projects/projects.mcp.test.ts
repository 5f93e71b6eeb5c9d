// The authorization matrix of the MCP tools and the assistant on a shared project, wired like production (backend →
// agent → MCP server over HTTP → database), on PGlite and Postgres: owner, editor, viewer, former member and
// stranger × every MCP tool on a task of a shared project, and one chat turn. Allowed exactly where the role allows;
// a refused member gets `forbidden`, a non-member `not_found` (never a hint that the project exists); nothing changes
// by a refused call. Also: the activity log records MCP changes as `mcp` and the assistant's as `assistant`.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { TOOL_NAMES, ToolError, type ToolName } from "@todo/contract/tools";
import { createApiKey } from "@todo/core/auth/api-keys.service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStack, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";

type Stack = Awaited<ReturnType<typeof createTestStack>>;
type Role = "owner" | "editor" | "viewer" | "former" | "stranger";
type Outcome = "ok" | "forbidden" | "not_found";

interface Person {
  role: Role;
  user: TestUser;
  mcp: Client;
}

describe.each(databaseKinds)("MCP tools and the assistant on a shared project, on %s", (kind) => {
  let stack: Stack;
  let people: Person[];
  let projectId: string;
  /** The former member's number for the task they could see before leaving (strangers try the same number). */
  let formerNumber: number;

  const as = (role: Role) => people.find((p) => p.role === role)!;
  const api = (user: TestUser, method: string, path: string, body?: unknown) =>
    stack.request(method, path, { headers: user.headers, body });

  beforeAll(async () => {
    stack = await createTestStack(kind);
    const roles: Role[] = ["owner", "editor", "viewer", "former", "stranger"];
    people = [];
    for (const role of roles) {
      const user = await stack.signUp(role[0]!.toUpperCase() + role.slice(1));
      const key = await createApiKey(stack.database.handle.db, user.id, { name: "matrix" });
      people.push({ role, user, mcp: await stack.mcp.connect(key.key) });
    }
    const owner = as("owner").user;
    const project = await api(owner, "POST", "/api/projects", { name: "Family Chores" });
    expect(project.status).toBe(201);
    projectId = project.json.id;
    for (const [role, as_] of [
      ["editor", "editor"],
      ["viewer", "viewer"],
      ["former", "editor"],
    ] as const) {
      const res = await api(owner, "POST", `/api/projects/${projectId}/members`, {
        email: as(role).user.email,
        role: as_,
      });
      expect(res.status, res.text).toBe(200);
    }
    const seen = await api(owner, "POST", "/api/tasks", { title: "Seen by the former member", project_id: projectId });
    expect(seen.status).toBe(201);
    formerNumber = (await api(as("former").user, "GET", `/api/tasks?project=${projectId}`)).json.tasks[0].id;
    const left = await api(as("former").user, "DELETE", `/api/projects/${projectId}/members/${as("former").user.id}`);
    expect(left.status).toBe(204);
    // A stranger with tasks of their own: their numbers never reach the shared task.
    await api(as("stranger").user, "POST", "/api/tasks", { title: "Stranger's own" });
  });
  afterAll(async () => {
    for (const p of people ?? []) await p.mcp.close().catch(() => {});
    await stack?.close();
  });

  /** A fresh task of the shared project (made by the owner) and each member's number for it. */
  async function freshTask(title: string): Promise<Map<Role, number>> {
    const created = await api(as("owner").user, "POST", "/api/tasks", { title, project_id: projectId });
    expect(created.status).toBe(201);
    const numbers = new Map<Role, number>();
    for (const role of ["owner", "editor", "viewer"] as const) {
      const list = await api(as(role).user, "GET", `/api/tasks?project=${projectId}&q=${encodeURIComponent(title)}`);
      numbers.set(role, list.json.tasks[0].id);
    }
    numbers.set("former", formerNumber);
    // The stranger tries the number the owner uses (they have fewer tasks of their own, so it names none of theirs).
    numbers.set("stranger", numbers.get("owner")!);
    return numbers;
  }

  /** Everything a call could change, as the owner sees it. */
  async function snapshot() {
    const owner = as("owner").user;
    return {
      project: (await api(owner, "GET", `/api/projects/${projectId}`)).json,
      members: (await api(owner, "GET", `/api/projects/${projectId}/members`)).json,
      tasks: (await api(owner, "GET", `/api/tasks?project=${projectId}&limit=200&status=all`)).json,
      stranger: (await api(as("stranger").user, "GET", "/api/tasks")).json,
    };
  }

  /** What a tool call came to: ok, or the contract's error code. */
  async function outcome(person: Person, name: ToolName, args: Record<string, unknown>): Promise<Outcome> {
    const result = (await person.mcp.callTool({ name, arguments: args })) as {
      isError?: boolean;
      structuredContent?: unknown;
    };
    if (!result.isError) return "ok";
    return ToolError.parse(result.structuredContent).error.code as Outcome;
  }

  /** Read tools: members see the task; a non-member is told the project is not theirs (not_found). */
  const READ = { owner: "ok", editor: "ok", viewer: "ok", former: "not_found", stranger: "not_found" } as const;
  /** Changes: editors and owners; a viewer is refused; a non-member cannot even name the task. */
  const WRITE = { owner: "ok", editor: "ok", viewer: "forbidden", former: "not_found", stranger: "not_found" } as const;

  const cases: {
    tool: ToolName;
    expect: Record<Role, Outcome>;
    args: (n: number, title: string) => Record<string, unknown>;
    /** For reads: the call's output must show the task to those allowed. */
    shows?: boolean;
  }[] = [
    { tool: "add_task", expect: WRITE, args: () => ({ title: "Added by MCP", project: projectId }) },
    { tool: "list_tasks", expect: READ, args: () => ({ project: projectId }), shows: true },
    { tool: "complete_task", expect: WRITE, args: (n) => ({ task_id: n }) },
    { tool: "delete_task", expect: WRITE, args: (n) => ({ task_id: n }) },
    { tool: "update_task", expect: WRITE, args: (n) => ({ task_id: n, title: "Renamed by MCP" }) },
    { tool: "find_tasks", expect: READ, args: (_n, title) => ({ text: title, project: projectId }), shows: true },
    { tool: "complete_tasks", expect: WRITE, args: (n) => ({ task_ids: [n] }) },
    { tool: "update_tasks", expect: WRITE, args: (n) => ({ updates: [{ task_id: n, priority: "high" }] }) },
    { tool: "delete_tasks", expect: WRITE, args: (n) => ({ task_ids: [n], confirm: true }) },
    {
      tool: "list_projects",
      expect: { owner: "ok", editor: "ok", viewer: "ok", former: "ok", stranger: "ok" },
      args: () => ({}),
    },
  ];

  it("covers every MCP tool", () => {
    expect(new Set(cases.map((c) => c.tool))).toEqual(new Set(TOOL_NAMES));
  });

  it("allows each role exactly what the permission table says, through every MCP tool", async () => {
    const extra: { tool: ToolName; expect: Record<Role, Outcome>; args: (n: number) => Record<string, unknown> }[] = [
      // Assigning (by the member's name) and moving in and out of the project.
      { tool: "update_task", expect: WRITE, args: (n) => ({ task_id: n, assignee: "Editor" }) },
      { tool: "update_task", expect: WRITE, args: (n) => ({ task_id: n, project: "inbox" }) },
      { tool: "add_task", expect: WRITE, args: (n) => ({ title: "A subtask", parent: n }) },
      { tool: "add_task", expect: WRITE, args: () => ({ title: "By name", project: "family chores" }) },
    ];
    const failures: string[] = [];
    for (const c of [...cases, ...extra]) {
      for (const person of people) {
        const title = `${c.tool} ${person.role} ${Math.random().toString(36).slice(2, 8)}`;
        const numbers = await freshTask(title);
        const before = await snapshot();
        const args = c.args(numbers.get(person.role)!, title);
        const got = await outcome(person, c.tool, args);
        const want = c.expect[person.role];
        if (got !== want)
          failures.push(`${c.tool} ${JSON.stringify(args)} as ${person.role}: ${got}, expected ${want}`);
        if (got !== "ok" || c.tool === "list_projects" || c.tool === "list_tasks" || c.tool === "find_tasks") {
          expect(await snapshot(), `${c.tool} as ${person.role} changed nothing`).toEqual(before);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("shows the shared project and its tasks to members only", async () => {
    const numbers = await freshTask("Visible to members");
    for (const person of people) {
      const projects = (await person.mcp.callTool({ name: "list_projects", arguments: {} })) as any;
      const ids = projects.structuredContent.projects.map((p: { id: string }) => p.id);
      const member = person.role === "owner" || person.role === "editor" || person.role === "viewer";
      expect(ids.includes(projectId), person.role).toBe(member);
      const all = (await person.mcp.callTool({
        name: "list_tasks",
        arguments: { query: "Visible to members" },
      })) as any;
      expect(all.structuredContent.total, person.role).toBe(member ? 1 : 0);
      if (member) {
        expect(all.structuredContent.tasks[0].id).toBe(numbers.get(person.role));
        expect(JSON.parse(all.content[0].text)[0].project).toBe("Family Chores");
      }
    }
  });

  it("one chat turn per role: the assistant can do exactly what the role allows, and says why not", async () => {
    const say = (user: TestUser, message: string) =>
      stack.request("POST", "/api/chat", { headers: user.headers, body: { message, timezone: "UTC" } });
    for (const person of people) {
      const title = `Chat ${person.role} ${Math.random().toString(36).slice(2, 8)}`;
      const numbers = await freshTask(title);
      const n = numbers.get(person.role)!;
      const before = await snapshot();
      const res = await say(person.user, `mark task ${n} as done`);
      expect(res.status, res.text).toBe(200);
      const done = (
        await api(as("owner").user, "GET", `/api/tasks?project=${projectId}&q=${encodeURIComponent(title)}`)
      ).json.tasks[0];
      if (person.role === "owner" || person.role === "editor") {
        expect(res.json.response, person.role).toMatch(new RegExp(`^Marked task ${n} as complete`));
        expect(done.completed).toBe(true);
        continue;
      }
      expect(done.completed, person.role).toBe(false);
      if (person.role === "viewer") expect(res.json.response).toMatch(/As a viewer you cannot complete tasks/);
      else expect(res.json.response).toBe(`I couldn't find task ${n}.`);
      const after = await snapshot();
      // The stranger's and former member's own conversations are theirs; the shared data did not move.
      expect(after, `chat as ${person.role} changed nothing`).toEqual(before);
    }
  });

  it("records changes made through MCP as mcp and through the assistant as assistant", async () => {
    const owner = as("owner");
    const viaMcp = (await owner.mcp.callTool({
      name: "add_task",
      arguments: { title: "Via MCP", project: "Family Chores" },
    })) as any;
    expect(viaMcp.isError).toBeFalsy();
    expect(viaMcp.structuredContent.project).toEqual({ id: projectId, name: "Family Chores" });
    const n = viaMcp.structuredContent.task_id;
    const chat = await api(owner.user, "POST", "/api/chat", { message: `mark task ${n} as done` });
    expect(chat.json.response).toMatch(/^Marked task/);
    const activity = await api(owner.user, "GET", `/api/activity?task=${n}`);
    expect(activity.status, activity.text).toBe(200);
    const entries = activity.json.activity.map((e: { action: string; via: string }) => [e.action, e.via]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ["task.created", "mcp"],
        ["task.completed", "assistant"],
      ]),
    );
  });
});
