// The MCP server through the official SDK client over real HTTP, on PGlite and Postgres.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { mintAgentToken } from "@todo/core/auth/agent-token";
import { revokeApiKey } from "@todo/core/auth/api-keys.service";
import { getTask, listTasks } from "@todo/core/tasks/tasks.service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../test/databases";
import { MCP_TEST_SECRET, startTestMcp, toolJson, toolText } from "../../test/mcp";

describe.each(databaseKinds)("MCP server on %s", (kind) => {
  let database: TestDatabase;
  let mcp: Awaited<ReturnType<typeof startTestMcp>>;
  let alice: Awaited<ReturnType<typeof mcp.userWithKey>>;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    mcp = await startTestMcp(database.handle);
    alice = await mcp.userWithKey("Alice");
    client = await mcp.connect(alice.key);
  });
  afterAll(async () => {
    await client?.close();
    await mcp?.close();
    await database?.drop();
  });

  it("lists the five tools with descriptions and input schemas written for models", async () => {
    const { tools } = await client.listTools();
    // The original five stay; issue 16 adds find_tasks and the bulk tools (tools.test.ts).
    expect(tools.map((t) => t.name)).toEqual(
      expect.arrayContaining(["add_task", "complete_task", "delete_task", "list_tasks", "update_task"]),
    );
    for (const tool of tools) {
      expect(tool.description!.length).toBeGreaterThan(80);
      expect(tool.inputSchema.type).toBe("object");
    }
    const add = tools.find((t) => t.name === "add_task")!;
    expect(add.inputSchema.required).toEqual(["title"]);
    expect(Object.keys(add.inputSchema.properties!)).toEqual(
      expect.arrayContaining([
        "title",
        "description",
        "priority",
        "tags",
        "due_at",
        "remind_at",
        "recurrence",
        "user_id",
      ]),
    );
  });

  it("add_task, list_tasks, update_task, complete_task and delete_task return the original result shapes", async () => {
    const added = await client.callTool({
      name: "add_task",
      arguments: {
        title: "Water the plants",
        priority: "high",
        tags: ["home"],
        due_at: "2026-11-23T09:00:00Z",
        recurrence: "FREQ=WEEKLY;BYDAY=MO",
      },
    });
    expect(added.isError).toBeFalsy();
    const { task_id } = toolJson(added);
    // The original fields, and (issue 13) the task's project: null for the Inbox.
    expect(toolJson(added)).toEqual({ task_id, status: "created", title: "Water the plants", project: null });

    const listed = toolJson(
      await client.callTool({ name: "list_tasks", arguments: { status: "pending", tag: "home" } }),
    );
    expect(listed).toContainEqual({
      id: task_id,
      title: "Water the plants",
      completed: false,
      priority: "high",
      tags: ["home"],
      due_at: "2026-11-23T09:00:00.000Z",
      project: null,
    });

    const updated = toolJson(
      await client.callTool({ name: "update_task", arguments: { task_id, title: "Water all the plants" } }),
    );
    expect(updated).toEqual({ task_id, status: "updated", title: "Water all the plants", project: null });
    const stored = await getTask(database.handle.db, alice.userId, task_id);
    expect(stored).toMatchObject({ priority: "high", tags: ["home"], recurrence: "FREQ=WEEKLY;BYDAY=MO" });

    const completed = toolJson(
      await client.callTool({ name: "complete_task", arguments: { task_id: String(task_id) } }),
    );
    expect(completed).toMatchObject({ task_id, status: "completed", title: "Water all the plants" });
    expect(completed.next_task_id).toBe(task_id + 1);

    const deleted = toolJson(await client.callTool({ name: "delete_task", arguments: { task_id } }));
    expect(deleted).toEqual({ task_id, status: "deleted", title: "Water all the plants", project: null });
    const query = toolJson(await client.callTool({ name: "list_tasks", arguments: { query: "water" } }));
    expect(query.map((t: { id: number }) => t.id)).toEqual([task_id + 1]);
  });

  it("answers failures with isError and a sentence a person can read, changing nothing", async () => {
    const before = await listTasks(database.handle.db, alice.userId);
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["complete_task", { task_id: 999 }, /Task 999 was not found/],
      ["delete_task", { task_id: 999 }, /Task 999 was not found/],
      ["update_task", { task_id: 999, title: "x" }, /Task 999 was not found/],
      ["add_task", { title: "   " }, /Title must not be empty/],
      // Plain-language dates are read since issue 16; a phrase that is no date is still refused.
      ["add_task", { title: "x", due_at: "whenever it suits" }, /ISO 8601/],
      ["add_task", { title: "x", recurrence: "FREQ=SOMETIMES" }, /recurrence/i],
      ["add_task", { title: "x", user_id: "someone-else" }, /user_id does not match/],
      ["list_tasks", { user_id: "someone-else" }, /user_id does not match/],
    ];
    for (const [name, args, message] of cases) {
      const result = await client.callTool({ name, arguments: args });
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(toolText(result)).toMatch(message);
    }
    const ok = await client.callTool({ name: "list_tasks", arguments: { user_id: alice.userId } });
    expect(ok.isError).toBeFalsy();
    expect(await listTasks(database.handle.db, alice.userId)).toEqual(before);
  });

  it("refuses invalid arguments and unknown tools in a protocol-correct way", async () => {
    const bad = await client
      .callTool({ name: "complete_task", arguments: { task_id: "three" } })
      .catch((e: Error) => e);
    if (bad instanceof Error) expect(bad.message).toMatch(/-32602|invalid/i);
    else expect(bad.isError).toBe(true);
    const unknown = await client.callTool({ name: "drop_database", arguments: {} }).catch((e: Error) => e);
    if (unknown instanceof Error) expect(unknown.message).toMatch(/drop_database/);
    else {
      expect(unknown.isError).toBe(true);
      expect(toolText(unknown)).toMatch(/drop_database/);
    }
  });

  it("keeps two users with two keys apart through every tool", async () => {
    const bob = await mcp.userWithKey("Bob");
    const bobClient = await mcp.connect(bob.key);
    try {
      const secret = toolJson(await client.callTool({ name: "add_task", arguments: { title: "Alice's secret" } }));
      const bobsOwn = toolJson(await bobClient.callTool({ name: "add_task", arguments: { title: "Bob's task" } }));
      expect(bobsOwn.task_id).toBe(1);
      const bobList = toolJson(await bobClient.callTool({ name: "list_tasks", arguments: {} }));
      expect(bobList.map((t: { title: string }) => t.title)).toEqual(["Bob's task"]);
      for (const name of ["complete_task", "delete_task", "update_task"]) {
        // Arguments are strict (issue 16): only update_task takes a title.
        const args = name === "update_task" ? { task_id: secret.task_id, title: "pwned" } : { task_id: secret.task_id };
        const result = await bobClient.callTool({ name, arguments: args });
        expect(result.isError).toBe(true);
        expect(toolText(result)).toBe(`Task ${secret.task_id} was not found`);
      }
      const spoof = await bobClient.callTool({ name: "list_tasks", arguments: { user_id: alice.userId } });
      expect(spoof.isError).toBe(true);
      expect(await getTask(database.handle.db, alice.userId, secret.task_id)).toMatchObject({
        title: "Alice's secret",
        completed: false,
      });
    } finally {
      await bobClient.close();
    }
  });

  it("rejects a revoked key on the next call", async () => {
    const carol = await mcp.userWithKey("Carol");
    const carolClient = await mcp.connect(carol.key);
    expect((await carolClient.callTool({ name: "list_tasks", arguments: {} })).isError).toBeFalsy();
    await revokeApiKey(database.handle.db, carol.userId, carol.keyId);
    await expect(carolClient.callTool({ name: "list_tasks", arguments: {} })).rejects.toThrow(/401|unauthor|revoked/i);
    await carolClient.close().catch(() => {});
  });

  it("accepts an agent token minted for one user, acting only as that user", async () => {
    const token = await mintAgentToken(MCP_TEST_SECRET, alice.userId, 60);
    const agent = await mcp.connect(token);
    const added = toolJson(await agent.callTool({ name: "add_task", arguments: { title: "Via the agent" } }));
    expect((await getTask(database.handle.db, alice.userId, added.task_id)).title).toBe("Via the agent");
    await agent.close();
  });
});

