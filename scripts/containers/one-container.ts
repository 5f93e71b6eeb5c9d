// One container, no flags (issue 18, design section 16): the backend image alone is a working server.
//
// - `docker run -p 8000:8000 -p 8080:8080 -v todo:/data todo-backend`: /health, a generated secret with a
//   warning, sign up, create a task, the MCP endpoint on 8080 from the same process, `docker restart`, and the task
//   (and the session: the secret was kept in /data) are still there.
// - `docker run -p 8000:8000 -e MCP_SERVER_URL=http://mcp-server:8080 todo-backend` (the original specification's
//   check) and then `curl /health`.
// - With DATABASE_URL the secret stays mandatory: the container exits 1 naming BETTER_AUTH_SECRET.
//
// Hook: `await oneContainerChecks("todo-backend:containers-test", check)` with the suite's
// `check(name, fn)`; alone: `tsx scripts/containers/one-container.ts [image]` (default todo-backend:latest).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const exec = promisify(execFile);

export type CheckFn = (name: string, fn: () => Promise<string | undefined>) => Promise<boolean>;

async function docker(...args: string[]): Promise<string> {
  const { stdout } = await exec("docker", args, { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

async function dockerQuiet(...args: string[]): Promise<void> {
  await exec("docker", args).catch(() => undefined);
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The host port Docker picked for a container port published as 127.0.0.1::port. */
async function hostPort(container: string, port: number): Promise<number> {
  const out = await docker("port", container, `${port}/tcp`);
  const match = /:(\d+)\s*$/m.exec(out.split("\n")[0] ?? "");
  assert(match, `no host port for ${port}: ${out}`);
  return Number(match[1]);
}

async function waitForHealth(base: string, container: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(3_000) }).catch(() => undefined);
    if (res?.ok) return;
    const state = await docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", container).catch(() => "");
    if (state.startsWith("exited")) {
      throw new Error(`the container exited (${state}): ${(await containerLogs(container)).slice(-800)}`);
    }
    if (Date.now() > deadline) throw new Error(`${base}/health did not answer within ${timeoutMs / 1000}s`);
    await sleep(500);
  }
}

async function containerLogs(container: string): Promise<string> {
  const { stdout, stderr } = await exec("docker", ["logs", container]).catch(
    (e) => e as { stdout: string; stderr: string },
  );
  return `${stdout ?? ""}${stderr ?? ""}`;
}

async function api(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      // Node's fetch sends Sec-Fetch-Mode, so Better Auth wants an allowed Origin: the image's default one.
      origin: "http://localhost:8000",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: an answer checked field by field below
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export async function oneContainerChecks(image: string, check: CheckFn): Promise<void> {
  const suffix = randomBytes(4).toString("hex");
  const embedded = `todo-one-${suffix}`;
  const plain = `todo-one-plain-${suffix}`;
  const postgres = `todo-one-pg-${suffix}`;
  const volume = `todo-one-data-${suffix}`;
  try {
    let base = "";
    let token = "";
    const title = `Survives a restart ${suffix}`;
    await check("one container: embedded server with a /data volume, no other flags", async () => {
      await docker(
        "run",
        "-d",
        "--name",
        embedded,
        "-p",
        "127.0.0.1::8000",
        "-p",
        "127.0.0.1::8080",
        "-v",
        `${volume}:/data`,
        image,
      );
      base = `http://127.0.0.1:${await hostPort(embedded, 8000)}`;
      await waitForHealth(base, embedded);
      const logs = await containerLogs(embedded);
      assert(/BETTER_AUTH_SECRET is not set.*\/data\/auth-secret/.test(logs), "no warning about the generated secret");
      assert(/"database":"pglite"/.test(logs), "not on the embedded database");
      const email = `one-${suffix}@example.test`;
      const signUp = await api(base, "POST", "/api/auth/sign-up/email", {
        name: "One",
        email,
        password: "correct horse battery",
      });
      assert(signUp.status === 200, `sign-up: ${signUp.status} ${signUp.text}`);
      token = signUp.headers.get("set-auth-token") ?? "";
      assert(token, "no set-auth-token");
      const created = await api(base, "POST", "/api/tasks", { title }, token);
      assert(created.status === 201, `create: ${created.status} ${created.text}`);
      const mcp = await fetch(`http://127.0.0.1:${await hostPort(embedded, 8080)}/mcp`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
      // Served by the same process: it wants an API key (401), it is not "connection refused".
      assert(mcp.status === 401, `MCP on 8080 answered ${mcp.status}`);
      return `${base}, MCP on 8080 answers 401 without a key`;
    });

    await check("one container: the task and the session survive docker restart (secret kept in /data)", async () => {
      assert(token, "no session from the previous check");
      await docker("restart", "-t", "20", embedded);
      base = `http://127.0.0.1:${await hostPort(embedded, 8000)}`;
      await waitForHealth(base, embedded);
      const list = await api(base, "GET", "/api/tasks", undefined, token);
      assert(list.status === 200, `list after restart: ${list.status} ${list.text}`);
      const titles = (list.json?.tasks ?? []).map((t: { title: string }) => t.title);
      assert(titles.includes(title), `the task is gone after restart: ${JSON.stringify(titles)}`);
      const logs = await containerLogs(embedded);
      assert((logs.match(/auth-secret/g) ?? []).length >= 2, "the second start did not reuse /data/auth-secret");
      return undefined;
    });

    await check(
      "one container: docker run -e MCP_SERVER_URL=http://mcp-server:8080 todo-backend, then /health",
      async () => {
        await docker(
          "run",
          "-d",
          "--name",
          plain,
          "-p",
          "127.0.0.1::8000",
          "-e",
          "MCP_SERVER_URL=http://mcp-server:8080",
          image,
        );
        const url = `http://127.0.0.1:${await hostPort(plain, 8000)}`;
        await waitForHealth(url, plain);
        return url;
      },
    );

    await check("one container: with DATABASE_URL, BETTER_AUTH_SECRET stays mandatory", async () => {
      // In the foreground, bounded: a container that starts serving instead of exiting fails the check.
      await exec("docker", ["run", "--name", postgres, "-e", "DATABASE_URL=postgres://todo@127.0.0.1:1/todo", image], {
        timeout: 60_000,
      }).then(
        () => {
          throw new Error("the container ran without a secret");
        },
        () => undefined,
      );
      const code = await docker("inspect", "-f", "{{.State.ExitCode}}", postgres);
      const logs = await containerLogs(postgres);
      assert(code === "1", `exit code ${code}`);
      assert(logs.includes("BETTER_AUTH_SECRET"), `no BETTER_AUTH_SECRET in: ${logs.slice(-400)}`);
      return undefined;
    });
  } finally {
    await dockerQuiet("rm", "-f", embedded, plain, postgres);
    await dockerQuiet("volume", "rm", "-f", volume);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const image = process.argv[2] ?? "todo-backend:latest";
  // Pending fetches and child processes alone do not keep Node alive across a top-level await (exit 13).
  const keepAlive = setInterval(() => {}, 60_000);
  let failed = 0;
  await oneContainerChecks(image, async (name, fn) => {
    try {
      const detail = await fn();
      console.log(`  ✓ ${name}${detail ? ` — ${detail}` : ""}`);
      return true;
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${name} — ${(error as Error).message}`);
      return false;
    }
  });
  clearInterval(keepAlive);
  process.exit(failed === 0 ? 0 : 1);
}
