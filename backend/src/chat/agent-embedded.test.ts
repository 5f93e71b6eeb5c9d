// Embedded mode as `npm start` runs it — the backend and its MCP endpoint in one process on one database — with
// every HTTP request counted where it arrives (both servers) and where it leaves (undici, which fetch uses): a chat
// turn must reach the tools in-process. The same counts over a separate MCP server show the test can fail.
import diagnostics from "node:diagnostics_channel";
import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../test/databases";
import { startFakeOpenAI } from "../../../test/fake-openai";
import { MCP_TEST_SECRET, startTestMcp } from "../../../test/mcp";
import { freePort } from "../../../test/processes";
import { loadConfig } from "../config";
import { startBackend, startEmbeddedMcp } from "../server";

const ORIGIN = "http://localhost:3000";

/** Requests as they leave this process through undici, by origin. */
const outgoing: string[] = [];
const onRequest = (message: unknown) => outgoing.push((message as { request: { origin: string } }).request.origin);

function countArrivals(server: unknown) {
  const counter = { requests: 0 };
  (server as Server).on("request", () => counter.requests++);
  return counter;
}

async function startEmbedded(database: TestDatabase, env: Record<string, string> = {}) {
  const [port, mcpPort] = [await freePort(), await freePort()];
  const config = loadConfig({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    MCP_PORT: String(mcpPort),
    // What scripts/start.mjs sets: the embedded endpoint's own address, which must not make the agent use HTTP.
    MCP_SERVER_URL: `http://127.0.0.1:${mcpPort}`,
    BETTER_AUTH_SECRET: MCP_TEST_SECRET,
    DATA_DIR: mkdtempSync(join(tmpdir(), "todo-embedded-")),
    AUTH_RATE_LIMIT: "off",
    LOG_LEVEL: "silent",
    ...env,
  });
  const logger = pino({ level: "silent" });
  const backend = startBackend(config, database.handle, logger);
  const mcp = startEmbeddedMcp(config, mcpPort, database.handle, logger);
  const base = `http://127.0.0.1:${port}`;
  const arrivals = { backend: countArrivals(backend.server), mcp: countArrivals(mcp.server) };

  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${base}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: ORIGIN,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  const signUp = async (name: string) => {
    const res = await post("/api/auth/sign-up/email", {
      name,
      email: `${name.toLowerCase()}-${Date.now()}@example.test`,
      password: "correct horse 1",
    });
    return res.headers.get("set-auth-token") ?? "";
  };
  const chat = async (token: string, message: string, extra: Record<string, unknown> = {}) => {
    const res = await post("/api/chat", { message, timezone: "Europe/Paris", ...extra }, token);
    expect(res.status, res.text).toBe(200);
    return JSON.parse(res.text);
  };
  /** Counts what `work` sends: requests arriving at each server and requests leaving for each of them. */
  const counted = async (work: () => Promise<void>) => {
    const start = { backend: arrivals.backend.requests, mcp: arrivals.mcp.requests, outgoing: outgoing.length };
    await work();
    const sent = outgoing.slice(start.outgoing);
    return {
      toBackend: arrivals.backend.requests - start.backend,
      toMcp: arrivals.mcp.requests - start.mcp,
      sentToBackend: sent.filter((o) => o === base).length,
      sentToMcp: sent.filter((o) => o === `http://127.0.0.1:${mcpPort}`).length,
    };
  };
  return {
    config,
    mcpPort,
    signUp,
    chat,
    post,
    counted,
    stop: () => Promise.all([backend.stop(), mcp.stop()]),
  };
}

beforeAll(() => diagnostics.subscribe("undici:request:create", onRequest));
afterAll(() => diagnostics.unsubscribe("undici:request:create", onRequest));

