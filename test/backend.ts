// Builds the real backend app on a test database and signs users up through Better Auth.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { createApp } from "../backend/src/app";
import { loadConfig } from "../backend/src/config";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "./databases";
import { MCP_TEST_SECRET, startTestMcp } from "./mcp";

export interface TestUser {
  id: string;
  email: string;
  token: string;
  headers: Record<string, string>;
}

export async function createTestBackend(kind: DatabaseKind, env: Record<string, string> = {}) {
  return createTestBackendOn(await createTestDatabase(kind), env);
}

export async function createTestBackendOn(database: TestDatabase, env: Record<string, string> = {}) {
  const config = loadConfig({
    NODE_ENV: "test",
    BETTER_AUTH_SECRET: MCP_TEST_SECRET,
    DATA_DIR: mkdtempSync(join(tmpdir(), "todo-test-")),
    AUTH_RATE_LIMIT: "off",
    CHAT_RATE_LIMIT_PER_MINUTE: "100000",
    LOG_LEVEL: "silent",
    ...env,
  });
  const { app, notifier } = createApp({ config, database: database.handle, logger: pino({ level: "silent" }) });

  async function request(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json: json as any };
  }

  async function signUp(name = "Test User"): Promise<TestUser> {
    const email = `${randomUUID()}@example.test`;
    const res = await request("POST", "/api/auth/sign-up/email", {
      body: { name, email, password: "correct horse 1" },
    });
    if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
    const token = res.headers.get("set-auth-token");
    if (!token) throw new Error("no set-auth-token header");
    return { id: res.json.user.id, email, token, headers: { authorization: `Bearer ${token}` } };
  }

  return { app, config, database, notifier, request, signUp, close: () => database.drop() };
}

export type TestBackend = Awaited<ReturnType<typeof createTestBackend>>;

/** Backend and MCP server on one test database, wired like production: the agent reaches MCP over HTTP. */
export async function createTestStack(kind: DatabaseKind, env: Record<string, string> = {}) {
  const database: TestDatabase = await createTestDatabase(kind);
  const mcp = await startTestMcp(database.handle);
  const api = await createTestBackendOn(database, { MCP_SERVER_URL: `http://127.0.0.1:${mcp.port}`, ...env });
  return {
    ...api,
    mcp,
    close: async () => {
      await mcp.close();
      await database.drop();
    },
  };
}
