// Fault suite, embedded mode (issue 11.5 and the audit's crash test): a second process on the same DATA_DIR
// refuses to start with a clear message and a non-zero exit while the first keeps serving; kill -9 during a burst
// of writes loses no acknowledged write, and the restarted process takes the crashed one's lock over by itself.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningProcess, startEntry, waitForHttp } from "../../../test/processes";

const SECRET = "embedded-fault-secret-embedded-fault-secret";

/** tsx runs the entry in a child node process: a real kill -9 must hit that one (and its parent, which relays). */
function killHard(proc: RunningProcess) {
  const pid = proc.child.pid as number;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
  for (const child of children) process.kill(Number(child), "SIGKILL");
  proc.child.kill("SIGKILL");
  return children.map(Number);
}

async function gone(pids: number[]) {
  for (let i = 0; i < 100 && pids.some((p) => alive(p)); i++) await new Promise((r) => setTimeout(r, 50));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("one embedded database directory", () => {
  let dataDir: string;
  const started: RunningProcess[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "todo-embedded-"));
  });
  afterAll(async () => {
    for (const p of started) if (p.child.exitCode === null && p.child.signalCode === null) killHard(p);
    await Promise.all(started.map((p) => p.exited));
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startBackend() {
    const [port, mcpPort] = [await freePort(), await freePort()];
    const proc = startEntry("backend/src/index.ts", {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      MCP_PORT: String(mcpPort),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      BETTER_AUTH_SECRET: SECRET,
      AUTH_RATE_LIMIT: "off",
      LOG_LEVEL: "info",
    });
    started.push(proc);
    return { proc, base: `http://127.0.0.1:${port}` };
  }

  let base: string;
  let first: RunningProcess;
  let headers: Record<string, string>;

  it("refuses a second process on the same DATA_DIR, and the first keeps serving", async () => {
    ({ proc: first, base } = await startBackend());
    await waitForHttp(`${base}/ready`, 60_000);
    const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ name: "Crash", email: "crash@example.test", password: "correct horse 1" }),
    });
    headers = { authorization: `Bearer ${signUp.headers.get("set-auth-token")}`, "content-type": "application/json" };

    const second = await startBackend();
    const code = await Promise.race([second.proc.exited, new Promise((r) => setTimeout(() => r("timeout"), 30_000))]);
    expect(code).not.toBe("timeout");
    expect(code).not.toBe(0);
    expect(second.proc.output()).toMatch(/DATA_DIR .* is in use by process \d+/);
    const created = await fetch(`${base}/api/tasks`, { method: "POST", headers, body: '{"title":"still here"}' });
    expect(created.status).toBe(201);
  }, 90_000);

  it("loses no acknowledged write to kill -9, and the next start takes the stale lock over", async () => {
    const acknowledged: string[] = [];
    let writing = true;
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        const title = `crash ${w}-${i}`;
        try {
          const res = await fetch(`${base}/api/tasks`, { method: "POST", headers, body: JSON.stringify({ title }) });
          if (res.status === 201) acknowledged.push(title);
        } catch {
          return; // the process is gone; this write was never acknowledged
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await new Promise((r) => setTimeout(r, 1_500));
    const killed = killHard(first);
    await first.exited;
    await gone(killed);
    writing = false;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(10);

    const restarted = await startBackend();
    // Recovery replays PGlite's WAL and waits out the stale lock: seconds here, a minute or more on a loaded machine.
    const exitedEarly = restarted.proc.exited.then((code) => {
      throw new Error(`the restarted backend exited (${code}) instead of taking the lock over`);
    });
    await Promise.race([waitForHttp(`${restarted.base}/ready`, 150_000), exitedEarly]).catch((error: Error) => {
      throw new Error(`${error.message}\nthe restarted backend said:\n${restarted.proc.output().slice(-4000)}`);
    });
    exitedEarly.catch(() => {}); // it exits at the end of this test, on purpose
    const list = await fetch(`${restarted.base}/api/tasks?limit=200&status=all`, { headers });
    const body = (await list.json()) as { tasks: { id: number; title: string }[]; total: number };
    let tasks = body.tasks;
    for (let offset = 200; offset < body.total; offset += 200) {
      const page = await fetch(`${restarted.base}/api/tasks?limit=200&status=all&offset=${offset}`, { headers });
      tasks = tasks.concat(((await page.json()) as { tasks: typeof tasks }).tasks);
    }
    const stored = new Set(tasks.map((t) => t.title));
    expect(acknowledged.filter((t) => !stored.has(t))).toEqual([]);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length); // no task number handed out twice
    restarted.proc.child.kill("SIGTERM");
    const code = await restarted.proc.exited;
    expect(code, restarted.proc.output().slice(-3000)).toBe(0);
  }, 240_000);
});
