// Issue 11.12 (backend part) and readiness on stop (11.6): /metrics is not open to anyone, API JSON is never
// cached, failed-query logs carry no SQL parameters, and /ready answers 503 as soon as the stop has begun.
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { serve } from "@hono/node-server";
import { createDatabase } from "@todo/core/db/client";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend } from "../../../test/backend";
import { MCP_TEST_SECRET } from "../../../test/mcp";
import { createApp } from "../app";
import { loadConfig } from "../config";
import { logSerializers } from "../server";

const TOKEN = "metrics-token-0123456789abcdef";

describe("/metrics over a real socket", () => {
  let api: TestBackend;
  let server: ReturnType<typeof serve>;
  let base: string;

  beforeAll(async () => {
    api = await createTestBackend("pglite", { METRICS_TOKEN: TOKEN });
    server = serve({ fetch: api.app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });

  it("wants the METRICS_TOKEN as a bearer token when one is configured", async () => {
    const none = await fetch(`${base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain("http_requests_total");
  });

  it("refuses a METRICS_TOKEN too short to be a secret", () => {
    expect(() => loadConfig({ NODE_ENV: "test", BETTER_AUTH_SECRET: MCP_TEST_SECRET, METRICS_TOKEN: "short" })).toThrow(
      /METRICS_TOKEN/,
    );
  });
});

describe("API responses", () => {
  let api: TestBackend;
  beforeAll(async () => {
    api = await createTestBackend("pglite");
  });
  afterAll(() => api.close());

  it("carry Cache-Control: no-store, errors and auth answers included", async () => {
    const user = await api.signUp("Cache");
    const answers = [
      await api.request("GET", "/api/tasks", { headers: user.headers }),
      await api.request("POST", "/api/tasks", { headers: user.headers, body: { title: "x" } }),
      await api.request("GET", "/api/tasks/999", { headers: user.headers }),
      await api.request("GET", "/api/tasks"),
      await api.request("GET", "/api/auth/get-session", { headers: user.headers }),
      await api.request("GET", `/api/${user.id}/tasks`, { headers: user.headers }),
    ];
    for (const res of answers) expect(res.headers.get("cache-control"), String(res.status)).toBe("no-store");
  });
});

describe("logs of failed queries", () => {
  it("keep the SQL and the codes but never the parameters (an API key's hash here)", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const database = await createDatabase({ dataDir: "memory://" });
    await database.migrate();
    const config = loadConfig({ NODE_ENV: "test", BETTER_AUTH_SECRET: MCP_TEST_SECRET, LOG_LEVEL: "info" });
    const logger = pino({ level: "info", serializers: logSerializers }, sink);
    const { app } = createApp({ config, database, logger });
    const key = `tdo_${"k".repeat(43)}`;
    const hash = createHash("sha256").update(key).digest("hex");
    await database.close(); // every query now fails
    const res = await app.request("/api/tasks", { headers: { authorization: `Bearer ${key}` } });
    const log = lines.join("");
    expect(res.status).toBe(503);
    expect(log).toContain("database unreachable");
    expect(log).toContain("api_keys"); // the SQL text is still there to debug with
    expect(log).not.toContain(hash);
    expect(log).not.toContain(key);
    expect(log).not.toMatch(/params:/);
    expect(log).toContain('"type":"DrizzleQueryError"');
  });
});

describe("/ready while stopping", () => {
  it("answers 503 once the shutdown has begun, while /health stays 200", async () => {
    const database = await createDatabase({ dataDir: "memory://" });
    await database.migrate();
    const config = loadConfig({ NODE_ENV: "test", BETTER_AUTH_SECRET: MCP_TEST_SECRET, LOG_LEVEL: "silent" });
    const readiness = { draining: false };
    const { app } = createApp({ config, database, logger: pino({ level: "silent" }), readiness });
    expect((await app.request("/ready")).status).toBe(200);
    readiness.draining = true;
    const draining = await app.request("/ready");
    expect(draining.status).toBe(503);
    expect(((await draining.json()) as { error: { code: string } }).error.code).toBe("service_unavailable");
    expect((await app.request("/health")).status).toBe(200);
    await database.close();
  });
});
