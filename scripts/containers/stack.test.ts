// Container acceptance, the compose stack (issue 6): a temporary project with a generated .env of fresh secrets
// and free host ports on 127.0.0.1. Health endpoints, non-root processes, a user journey through the frontend's
// port only (sign up, REST, chat "add call mom tomorrow", API key) checked against the MCP endpoint, persistence
// across `compose restart` and `down` + `up`, `docker stop` of the backend with a request in flight, and a killed
// then restarted Postgres. The steps build on each other, in order; once `compose up` fails the rest are skipped
// as failed. The images come from global-setup.ts (images.test.ts judges them).
import { afterAll, describe, inject, it } from "vitest";
import { freePort, waitFor } from "../../test/net";
import { answers200, assert, BACKEND_GRACE_S, docker, log, request, run, sleep, slowPost, tail } from "./harness";
import { built } from "./images";
import { compose, composeDown, containerOf, containerState, mustCompose, type Ports, writeEnv } from "./workspace";

const { ws, preparation } = inject("containers");
let up = false;
let stackUp = false;

/** One check of the journey: skipped as failed when the stack never came up; its detail goes to the log. */
function step(name: string, fn: () => Promise<string | undefined>) {
  const first = name.startsWith("compose up");
  it(name, async () => {
    if (!first) assert(up, "the stack did not start (see compose up)");
    const detail = await fn();
    log(`  ✓ ${name}${detail ? ` — ${detail}` : ""}`);
  });
}

afterAll(async () => {
  if (stackUp && process.env.CONTAINERS_TEST_KEEP !== "1") await composeDown(ws);
});

