import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";
import { startTestMcp, toolJson } from "../../../test/mcp";

describe.each(databaseKinds)("API keys on %s", (kind) => {
  let api: TestBackend;
  let user: TestUser;
  beforeAll(async () => {
    api = await createTestBackend(kind);
    user = await api.signUp("Keys");
  });
  afterAll(() => api.close());

  it("creates a key shown once, lists it without the secret, and revokes it", async () => {
    const created = await api.request("POST", "/api/keys", { headers: user.headers, body: { name: "Claude Desktop" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      id: expect.any(String),
      name: "Claude Desktop",
      key: expect.stringMatching(/^tdo_[\w-]{40,}$/),
    });
    const listed = await api.request("GET", "/api/keys", { headers: user.headers });
    expect(listed.json.keys).toHaveLength(1);
    expect(listed.text).not.toContain(created.json.key);
    expect(created.json.key.startsWith(listed.json.keys[0].prefix)).toBe(true);

    const keyHeaders = { authorization: `Bearer ${created.json.key}` };
    expect((await api.request("GET", "/api/tasks", { headers: keyHeaders })).status).toBe(200);
    expect((await api.request("POST", "/api/keys", { headers: keyHeaders, body: { name: "escalate" } })).status).toBe(
      403,
    );

    expect((await api.request("DELETE", `/api/keys/${created.json.id}`, { headers: user.headers })).status).toBe(204);
    expect((await api.request("GET", "/api/tasks", { headers: keyHeaders })).status).toBe(401);
    expect((await api.request("DELETE", `/api/keys/${created.json.id}`, { headers: user.headers })).status).toBe(404);
  });

  it("validates names and never reveals or revokes another user's keys", async () => {
    expect((await api.request("POST", "/api/keys", { headers: user.headers, body: { name: "" } })).status).toBe(422);
    expect(
      (await api.request("POST", "/api/keys", { headers: user.headers, body: { name: "x".repeat(65) } })).status,
    ).toBe(422);
    expect(
      (await api.request("POST", "/api/keys", { headers: user.headers, body: { name: "n", scope: "admin" } })).status,
    ).toBe(422);
    const other = await api.signUp("Other");
    const theirs = await api.request("POST", "/api/keys", { headers: other.headers, body: { name: "theirs" } });
    expect((await api.request("GET", "/api/keys", { headers: user.headers })).text).not.toContain(theirs.json.id);
    expect((await api.request("DELETE", `/api/keys/${theirs.json.id}`, { headers: user.headers })).status).toBe(404);
    expect((await api.request("DELETE", "/api/keys/not-a-uuid", { headers: user.headers })).status).toBe(404);
    expect(
      (await api.request("GET", "/api/tasks", { headers: { authorization: `Bearer ${theirs.json.key}` } })).status,
    ).toBe(200);
  });

  it("tasks created through MCP appear through REST and vice versa", async () => {
    const mcp = await startTestMcp(api.database.handle);
    const key = (await api.request("POST", "/api/keys", { headers: user.headers, body: { name: "mcp" } })).json.key;
    const client = await mcp.connect(key);
    try {
      const viaRest = await api.request("POST", "/api/tasks", {
        headers: user.headers,
        body: { title: "Made over REST", tags: ["rest"] },
      });
      const viaMcp = toolJson(
        await client.callTool({ name: "add_task", arguments: { title: "Made over MCP", priority: "high" } }),
      );
      const restList = await api.request("GET", "/api/tasks?sort=created&order=asc", { headers: user.headers });
      expect(restList.json.tasks.map((t: { title: string }) => t.title)).toEqual(
        expect.arrayContaining(["Made over REST", "Made over MCP"]),
      );
      expect(restList.json.tasks.find((t: { id: number }) => t.id === viaMcp.task_id).priority).toBe("high");
      const mcpList = toolJson(await client.callTool({ name: "list_tasks", arguments: { tag: "rest" } }));
      expect(mcpList).toEqual([expect.objectContaining({ id: viaRest.json.id, title: "Made over REST" })]);
      await client.callTool({ name: "complete_task", arguments: { task_id: viaRest.json.id } });
      expect(
        (await api.request("GET", `/api/tasks/${viaRest.json.id}`, { headers: user.headers })).json.completed,
      ).toBe(true);
    } finally {
      await client.close();
      await mcp.close();
    }
  });
});