describe.each(databaseKinds)("a chat turn in embedded mode on %s", (kind) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof startEmbedded>>;
  let token: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    app = await startEmbedded(database);
    token = await app.signUp("Embedded");
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it("calls the tools in-process: the only HTTP request is the chat request itself", async () => {
    expect(app.config.mcpServerUrl).toBeUndefined();
    const messages = ["add buy milk tomorrow at 9am", "make it high priority", "what's pending?", "it's done"];
    let conversation: string | undefined;
    const counts = await app.counted(async () => {
      for (const message of messages) {
        const turn = await app.chat(token, message, conversation ? { conversation_id: conversation } : {});
        conversation = turn.conversation_id;
      }
    });
    expect(counts).toEqual({ toBackend: messages.length, toMcp: 0, sentToBackend: messages.length, sentToMcp: 0 });
  });

  it("records the original result fields of each tool, and the builtin model follows up on them", async () => {
    const added = await app.chat(token, "add call the plumber on friday");
    expect(added.response).toMatch(/^Added task \d+: Call the plumber/);
    const [call] = added.tool_calls;
    expect(call).toEqual({
      name: "add_task",
      arguments: expect.objectContaining({ title: "Call the plumber" }),
      result: { task_id: expect.any(Number), status: "created", title: "Call the plumber", project: null },
    });
    const listed = await app.chat(token, "show my tasks about plumber", { conversation_id: added.conversation_id });
    expect(listed.tool_calls[0].result).toEqual([
      {
        id: call.result.task_id,
        title: "Call the plumber",
        completed: false,
        priority: "none",
        tags: [],
        due_at: expect.any(String),
        project: null,
      },
    ]);
    const missing = await app.chat(token, "delete task 999");
    expect(missing.response).toBe("I couldn't find task 999.");
    expect(missing.tool_calls[0].result).toEqual({ error: "Task 999 was not found" });
  });

  it("streams a turn for the UI without HTTP to itself either", async () => {
    const counts = await app.counted(async () => {
      const res = await app.post(
        "/api/chat/stream",
        { messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "add water the plants" }] }] },
        token,
      );
      expect(res.status).toBe(200);
      expect(res.text).toContain("Added task");
    });
    expect(counts).toEqual({ toBackend: 1, toMcp: 0, sentToBackend: 1, sentToMcp: 0 });
  });

  it("still serves its MCP endpoint to outside clients", async () => {
    const counts = await app.counted(async () => {
      const res = await fetch(`http://127.0.0.1:${app.mcpPort}/mcp`, { method: "POST", body: "{}" });
      expect(res.status).toBe(401);
    });
    expect(counts).toMatchObject({ toMcp: 1, sentToMcp: 1 });
  });
});

describe("an OpenAI-compatible model in embedded mode", () => {
  it("gets the original result text as the tool message, and the chat records the same fields", async () => {
    const llm = await startFakeOpenAI([
      { toolCalls: [{ name: "add_task", arguments: JSON.stringify({ title: "Buy milk", priority: "high" }) }] },
      { toolCalls: [{ name: "complete_task", arguments: JSON.stringify({ task_id: 42 }) }] },
      { text: "Added task 1: Buy milk; task 42 does not exist." },
    ]);
    const database = await createTestDatabase("pglite");
    const app = await startEmbedded(database, {
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_MODEL: "scripted",
    });
    try {
      const token = await app.signUp("Scripted");
      let turn: any;
      const counts = await app.counted(async () => {
        turn = await app.chat(token, "add buy milk, it's urgent, and finish task 42");
      });
      expect(counts).toEqual({ toBackend: 1, toMcp: 0, sentToBackend: 1, sentToMcp: 0 });
      expect(turn.tool_calls).toEqual([
        {
          name: "add_task",
          arguments: { title: "Buy milk", priority: "high" },
          result: { task_id: 1, status: "created", title: "Buy milk", project: null },
        },
        { name: "complete_task", arguments: { task_id: 42 }, result: { error: "Task 42 was not found" } },
      ]);
      const toolMessages = (requestIndex: number) =>
        llm.requests[requestIndex].body.messages.filter((m: { role: string }) => m.role === "tool");
      expect(toolMessages(1)[0].content).toContain(
        JSON.stringify(JSON.stringify({ task_id: 1, status: "created", title: "Buy milk", project: null })).slice(
          1,
          -1,
        ),
      );
      expect(toolMessages(2)[1].content).toContain("Task 42 was not found");
    } finally {
      await app.stop();
      await llm.close();
      await database.drop();
    }
  });
});

describe("the same turn with MCP in another process", () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof startEmbedded>>;
  let other: Awaited<ReturnType<typeof startTestMcp>>;
  let otherArrivals: { requests: number };
  afterEach(async () => {
    await app?.stop();
    await other?.close();
    await database?.drop();
  });

  it("goes over HTTP with a token, and the counts show it", async () => {
    database = await createTestDatabase("pglite");
    other = await startTestMcp(database.handle);
    otherArrivals = countArrivals(other.server);
    app = await startEmbedded(database, { MCP_SERVER_URL: `http://127.0.0.1:${other.port}` });
    expect(app.config.mcpServerUrl).toBe(`http://127.0.0.1:${other.port}`);
    const token = await app.signUp("Remote");
    const before = { arrivals: otherArrivals.requests, outgoing: outgoing.length };
    const turn = await app.chat(token, "add buy milk");
    expect(turn.tool_calls[0].result).toMatchObject({ status: "created", title: "Buy milk" });
    expect(otherArrivals.requests - before.arrivals).toBeGreaterThanOrEqual(3);
    expect(outgoing.slice(before.outgoing).filter((o) => o === `http://127.0.0.1:${other.port}`).length).toBe(
      otherArrivals.requests - before.arrivals,
    );
  });
});
