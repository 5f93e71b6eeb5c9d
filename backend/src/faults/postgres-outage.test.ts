// Fault suite (issue 11.10 and the audit's outage test): the backend on a private Postgres cluster that the test
// freezes (SIGSTOP) and stops. /health stays instant, /ready answers 503 within 2 s, API requests get 503 within
// the query timeout instead of hanging, and everything recovers when the database is back, without a restart.
import { createDatabase, isConnectionError } from "@todo/core/db/client";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privatePostgresAvailable, startPrivatePostgres } from "../../../test/private-postgres";
import { freePort, type RunningProcess, startEntry, waitForHttp } from "../../../test/processes";

const STATEMENT_TIMEOUT_MS = 1_500;

async function timed(url: string, init?: RequestInit) {
  const start = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - start };
}

describe.runIf(privatePostgresAvailable)("a Postgres that freezes and stops", () => {
  let pg: Awaited<ReturnType<typeof startPrivatePostgres>>;
  let backend: RunningProcess;
  let base: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    const port = await freePort();
    backend = startEntry("backend/src/index.ts", {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: pg.url,
      BETTER_AUTH_SECRET: "outage-test-secret-outage-test-secret-0123",
      LOG_LEVEL: "silent",
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      SESSION_CACHE_MS: "0",
    });
    base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/ready`, 60_000);
    const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ name: "Outage", email: "outage@example.test", password: "correct horse 1" }),
    });
    headers = { authorization: `Bearer ${signUp.headers.get("set-auth-token")}`, "content-type": "application/json" };
    const created = await fetch(`${base}/api/tasks`, { method: "POST", headers, body: '{"title":"survives"}' });
    expect(created.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    backend?.child.kill("SIGTERM");
    await backend?.exited;
    await pg?.destroy();
  });

  async function expectRecovered() {
    let ready = 0;
    for (let i = 0; i < 60 && ready !== 200; i++) {
      ready = (await timed(`${base}/ready`)).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(ready).toBe(200);
    const list = await timed(`${base}/api/tasks`, { headers });
    expect(list.status).toBe(200);
    expect(list.body).toContain("survives");
  }

  it("answers /ready within 2 s and requests with 503 within the query timeout while Postgres is frozen", async () => {
    pg.freeze();
    try {
      const health = await timed(`${base}/health`);
      expect(health.status).toBe(200);
      expect(health.ms).toBeLessThan(200);
      const [ready, list, write] = await Promise.all([
        timed(`${base}/ready`),
        timed(`${base}/api/tasks`, { headers }),
        timed(`${base}/api/tasks`, { method: "POST", headers, body: '{"title":"while frozen"}' }),
      ]);
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(2_000);
      for (const res of [list, write]) {
        expect(res.status).toBe(503);
        expect(JSON.parse(res.body).error.code).toBe("service_unavailable");
        expect(res.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 3_500);
      }
      expect((await timed(`${base}/health`)).ms).toBeLessThan(200);
    } finally {
      pg.thaw();
    }
    await expectRecovered();
  }, 60_000);

  it("answers 503 at once while Postgres is stopped, and recovers when it is back", async () => {
    await pg.stop();
    const ready = await timed(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(2_000);
    const list = await timed(`${base}/api/tasks`, { headers });
    expect(list.status).toBe(503);
    expect(list.ms).toBeLessThan(2_000);
    expect((await timed(`${base}/health`)).status).toBe(200);
    await pg.start();
    await expectRecovered();
  }, 60_000);

  it("cancels a statement that runs past statement_timeout, as a 503-class error", async () => {
    const database = await createDatabase({ url: pg.url, poolMax: 1, statementTimeoutMs: 200 });
    try {
      const started = performance.now();
      const error = await database.db.execute(sql`select pg_sleep(3)`).catch((e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(isConnectionError(error)).toBe(true);
      await database.db.execute(sql`select 1`); // the connection is still usable
    } finally {
      await database.close();
    }
  });
});