describe("MCP HTTP guards", () => {
  let database: TestDatabase;
  let mcp: Awaited<ReturnType<typeof startTestMcp>>;
  let key: string;
  let userId: string;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    mcp = await startTestMcp(database.handle, { MCP_RATE_LIMIT_PER_MINUTE: "30", MCP_MAX_BODY_BYTES: "2048" });
    ({ key, userId } = await mcp.userWithKey("Guarded"));
  });
  afterAll(async () => {
    await mcp.close();
    await database.drop();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(mcp.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        authorization: `Bearer ${key}`,
        ...headers,
      },
      body,
    });
  const call = (name: string, args: unknown, id = 1) =>
    JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });

  it("answers 401 with WWW-Authenticate when the credential is missing, malformed or unknown", async () => {
    for (const authorization of ["", "Basic dXNlcjpwYXNz", "Bearer tdo_notarealkey", "Bearer not.a.jwt"]) {
      const res = await post(call("list_tasks", {}), { authorization });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
      expect(((await res.json()) as any).error.message).toBeTruthy();
    }
  });

  it("refuses agent tokens that are expired, meant for another user, forged, or for another audience", async () => {
    const { SignJWT } = await import("jose");
    const secret = new TextEncoder().encode(MCP_TEST_SECRET);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("todo-backend")
      .setAudience("todo-mcp-server")
      .setSubject(userId)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 300)
      .sign(secret);
    const otherAudience = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("todo-backend")
      .setAudience("some-other-service")
      .setSubject(userId)
      .setExpirationTime("5m")
      .sign(secret);
    const forged = await mintAgentToken("a-completely-different-secret-0123456789", userId);
    const valid = await mintAgentToken(MCP_TEST_SECRET, userId);
    const [h, p, s] = valid.split(".");
    const claims = JSON.parse(Buffer.from(p!, "base64url").toString());
    const replayedAsOther = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: "another-user" })).toString("base64url")}.${s}`;
    for (const token of [expired, otherAudience, forged, replayedAsOther]) {
      const res = await post(call("list_tasks", {}), { authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
    }
    expect((await post(call("list_tasks", {}), { authorization: `Bearer ${valid}` })).status).toBe(200);
  });

  it("refuses a disallowed Origin with 403 and accepts an allowed one", async () => {
    expect((await post(call("list_tasks", {}), { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(call("list_tasks", {}), { origin: "http://localhost:3000" })).status).toBe(200);
  });

  it("answers malformed JSON-RPC with protocol errors and changes nothing", async () => {
    const parse = await post("{not json");
    expect(parse.status).toBe(400);
    expect(((await parse.json()) as any).error.code).toBe(-32700);
    const invalid = await post(JSON.stringify({ hello: "world" }));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as any).error.code).toBeLessThan(-32000 + 1);
    const badArgs = await post(call("add_task", { title: 42 }));
    const body = (await badArgs.json()) as any;
    expect(body.error?.code === -32602 || body.result?.isError === true).toBe(true);
    const unknown = (await (
      await post(JSON.stringify({ jsonrpc: "2.0", id: 2, method: "no/such/method" }))
    ).json()) as any;
    expect(unknown.error.code).toBe(-32601);
    const list = (await (await post(call("list_tasks", {}))).json()) as any;
    expect(JSON.parse(list.result.content[0].text)).toEqual([]);
  });

  it("counts tool calls against the rate limit, not initialize, tools/list or notifications", async () => {
    const initialize = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "counter", version: "1" } },
    });
    const list = (id: number) => JSON.stringify({ jsonrpc: "2.0", id, method: "tools/list" });
    const initialized = JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" });
    const statuses: number[] = [];
    // 45 protocol requests against a limit of 30 a minute: none of them is a tool call, so none is refused.
    for (let i = 0; i < 15; i++) {
      for (const body of [initialize, initialized, list(i + 2)]) statuses.push((await post(body)).status);
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect((await post(call("list_tasks", {}))).status).toBe(200);
  });

  it("answers 413 for an oversized body and 429 past the rate limit", async () => {
    expect((await post(call("add_task", { title: "x", description: "y".repeat(4000) }))).status).toBe(413);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await post(call("list_tasks", {}, i))).status);
    expect(statuses).toContain(429);
    const limited = await post(call("list_tasks", {}));
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    // The backend's own assistant is not an external client: its agent token for the same user still goes ahead
    // (its turns are limited by the chat route instead).
    const agentToken = await mintAgentToken(MCP_TEST_SECRET, userId, 60);
    const agent = await post(call("list_tasks", {}), { authorization: `Bearer ${agentToken}` });
    expect(agent.status).toBe(200);
  });

  it("two MCP replicas on one database spend from one window: 40 calls against 30 a minute let exactly 30 through", async () => {
    const second = await startTestMcp(database.handle, { MCP_RATE_LIMIT_PER_MINUTE: "30" });
    try {
      const { key: own } = await mcp.userWithKey("Replicated");
      const statuses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          fetch(i % 2 ? second.url : mcp.url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              accept: "application/json, text/event-stream",
              authorization: `Bearer ${own}`,
            },
            body: call("list_tasks", {}, i),
          }).then(async (res) => {
            await res.arrayBuffer();
            return res.status;
          }),
        ),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(30);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    } finally {
      await second.close();
    }
  });

  it("answers /health without credentials", async () => {
    const res = await fetch(mcp.url.replace("/mcp", "/health"));
    expect((await res.json()) as unknown).toEqual({ status: "ok" });
  });
});