describe("the compose stack", async () => {
  const ports: Ports = { frontend: await freePort(), backend: await freePort(), mcp: await freePort() };
  const web = `http://127.0.0.1:${ports.frontend}`;
  const api = `http://127.0.0.1:${ports.backend}`;
  const mcpUrl = `http://127.0.0.1:${ports.mcp}/mcp`;
  writeEnv(ws, ports);

  const waitReady = (timeoutMs = 120_000) =>
    Promise.all([
      waitFor("backend /ready 200", () => answers200(`${api}/ready`), { timeoutMs: timeoutMs, intervalMs: 500 }),
      waitFor("mcp-server /health 200", () => answers200(`http://127.0.0.1:${ports.mcp}/health`), {
        timeoutMs: timeoutMs,
        intervalMs: 500,
      }),
      waitFor("frontend /healthz 200", () => answers200(`${web}/healthz`), { timeoutMs: timeoutMs, intervalMs: 500 }),
    ]);

  log(
    `starting the stack: project ${ws.project}, frontend :${ports.frontend}, backend :${ports.backend}, mcp :${ports.mcp}`,
  );
  step("compose up: postgres, backend, mcp-server and frontend start and turn healthy", async () => {
    const missing = preparation.reports.filter((r) => !built(r)).map((r) => `todo-${r.service}`);
    assert(missing.length === 0, `skipped: ${missing.join(", ")} did not build (see images.test.ts)`);
    stackUp = true;
    const res = await mustCompose(ws, ["up", "-d", "--no-build"], 300_000);
    try {
      await waitReady();
    } catch (error) {
      const out = await compose(ws, ["logs", "--no-color", "--tail", "40"], 60_000);
      console.log(tail(out.stdout, 80));
      throw error;
    }
    up = true;
    return `${(res.ms / 1000).toFixed(0)}s`;
  });

  // --- Operations endpoints and users ----------------------------------------------------------------------
  step("backend answers / and /health, /ready is 200", async () => {
    const root = await request(`${api}/`);
    assert(
      root.status === 200 && root.json?.links?.health === "/health",
      `/ answered ${root.status} ${root.text.slice(0, 80)}`,
    );
    const health = await request(`${api}/health`);
    assert(health.status === 200 && health.json?.status === "ok", `/health answered ${health.status}`);
    const ready = await request(`${api}/ready`);
    assert(ready.status === 200, `/ready answered ${ready.status} ${ready.text}`);
    const docs = await request(`${api}/docs/assets/swagger-ui-bundle.js`);
    assert(docs.status === 200 && docs.text.length > 100_000, `/docs assets answered ${docs.status}`);
    return `${root.json?.name} ${root.json?.version}; /docs assets served from the image`;
  });

  step("frontend serves the UI (pages, static assets, /healthz)", async () => {
    const page = await request(`${web}/sign-in`);
    assert(page.status === 200 && /<html/i.test(page.text), `/sign-in answered ${page.status}`);
    const asset = page.text.match(/\/_next\/static\/[^"'\s]+\.(?:js|css)/)?.[0];
    assert(asset, "the page references no /_next/static asset");
    const res = await request(`${web}${asset}`);
    assert(res.status === 200 && res.text.length > 0, `${asset} answered ${res.status}`);
    const home = await request(`${web}/`);
    assert(home.status < 400, `/ answered ${home.status}`);
    return `/sign-in 200 with ${asset.split("/").pop()}`;
  });

  step("every container runs as a non-root user (all processes)", async () => {
    const details: string[] = [];
    for (const service of ["postgres", "backend", "mcp-server", "frontend"]) {
      const id = await containerOf(ws, service);
      const top = await docker(["top", id, "-eo", "uid,pid,comm"]);
      const rows = top.stdout
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.trim().split(/\s+/));
      const root = rows.filter((r) => r[0] === "0" || r[0] === "root");
      assert(rows.length > 0, `${service}: no process listed`);
      assert(root.length === 0, `${service}: root processes ${root.map((r) => r[2]).join(", ")}`);
      details.push(`${service} uid ${[...new Set(rows.map((r) => r[0]))].join(",")}`);
    }
    return details.join("; ");
  });

  // --- A user, through the frontend's published port only ---------------------------------------------------
  let token = "";
  let apiKey = "";
  // Requests through the frontend carry the page's Origin, as a browser's do (Better Auth refuses a
  // fetch-style request without one).
  const auth = () => ({ origin: web, authorization: `Bearer ${token}` });
  const email = `containers-${Date.now()}@example.test`;
  step("through the frontend: sign up", async () => {
    const res = await request(`${web}/api/auth/sign-up/email`, {
      headers: { origin: web },
      body: { name: "Container Test", email, password: "correct horse battery 1" },
    });
    assert(res.status === 200, `sign-up answered ${res.status} ${res.text.slice(0, 200)}`);
    token = res.headers.get("set-auth-token") ?? "";
    assert(token, "no set-auth-token header");
    assert(res.headers.get("set-cookie"), "no session cookie passed through");
    return email;
  });

  const titles = async (): Promise<string[]> => {
    const res = await request(`${web}/api/tasks?sort=created&order=asc&limit=100`, { headers: auth() });
    assert(res.status === 200, `GET /api/tasks answered ${res.status} ${res.text.slice(0, 200)}`);
    return (res.json.tasks as { title: string }[]).map((t) => t.title).sort();
  };

  step("through the frontend: create tasks over REST", async () => {
    for (const title of ["Buy milk", "Renew passport"]) {
      const res = await request(`${web}/api/tasks`, { headers: auth(), body: { title, priority: "high" } });
      assert(
        res.status === 201 && res.json?.title === title,
        `POST /api/tasks answered ${res.status} ${res.text.slice(0, 200)}`,
      );
    }
    const quick = await request(`${web}/api/tasks`, {
      headers: auth(),
      body: { text: "water plants every monday #home" },
    });
    assert(quick.status === 201, `quick add answered ${quick.status} ${quick.text.slice(0, 200)}`);
    return (await titles()).join(", ");
  });

  step('through the frontend: chat "add call mom tomorrow" creates the task', async () => {
    const res = await request(`${web}/api/chat`, {
      headers: auth(),
      body: { message: "add call mom tomorrow", timezone: "UTC" },
      timeoutMs: 60_000,
    });
    assert(res.status === 200, `POST /api/chat answered ${res.status} ${res.text.slice(0, 300)}`);
    const call = (res.json.tool_calls as { name: string }[]).find((c) => c.name === "add_task");
    assert(call, `no add_task call: ${res.text.slice(0, 300)}`);
    const list = await request(`${web}/api/tasks?q=mom`, { headers: auth() });
    const task = (list.json?.tasks as { title: string; due_at: string | null }[] | undefined)?.find((t) =>
      /call mom/i.test(t.title),
    );
    assert(task, `no "Call mom" task after the chat: ${list.text.slice(0, 300)}`);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    assert(task.due_at?.startsWith(tomorrow), `due_at ${task.due_at}, expected ${tomorrow}`);
    return `"${res.json.response}"`;
  });

  step("through the frontend: create an API key", async () => {
    const res = await request(`${web}/api/keys`, { headers: auth(), body: { name: "containers test" } });
    assert(res.status === 201 && typeof res.json?.key === "string", `POST /api/keys answered ${res.status}`);
    apiKey = res.json.key;
    return `${res.json.prefix ?? apiKey.slice(0, 10)}…`;
  });

  const mcp = async (method: string, params?: unknown, key = apiKey) =>
    request(mcpUrl, {
      headers: { accept: "application/json, text/event-stream", authorization: `Bearer ${key}` },
      body: { jsonrpc: "2.0", id: 1, method, ...(params ? { params } : {}) },
    });
  const mcpTitles = async (): Promise<string[]> => {
    const res = await mcp("tools/call", { name: "list_tasks", arguments: {} });
    assert(res.status === 200 && res.json?.result, `list_tasks answered ${res.status} ${res.text.slice(0, 200)}`);
    assert(!res.json.result.isError, `list_tasks failed: ${res.text.slice(0, 200)}`);
    const text = res.json.result.content?.[0]?.text ?? "[]";
    return (JSON.parse(text) as { title: string }[]).map((t) => t.title).sort();
  };

  step("MCP server answers an authenticated tools/list (and refuses an unauthenticated one)", async () => {
    const anonymous = await mcp("tools/list", undefined, "");
    assert(anonymous.status === 401, `without a key: ${anonymous.status}`);
    const res = await mcp("tools/list");
    assert(res.status === 200, `tools/list answered ${res.status} ${res.text.slice(0, 200)}`);
    const names = (res.json.result.tools as { name: string }[]).map((t) => t.name).sort();
    for (const name of ["add_task", "complete_task", "delete_task", "list_tasks", "update_task"]) {
      assert(names.includes(name), `missing tool ${name} in ${names.join(", ")}`);
    }
    return names.join(", ");
  });

  let expected: string[] = [];
  step("MCP list_tasks with the API key shows exactly the tasks made through the frontend", async () => {
    expected = await titles();
    const viaMcp = await mcpTitles();
    assert(expected.length === 4, `expected 4 tasks over REST, got ${expected.join(", ")}`);
    assert(
      JSON.stringify(viaMcp) === JSON.stringify(expected),
      `MCP: ${viaMcp.join(", ")}; REST: ${expected.join(", ")}`,
    );
    return `${viaMcp.length} tasks`;
  });

  // --- Persistence --------------------------------------------------------------------------------------------
  const sameTasks = async () => {
    const now = await titles();
    assert(
      JSON.stringify(now) === JSON.stringify(expected),
      `tasks now: ${now.join(", ")}; before: ${expected.join(", ")}`,
    );
    const viaMcp = await mcpTitles();
    assert(JSON.stringify(viaMcp) === JSON.stringify(expected), `MCP now: ${viaMcp.join(", ")}`);
    return `${now.length} tasks, same session and API key`;
  };

  const startedAt = async () => {
    const all = new Map<string, string>();
    for (const service of ["postgres", "backend", "mcp-server", "frontend"]) {
      all.set(
        service,
        `${await containerOf(ws, service)} ${(await containerState(await containerOf(ws, service))).StartedAt}`,
      );
    }
    return all;
  };

  step("compose restart keeps every task", async () => {
    const before = await startedAt();
    await mustCompose(ws, ["restart"], 240_000);
    await waitReady();
    const after = await startedAt();
    for (const [service, was] of before) assert(after.get(service) !== was, `${service} was not restarted`);
    return sameTasks();
  });

  step("compose down + up keeps every task (named volume)", async () => {
    const before = await startedAt();
    await mustCompose(ws, ["down", "--timeout", "30"], 240_000);
    const volumes = await docker(["volume", "ls", "-q", "--filter", `name=${ws.project}_pgdata`]);
    assert(volumes.stdout.trim(), "the pgdata volume is gone after down");
    await mustCompose(ws, ["up", "-d", "--no-build"], 300_000);
    await waitReady();
    const after = await startedAt();
    for (const [service, was] of before) {
      assert(after.get(service)?.split(" ")[0] !== was.split(" ")[0], `${service}: same container as before down`);
    }
    return sameTasks();
  });

  // --- Graceful stop of the backend with a request in flight -------------------------------------------------
  step(`docker stop of the backend: the request in flight completes, exit 0 within ${BACKEND_GRACE_S}s`, async () => {
    const backend = await containerOf(ws, "backend");
    try {
      const slow = slowPost(ports.backend, "/api/tasks", token, { title: "Written during shutdown" });
      await slow.headersSent;
      await sleep(300);
      const stop = run("docker", ["stop", "-t", String(BACKEND_GRACE_S), backend], { timeoutMs: 90_000 });
      await sleep(1000); // SIGTERM has landed; the body is still on its way
      slow.sendRest();
      const [raw, stopped] = await Promise.all([slow.response, stop]);
      assert(stopped.code === 0, `docker stop exited ${stopped.code}: ${stopped.stderr}`);
      assert(/^HTTP\/1\.1 201/.test(raw), `in-flight request got: ${raw.split("\r\n")[0] || "(nothing)"}`);
      assert(raw.includes("Written during shutdown"), "the response does not carry the created task");
      const state = await containerState(backend);
      assert(!state.Running && state.ExitCode === 0, `exit code ${state.ExitCode} (137 = killed at the deadline)`);
      assert(stopped.ms < BACKEND_GRACE_S * 1000, `stop took ${stopped.ms} ms`);
      const logsOut = await docker(["logs", "--tail", "20", backend]);
      assert(/shutting down/.test(logsOut.stdout + logsOut.stderr), "no 'shutting down' in the backend log");
      // While the backend is down, the UI's API answers a clear error instead of hanging or a blank page.
      const proxied = await request(`${web}/api/tasks`, { headers: auth() });
      assert(
        proxied.status === 503 && proxied.json?.error?.message,
        `/api/tasks through the frontend with the backend stopped: ${proxied.status} ${proxied.text.slice(0, 120)}`,
      );
      expected = [...expected, "Written during shutdown"].sort();
      return `stopped in ${(stopped.ms / 1000).toFixed(1)}s, exit 0, the 201 was delivered; meanwhile the frontend answered 503 "${proxied.json.error.message}"`;
    } finally {
      await run("docker", ["start", backend], { timeoutMs: 60_000 });
      await waitReady();
    }
  });

  // --- Postgres killed, then started again -------------------------------------------------------------------
  const before = new Map<string, { id: string; startedAt: string; restarts: number }>();
  let postgres = "";
  step("killing postgres: /ready turns 503 and the UI's API answers 503 with a clear JSON error", async () => {
    for (const service of ["backend", "mcp-server", "frontend"]) {
      const id = await containerOf(ws, service);
      const state = await containerState(id);
      before.set(service, { id, startedAt: state.StartedAt, restarts: state.RestartCount });
    }
    postgres = await containerOf(ws, "postgres");
    await docker(["kill", postgres]);
    const ready = await waitFor(
      "backend /ready 503",
      async () => {
        const res = await request(`${api}/ready`);
        return res.status === 503 ? res : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    assert(ready.json?.error?.message, `/ready body: ${ready.text}`);
    const res = await request(`${web}/api/tasks`, { headers: auth(), timeoutMs: 30_000 });
    assert(
      res.status === 503 && res.json?.error?.code === "service_unavailable",
      `GET /api/tasks through the frontend answered ${res.status} ${res.text.slice(0, 200)}`,
    );
    assert(/json/.test(res.headers.get("content-type") ?? ""), `content-type ${res.headers.get("content-type")}`);
    assert(typeof res.json?.error?.message === "string" && res.json.error.message, `body: ${res.text.slice(0, 200)}`);
    const page = await request(`${web}/tasks`, { timeoutMs: 30_000 });
    assert(page.status < 500, `the /tasks page answered ${page.status}`);
    return `/ready 503 "${ready.json.error.message}"; /api/tasks ${res.status} ${res.json.error.code}: "${res.json.error.message}"`;
  });

  step("starting postgres again recovers without restarting anything else", async () => {
    assert(postgres, "no postgres container");
    await docker(["start", postgres]);
    await waitFor(
      "backend /ready 200 after postgres is back",
      async () => ((await request(`${api}/ready`)).status === 200 ? true : undefined),
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    const result = await waitFor("tasks through the frontend after postgres is back", async () => sameTasks(), {
      timeoutMs: 30_000,
      intervalMs: 500,
    });
    for (const [service, was] of before) {
      const state = await containerState(was.id);
      assert(state.Running, `${service} is not running`);
      assert(
        state.StartedAt === was.startedAt && state.RestartCount === was.restarts,
        `${service} was restarted (started ${state.StartedAt}, restarts ${state.RestartCount})`,
      );
    }
    return `${result}; backend, mcp-server and frontend untouched`;
  });
});
