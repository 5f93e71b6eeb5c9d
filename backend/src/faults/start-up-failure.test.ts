// Fault suite (issue 19): a start that cannot go on prints why in one line and exits non-zero, whether the database
// cannot be reached or the port is taken; it never hangs without answering /health and never exits 0.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, type RunningProcess, startEntry } from "../../../test/processes";

const SECRET = "start-up-failure-secret-start-up-failure";
const started: RunningProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  await Promise.all(started.map((p) => p.exited));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), "todo-start-up-"));
  dirs.push(dataDir);
  const proc = startEntry("backend/src/index.ts", {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    BETTER_AUTH_SECRET: SECRET,
    AUTH_RATE_LIMIT: "off",
    LOG_LEVEL: "info",
    ...env,
  });
  started.push(proc);
  return proc;
}

async function exitCode(proc: RunningProcess, ms: number) {
  return Promise.race([proc.exited, new Promise((r) => setTimeout(() => r("still running"), ms))]);
}

describe("start-up failures", () => {
  it("says the database cannot be reached and exits non-zero", async () => {
    const closed = await freePort();
    const proc = start({
      PORT: String(await freePort()),
      DATABASE_URL: `postgres://postgres@127.0.0.1:${closed}/test`,
      MCP_SERVER_URL: "http://127.0.0.1:1",
    });
    const code = await exitCode(proc, 60_000);
    expect(code, proc.output()).not.toBe("still running");
    expect(code).not.toBe(0);
    expect(proc.output()).toMatch(
      /start-up failed: (cannot open the database|migrations could not be applied)[^\n]*ECONNREFUSED/,
    );
  }, 90_000);

  it("says the port is taken and exits non-zero", async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const proc = start({ PORT: String(port), MCP_PORT: String(await freePort()), DATABASE_URL: "" });
      const code = await exitCode(proc, 90_000);
      expect(code, proc.output()).not.toBe("still running");
      expect(code).not.toBe(0);
      expect(proc.output()).toContain(`start-up failed: 127.0.0.1:${port} is already in use (set PORT)`);
    } finally {
      blocker.close();
    }
  }, 120_000);
});
