// Fault suite (issue 11.6): SIGTERM while 16 keep-alive clients write and read as fast as they can. /ready turns
// 503 first while requests are still served; then every request the server received is answered (0 resets),
// later ones are refused at connect (safe to retry), the process exits 0, and every acknowledged write is stored.
import http from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase, databaseKinds } from "../../../test/databases";
import { freePort, type RunningProcess, startEntry, waitForHttp } from "../../../test/processes";

const CLIENTS = 16;

interface Outcome {
  ok: number;
  refused: number;
  failed: string[];
  created: string[];
}

function request(
  agent: http.Agent,
  port: number,
  method: string,
  path: string,
  headers: http.OutgoingHttpHeaders,
  body?: string,
) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, agent, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe.runIf(databaseKinds.includes("postgres"))("SIGTERM under load", () => {
  let db: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
  let backend: RunningProcess;
  let port: number;
  let token: string;

  beforeAll(async () => {
    db = await createEmptyPostgresDatabase();
    port = await freePort();
    backend = startEntry("backend/src/index.ts", {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: db.url,
      BETTER_AUTH_SECRET: "shutdown-test-secret-shutdown-test-secret",
      LOG_LEVEL: "warn",
      SHUTDOWN_DELAY_MS: "600",
      SHUTDOWN_TIMEOUT_MS: "10000",
    });
    await waitForHttp(`http://127.0.0.1:${port}/ready`, 60_000);
    const signUp = await fetch(`http://127.0.0.1:${port}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ name: "Load", email: "load@example.test", password: "correct horse 1" }),
    });
    token = signUp.headers.get("set-auth-token") ?? "";
    expect(token).toBeTruthy();
  }, 90_000);

  afterAll(async () => {
    if (backend?.child.exitCode === null) backend.child.kill("SIGKILL");
    await db?.drop();
  });

  it("answers every request it received, exits 0 and keeps every acknowledged write", async () => {
    const outcome: Outcome = { ok: 0, refused: 0, failed: [], created: [] };
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    let stop = false;
    let n = 0;
    const client = async (i: number) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (!stop) {
        const title = `load ${i}-${n++}`;
        const write = n % 2 === 0;
        try {
          const res = write
            ? await request(agent, port, "POST", "/api/tasks", headers, JSON.stringify({ title }))
            : await request(agent, port, "GET", "/api/tasks?limit=5", headers);
          if (res.status >= 200 && res.status < 300) {
            outcome.ok++;
            if (write) outcome.created.push(title);
          } else outcome.failed.push(`${res.status} ${res.text.slice(0, 80)}`);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // Refused at connect: the server never saw it, and the client knows it may retry.
          if (code === "ECONNREFUSED") {
            outcome.refused++;
            await new Promise((r) => setTimeout(r, 20));
          } else outcome.failed.push(`${code ?? ""} ${(error as Error).message}`);
        }
      }
      agent.destroy();
    };
    const clients = Array.from({ length: CLIENTS }, (_, i) => client(i));
    await new Promise((r) => setTimeout(r, 1_500));
    const okBeforeStop = outcome.ok;
    backend.child.kill("SIGTERM");
    // Readiness first: 503 while the API still answers.
    let readySeen = 0;
    for (let i = 0; i < 20 && !readySeen; i++) {
      try {
        const ready = await fetch(`http://127.0.0.1:${port}/ready`);
        if (ready.status === 503) readySeen = outcome.ok;
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    const exit = await backend.exited;
    stop = true;
    await Promise.all(clients);

    expect(readySeen, "/ready turned 503 before the server stopped").toBeGreaterThan(0);
    expect(outcome.ok, "requests kept being served during the drain delay").toBeGreaterThan(okBeforeStop);
    expect(outcome.failed, "in-flight requests that failed").toEqual([]);
    expect(outcome.refused).toBeGreaterThan(0);
    expect(exit).toBe(0);

    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    const { rows } = await check.query<{ title: string }>("select title from tasks");
    await check.end();
    const stored = new Set(rows.map((r) => r.title));
    expect(outcome.created.filter((t) => !stored.has(t))).toEqual([]);
    expect(outcome.created.length).toBeGreaterThan(50);
  }, 60_000);
});
