// The second version's tools over real HTTP (issue 16): a credential for one user — API key or agent token, on the
// 2025 and the 2026-07-28 protocol — never reaches another user's tasks through any tool, bulk calls and cursors
// included.
import { Client as ModernClient, StreamableHTTPClientTransport as ModernTransport } from "@modelcontextprotocol/client";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { mintAgentToken } from "@todo/core/auth/agent-token";
import { getTask } from "@todo/core/tasks/tasks.service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../test/databases";
import { MCP_TEST_SECRET, startTestMcp } from "../../test/mcp";

type Caller = { callTool(p: { name: string; arguments: Record<string, unknown> }): Promise<unknown> };

describe.each(databaseKinds)("MCP tools keep users apart on %s", (kind) => {
  let database: TestDatabase;
  let mcp: Awaited<ReturnType<typeof startTestMcp>>;
  let alice: Awaited<ReturnType<typeof mcp.userWithKey>>;
  let bob: Awaited<ReturnType<typeof mcp.userWithKey>>;
  let aliceClient: Client;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    mcp = await startTestMcp(database.handle);
    alice = await mcp.userWithKey("Alice");
    bob = await mcp.userWithKey("Bob");
    aliceClient = await mcp.connect(alice.key);
  });
  afterAll(async () => {
    await aliceClient?.close();
    await mcp?.close();
    await database?.drop();
  });

  async function modernClient(token: string) {
    const client = new ModernClient({ name: "modern", version: "1" }, { versionNegotiation: { mode: "auto" } });
    await client.connect(
      new ModernTransport(new URL(mcp.url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
    );
    return client;
  }

  it("acts only on the credential's user through every tool, with a key or an agent token, on every revision", async () => {
    const structured = async (c: Caller, name: string, args: Record<string, unknown>) =>
      (await c.callTool({ name, arguments: args })) as { isError?: boolean; structuredContent: any };
    // Task numbers are per user: Alice's secrets get numbers Bob never reaches in this test.
    for (let i = 0; i < 10; i++) await structured(aliceClient, "add_task", { title: `Alice filler ${i}` });
    const secretIds: number[] = [];
    for (const title of ["Alice secret one", "Alice secret two", "Alice secret three"]) {
      secretIds.push((await structured(aliceClient, "add_task", { title })).structuredContent.task_id);
    }
    const aliceCursor = (await structured(aliceClient, "list_tasks", { limit: 1 })).structuredContent.next_cursor;
    expect(aliceCursor).toEqual(expect.any(String));

    const bobKey = await mcp.connect(bob.key);
    const bobAgent = await mcp.connect(await mintAgentToken(MCP_TEST_SECRET, bob.userId, 60));
    const bobModern = await modernClient(bob.key);
    try {
      for (const [via, client] of [
        ["key", bobKey],
        ["agent token", bobAgent],
        ["2026-07-28", bobModern],
      ] as [string, Caller][]) {
        const own = await structured(client, "add_task", { title: `Bob via ${via}` });
        expect(own.isError, via).toBeFalsy();
        const listed = await structured(client, "list_tasks", {});
        expect(
          listed.structuredContent.tasks.every((t: any) => t.title.startsWith("Bob")),
          via,
        ).toBe(true);
        expect((await structured(client, "find_tasks", { text: "secret" })).structuredContent).toMatchObject({
          tasks: [],
          total: 0,
        });
        // Alice's cursor pages Bob's own list only (it holds no user; the credential decides).
        const paged = await structured(client, "list_tasks", { limit: 1, cursor: aliceCursor });
        for (const t of paged.structuredContent.tasks ?? []) expect(t.title).toMatch(/^Bob/);

        const idArgs = { task_id: secretIds[0] };
        for (const [name, args] of [
          ["complete_task", idArgs],
          ["delete_task", idArgs],
          ["update_task", { ...idArgs, title: "pwned" }],
          ["complete_tasks", { task_ids: secretIds }],
          ["update_tasks", { updates: secretIds.map((task_id) => ({ task_id, title: "pwned" })) }],
          ["delete_tasks", { task_ids: secretIds, confirm: true }],
        ] as [string, Record<string, unknown>][]) {
          const result = await structured(client, name, args);
          expect(result.isError, `${via} ${name}`).toBe(true);
          expect(result.structuredContent.error.code, `${via} ${name}`).toBe("not_found");
        }
        const spoof = await structured(client, "find_tasks", { text: "secret", user_id: alice.userId });
        expect(spoof.structuredContent.error.code).toBe("forbidden");
      }
    } finally {
      await Promise.all([bobKey.close(), bobAgent.close(), bobModern.close()]);
    }
    for (const id of secretIds) {
      expect(await getTask(database.handle.db, alice.userId, id)).toMatchObject({
        title: expect.stringMatching(/^Alice secret/),
        completed: false,
      });
    }
  });
});
