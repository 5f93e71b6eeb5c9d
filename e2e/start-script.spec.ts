// Issue 18.6 and 18.7: `npm start` (scripts/start.mjs) restarts a crashed service after a backoff while the others
// keep running — the browser gets the "backend unreachable" page meanwhile, then the app again — and a second
// start skips the build when the sources are unchanged.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, newUser, signUp } from "./browser";
import { REPO, startPlainApp } from "./stack";

const pids = (log: string, service: string) =>
  [...readFileSync(log, "utf8").matchAll(new RegExp(`\\[start\\] ${service} started \\(pid (\\d+)\\)`, "g"))].map((m) =>
    Number(m[1]),
  );

describe("Next.js telemetry", () => {
  it("is off in the build and start scripts, as next itself reads it", () => {
    const scripts = JSON.parse(readFileSync(join(REPO, "frontend", "package.json"), "utf8")).scripts;
    for (const name of ["build", "start"]) {
      // What the script sets before its command, with `next telemetry status` as the command.
      const prefix = (scripts[name] as string).split(/\s(?:next|node)\s/)[0];
      // From a scratch directory: next keeps its telemetry notice in ./cache there, not in the repository.
      const result = spawnSync(
        "sh",
        ["-c", `${prefix} "${join(REPO, "node_modules", ".bin", "next")}" telemetry status`],
        {
          cwd: mkdtempSync(join(tmpdir(), "todo-telemetry-")),
          encoding: "utf8",
          env: { ...process.env, NEXT_TELEMETRY_DISABLED: "" },
        },
      );
      expect(result.stdout, name).toMatch(/Status: Disabled/);
    }
  });
});

describe("npm start", () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startPlainApp>> | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("skips the build when the sources are unchanged", async () => {
    // The run's setup built through the same check (buildLikeNpmStart), so this is a second start.
    app = await startPlainApp("start-script", { START_BUILD: "auto", START_RESTART_DELAY_MS: "6000" });
    const log = readFileSync(app.log, "utf8");
    expect(log).toContain("[start] build is up to date");
    expect(log).not.toContain("[start] building");
  });

  it("restarts a crashed backend with a delay, keeps the frontend, and shows the unreachable page meanwhile", async () => {
    if (!app) throw new Error("no app");
    const { log, frontendPort, backendPort } = app;
    const url = `http://127.0.0.1:${frontendPort}`;
    const context = await newContext(browser, { url });
    const page = await context.newPage();
    await signUp(page, newUser("Crash"));
    const backendPid = pids(log, "backend")[0] ?? 0;
    const [frontendPid] = pids(log, "frontend");
    expect(backendPid).toBeGreaterThan(0);

    process.kill(backendPid, "SIGKILL");
    await expect
      .poll(() => readFileSync(log, "utf8"), { timeout: 15_000 })
      .toMatch(/\[start\] backend exited \(SIGKILL\); restarting it in 6000 ms, the others keep running/);
    // Within the backoff: the frontend still answers, and says the backend is unreachable.
    const api = await fetch(`${url}/api/tasks`);
    expect(api.status).toBe(503);
    expect((await api.json()).error.code).toBe("service_unavailable");
    await page.reload();
    await page.getByRole("heading", { name: "The server is unreachable" }).waitFor();

    // Then the backend is back (a new process), the frontend was never restarted, and the app works again.
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${backendPort}/health`).catch(() => null))?.status, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(200);
    expect(pids(log, "backend")).toHaveLength(2);
    expect(pids(log, "frontend")).toEqual([frontendPid]);
    await page.reload();
    await page.getByRole("heading", { name: "Tasks" }).waitFor();
    await context.close();
  });
});
