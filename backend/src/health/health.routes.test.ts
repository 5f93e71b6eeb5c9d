import { createDatabase } from "@todo/core/db/client";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend } from "../../../test/backend";
import { createEmptyPostgresDatabase, databaseKinds } from "../../../test/databases";
import { startTcpProxy } from "../../../test/tcp-proxy";
import { createApp } from "../app";
import { loadConfig } from "../config";

describe.each(databaseKinds)("operations endpoints on %s", (kind) => {
  let api: TestBackend;
  beforeAll(async () => {
    api = await createTestBackend(kind);
  });
  afterAll(() => api.close());

  it("GET / names the service and links the rest", async () => {
    const res = await api.request("GET", "/");
    expect(res.json).toMatchObject({ name: "todo-app backend", links: { health: "/health", docs: "/docs" } });
  });

  it("GET /health and /ready answer 200", async () => {
    expect((await api.request("GET", "/health")).json).toEqual({ status: "ok" });
    expect((await api.request("GET", "/ready")).json).toEqual({ status: "ready" });
  });

  it("GET /openapi.json documents the task routes and the error body", async () => {
    const doc = (await api.request("GET", "/openapi.json")).json;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/tasks",
        "/api/tasks/{id}",
        "/api/tasks/{id}/complete",
        "/api/tasks/{id}/reopen",
        "/health",
        "/ready",
      ]),
    );
    expect(doc.components.schemas.Task.properties.title).toBeDefined();
    expect(doc.components.schemas.Error).toBeDefined();
  });

  it("GET /docs serves the API reference UI from local assets", async () => {
    const page = await api.request("GET", "/docs");
    expect(page.text).toContain("/docs/assets/swagger-ui-bundle.js");
    expect(page.text).not.toMatch(/https?:\/\//);
    const asset = await api.request("GET", "/docs/assets/swagger-ui-bundle.js");
    expect(asset.status).toBe(200);
    expect(asset.text.length).toBeGreaterThan(100_000);
    expect((await api.request("GET", "/docs/assets/..%2Fpackage.json")).status).toBe(404);
  });

  it("GET /metrics exposes Prometheus metrics with per-route labels", async () => {
    await api.request("GET", "/health");
    const res = await api.request("GET", "/metrics");
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
    expect(res.text).toContain("process_cpu_user_seconds_total");
  });
});

describe("readiness when the database goes away", () => {
  it("answers 503 while Postgres is unreachable and 200 again once it is back, without a restart", async () => {
    const empty = await createEmptyPostgresDatabase();
    const target = new URL(empty.url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(empty.url);
    viaProxy.host = `127.0.0.1:${proxy.port()}`;
    const database = await createDatabase({ url: viaProxy.toString(), poolMax: 2 });
    try {
      await database.migrate();
      const config = loadConfig({
        NODE_ENV: "test",
        BETTER_AUTH_SECRET: "x".repeat(32),
        DATA_DIR: "/tmp/todo-ready-test",
        LOG_LEVEL: "silent",
      });
      const { app } = createApp({ config, database, logger: pino({ level: "silent" }) });
      expect((await app.request("/ready")).status).toBe(200);
      const signUp = await app.request("/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Down", email: "down@example.test", password: "correct horse 1" }),
      });
      const auth = { authorization: `Bearer ${signUp.headers.get("set-auth-token")}` };
      expect((await app.request("/api/tasks", { headers: auth })).status).toBe(200);

      await proxy.cut();
      const tasksDown = await app.request("/api/tasks", { headers: auth });
      expect(tasksDown.status).toBe(503);
      // Without a cached session the session lookup itself fails: still 503, not "signed out".
      const uncached = createApp({
        config: { ...config, sessionCacheMs: 0 },
        database,
        logger: pino({ level: "silent" }),
      });
      const sessionDown = await uncached.app.request("/api/tasks", { headers: auth });
      expect(sessionDown.status).toBe(503);
      expect(await tasksDown.json()).toMatchObject({
        error: { code: "service_unavailable", message: expect.stringMatching(/database/i) },
      });
      const down = await app.request("/ready");
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ error: { code: "service_unavailable" } });
      expect((await app.request("/health")).status).toBe(200);

      await proxy.restore();
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i++) {
        status = (await app.request("/ready")).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe(200);
      expect((await app.request("/api/tasks", { headers: auth })).status).toBe(200);
    } finally {
      await database.close();
      await proxy.close();
      await empty.drop();
    }
  });

  it("answers 503 when migrations have not been applied", async () => {
    const database = await createDatabase({ dataDir: "memory://", template: false });
    try {
      const config = loadConfig({
        NODE_ENV: "test",
        BETTER_AUTH_SECRET: "x".repeat(32),
        DATA_DIR: "/tmp/todo-ready-test",
        LOG_LEVEL: "silent",
      });
      const { app } = createApp({ config, database, logger: pino({ level: "silent" }) });
      expect((await app.request("/ready")).status).toBe(503);
      await database.migrate();
      expect((await app.request("/ready")).status).toBe(200);
    } finally {
      await database.close();
    }
  });
});
