// Issue 11.9 and the MCP parts of 11.12: a database outage is a retryable 503, an oversized body always gets its
// 413 (never a connection reset), and agent tokens for users who do not exist are refused.
import http from "node:http";
import { mintAgentToken } from "@todo/core/auth/agent-token";
import { createDatabase } from "@todo/core/db/client";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/databases";
import { MCP_TEST_SECRET, startTestMcp } from "../../test/mcp";

const call = { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_tasks", arguments: {} } };
const accept = "application/json, text/event-stream";

describe("the MCP server's edges", () => {
  it("answers a database outage with 503, Retry-After and a JSON-RPC error", async () => {
    const database = await createDatabase({ dataDir: "memory://" });
    await database.migrate();
    const mcp = await startTestMcp(database);
    try {
      const { key } = await mcp.userWithKey();
      await database.close();
      const res = await fetch(mcp.url, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json", accept },
        body: JSON.stringify(call),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      const body = (await res.json()) as { error: { code: number; message: string } };
      expect(body.error.message).toMatch(/database/i);
    } finally {
      await mcp.close();
    }
  });

  it("answers every oversized body with 413, however fast the client sends it", async () => {
    const database = await createTestDatabase("pglite");
    const mcp = await startTestMcp(database.handle);
    try {
      const { key } = await mcp.userWithKey();
      const big = Buffer.alloc(1024 * 1024, "a");
      const send = () =>
        new Promise<string>((resolve) => {
          const req = http.request(
            mcp.url,
            {
              method: "POST",
              headers: {
                authorization: `Bearer ${key}`,
                "content-type": "application/json",
                accept,
                "content-length": String(big.length),
              },
            },
            (res) => {
              res.resume();
              res.on("end", () => resolve(String(res.statusCode)));
            },
          );
          req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
          for (let i = 0; i < big.length; i += 64 * 1024) req.write(big.subarray(i, i + 64 * 1024));
          req.end();
        });
      const outcomes: string[] = [];
      for (let i = 0; i < 15; i++) outcomes.push(await send());
      expect(outcomes).toEqual(Array(15).fill("413"));
    } finally {
      await mcp.close();
      await database.drop();
    }
  });

  it("refuses an agent token minted for a user who does not exist", async () => {
    const database = await createTestDatabase("pglite");
    const mcp = await startTestMcp(database.handle);
    try {
      const { userId } = await mcp.userWithKey();
      const post = async (token: string) =>
        (
          await fetch(mcp.url, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept },
            body: JSON.stringify(call),
          })
        ).status;
      expect(await post(await mintAgentToken(MCP_TEST_SECRET, userId))).toBe(200);
      expect(await post(await mintAgentToken(MCP_TEST_SECRET, "no-such-user"))).toBe(401);
    } finally {
      await mcp.close();
      await database.drop();
    }
  });
});
