// Starts the real MCP HTTP server on a free port over a test database, with helpers to make users and keys and
// to connect the official SDK client.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createApiKey } from "@todo/core/auth/api-keys.service";
import type { DatabaseHandle } from "@todo/core/db/client";
import pino from "pino";
import { loadConfig } from "../mcp-server/src/config";
import { startMcpServer } from "../mcp-server/src/serve";
import { freePort } from "./net";
import { insertUser } from "./users";

export const MCP_TEST_SECRET = "mcp-test-secret-mcp-test-secret-0123456789";

export async function startTestMcp(database: DatabaseHandle, env: Record<string, string> = {}) {
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    BETTER_AUTH_SECRET: MCP_TEST_SECRET,
    DATA_DIR: "/tmp/todo-mcp-test",
    LOG_LEVEL: "silent",
    ...env,
  });
  const running = startMcpServer(config, database, pino({ level: "silent" }));
  const url = `http://127.0.0.1:${port}/mcp`;

  async function userWithKey(name = "MCP user") {
    const userId = await insertUser(database.db, name);
    const key = await createApiKey(database.db, userId, { name: "test key" });
    return { userId, key: key.key, keyId: key.id };
  }

  async function connect(token: string): Promise<Client> {
    const client = new Client({ name: "todo-app-tests", version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    });
    await client.connect(transport);
    return client;
  }

  return { url, port, config, server: running.server, userWithKey, connect, close: () => running.stop() };
}

/** The JSON a tool returned (tools answer with one text item holding JSON, or a sentence when isError). */
export function toolJson(result: unknown): any {
  const r = result as { content: { type: string; text: string }[] };
  return JSON.parse(r.content[0]!.text);
}

export function toolText(result: unknown): string {
  return (result as { content: { text: string }[] }).content[0]!.text;
}
