// The transport of issue 16 through real SDK clients over real HTTP: stateless (GET and DELETE answer 405 with
// Allow: POST), no listChanged, and the protocol revisions 2025-06-18 and 2025-11-25 (SDK v1 client, raw
// initialize) and 2026-07-28 (SDK v2 client negotiating with server/discover) all served by the same tools.
import { Client as ModernClient, StreamableHTTPClientTransport as ModernTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/databases";
import { startTestMcp, toolJson } from "../../test/mcp";

describe("MCP transport", () => {
  let database: TestDatabase;
  let mcp: Awaited<ReturnType<typeof startTestMcp>>;
  let alice: Awaited<ReturnType<typeof mcp.userWithKey>>;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    mcp = await startTestMcp(database.handle);
    alice = await mcp.userWithKey("Alice");
  });
  afterAll(async () => {
    await mcp?.close();
    await database?.drop();
  });

  const headers = (extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${alice.key}`,
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    ...extra,
  });

  it("answers GET and DELETE /mcp with 405 and Allow: POST, with or without a credential", async () => {
    for (const method of ["GET", "DELETE"]) {
      for (const h of [headers({ accept: "text/event-stream" }), {}]) {
        const res = await fetch(mcp.url, { method, headers: h });
        expect(res.status, method).toBe(405);
        expect(res.headers.get("allow")).toBe("POST");
        expect(((await res.json()) as any).error.message).toMatch(/POST/);
      }
    }
  });

  it("keeps an SDK v1 client idle without reconnecting a GET stream, and does not advertise listChanged", async () => {
    const client = await mcp.connect(alice.key);
    try {
      expect(client.getServerCapabilities()?.tools).toEqual({});
      expect(toolJson(await client.callTool({ name: "list_tasks", arguments: {} }))).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it.each(["2025-06-18", "2025-11-25"])("serves protocol revision %s", async (version) => {
    const post = (body: unknown, extra: Record<string, string> = {}) =>
      fetch(mcp.url, { method: "POST", headers: headers(extra), body: JSON.stringify(body) });
    const init = await post({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: version, capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    });
    expect(init.status).toBe(200);
    const body = (await init.json()) as any;
    expect(body.result.protocolVersion).toBe(version);
    expect(body.result.capabilities.tools.listChanged).toBeUndefined();
    const list = await post(
      { jsonrpc: "2.0", id: 2, method: "tools/list", params: {} },
      { "mcp-protocol-version": version },
    );
    expect(((await list.json()) as any).result.tools.map((t: { name: string }) => t.name)).toContain("add_task");
  });

  it("serves 2026-07-28 to an SDK v2 client that negotiates it, with the same tools and results", async () => {
    const client = new ModernClient(
      { name: "modern-test", version: "1.0.0" },
      { versionNegotiation: { mode: "auto" } },
    );
    await client.connect(
      new ModernTransport(new URL(mcp.url), { requestInit: { headers: { Authorization: `Bearer ${alice.key}` } } }),
    );
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe("2026-07-28");
      expect(client.getServerCapabilities()?.tools?.listChanged).toBeUndefined();
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain("list_tasks");
      const added = await client.callTool({ name: "add_task", arguments: { title: "From 2026" } });
      expect(added.isError).toBeFalsy();
      expect(added.structuredContent).toMatchObject({ status: "created", task: { title: "From 2026" } });
      const failed = await client.callTool({ name: "complete_task", arguments: { task_id: 999 } });
      expect(failed.isError).toBe(true);
      expect(failed.structuredContent).toEqual({ error: { code: "not_found", message: "Task 999 was not found" } });
    } finally {
      await client.close();
    }
  });

  it("refuses a 2026-07-28 request without a credential with 401", async () => {
    const res = await fetch(mcp.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "server/discover", params: {} }),
    });
    expect(res.status).toBe(401);
  });
});
