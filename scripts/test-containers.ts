// Container acceptance test (issue 6): `npm run test:containers` (tsx scripts/test-containers.ts).
//
// 1. Docker: scripts/docker/ensure-docker.sh (installs/starts the engine), build-base-images.sh (air-gapped
//    stand-ins of node:26-slim and postgres:17; skipped when present).
// 2. Images, built with BuildKit from a snapshot of the working tree (git ls-files, tracked + untracked,
//    .gitignore honoured) in a temporary directory: each image from a clean layer cache (--no-cache, and the
//    Next.js build-cache mount emptied), then again after a one-line source change in the snapshot (the
//    repository is never modified). Sizes above the base image, user, secrets in history/inspect.
// 3. The compose stack (temporary project name, generated .env with fresh secrets, free host ports on
//    127.0.0.1): health endpoints, non-root processes, a user journey through the frontend's port only (sign
//    up, REST, chat "add call mom tomorrow", API key) checked against the MCP endpoint, persistence across
//    `compose restart` and `down` + `up`, `docker stop` of the backend with a request in flight, and a killed
//    then restarted Postgres. Everything is torn down at the end (down -v, images, temporary files).
//
// Prints the image table and "N passed, N failed"; exits 1 on any failure. Network: 127.0.0.1 and the
// containers only (the image builds use the npm download cache, or the registry when it is cold).
// Env: CONTAINERS_TEST_COLD=1 also empties the npm download cache mount before the clean builds;
//      CONTAINERS_TEST_KEEP=1 leaves the stack, images and temporary files in place for debugging;
//      CONTAINERS_TEST_REUSE=1 skips the builds and uses the todo-*:containers-test images a KEEP run left.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const DOCKER_SCRIPTS = join(ROOT, "scripts", "docker");
const TAG = "containers-test";
const BASE_IMAGE = "node:26-slim";
const SERVICES = ["backend", "mcp-server", "frontend"] as const;
type Service = (typeof SERVICES)[number];
const KEEP = process.env.CONTAINERS_TEST_KEEP === "1";
const COLD = process.env.CONTAINERS_TEST_COLD === "1";
const REUSE = process.env.CONTAINERS_TEST_REUSE === "1";

// Limits from the issue.
const MB = 1_000_000;
const LIMIT_CLEAN_BUILD_MS = 5 * 60_000;
const LIMIT_REBUILD_MS = 60_000;
const LIMIT_ABOVE_BASE = 60 * MB;
const LIMIT_TOTAL = 500 * MB;
const BACKEND_GRACE_S = 20; // stop_grace_period of the backend in docker-compose.yml

// A one-line change per image, in a file that image is built from.
const PROBE_FILES: Record<Service, string> = {
  backend: "backend/src/config.ts",
  "mcp-server": "mcp-server/src/config.ts",
  frontend: "frontend/src/lib/utils.ts",
};

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s`;
const log = (message: string) => console.log(`[${elapsed()}] ${message}`);

// ---------------------------------------------------------------------------------------------------------------
// Checks

let passed = 0;
let failed = 0;
const failures: string[] = [];

function record(name: string, ok: boolean, detail = "") {
  if (ok) passed++;
  else {
    failed++;
    failures.push(`${name}: ${detail}`);
  }
  console.log(`[${elapsed()}]   ${ok ? "✓" : "✗"} ${name}${detail ? ` — ${detail}` : ""}`);
}

async function check(name: string, fn: () => Promise<string | undefined>): Promise<boolean> {
  try {
    record(name, true, (await fn()) ?? "");
    return true;
  } catch (error) {
    record(name, false, (error as Error).message);
    return false;
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000}s${last ? ` (${last})` : ""}`);
    await sleep(500);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Processes

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Also append everything to this file. */
  logFile?: string;
}

const children = new Set<ChildProcess>();

function killGroup(child: ChildProcess) {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

function run(cmd: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // own process group, so a timeout can stop the whole command
    });
    children.add(child);
    let stdout = "";
    let stderr = "";
    const tee = (chunk: Buffer) => {
      if (options.logFile) appendFileSync(options.logFile, chunk);
    };
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d;
      tee(d);
    });
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d;
      tee(d);
    });
    const timer = options.timeoutMs
      ? setTimeout(() => {
          stderr += `\n(timed out after ${options.timeoutMs} ms)`;
          killGroup(child);
        }, options.timeoutMs)
      : undefined;
    child.on("error", (error) => {
      stderr += String(error);
    });
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      children.delete(child);
      resolve({ code, stdout, stderr, ms: Date.now() - start });
    });
  });
}

const tail = (text: string, lines = 25) => text.trimEnd().split("\n").slice(-lines).join("\n");

async function must(cmd: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await run(cmd, args, options);
  if (result.code !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${result.code}:\n${tail(result.stderr || result.stdout, 15)}`);
  }
  return result;
}

const docker = (args: string[], timeoutMs = 60_000) => must("docker", args, { timeoutMs });

/** The Docker Engine API over its Unix socket (for what the CLI does not print as JSON). */
function dockerApi<T>(path: string): Promise<T> {
  const host = process.env.DOCKER_HOST ?? "unix:///var/run/docker.sock";
  if (!host.startsWith("unix://")) return Promise.reject(new Error(`DOCKER_HOST ${host} is not a Unix socket`));
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath: host.slice("unix://".length), path }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => {
        try {
          resolve(JSON.parse(body) as T);
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on("error", reject);
  });
}

interface ImageInspect {
  Id: string;
  Size: number;
  Config: {
    User?: string;
    Env?: string[];
    Cmd?: string[];
    ExposedPorts?: Record<string, unknown>;
    Healthcheck?: { Test?: string[] };
  };
  RootFS: { Layers?: string[] };
}

async function inspectImage(ref: string): Promise<ImageInspect> {
  const out = await docker(["image", "inspect", ref]);
  const parsed = JSON.parse(out.stdout) as ImageInspect[];
  assert(parsed[0], `no image ${ref}`);
  return parsed[0];
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies of many shapes
  json: any;
}

async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  const res = await fetch(url, {
    method: init.method ?? (body ? "POST" : "GET"),
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** true when the URL answers 200 (a probe for waitFor: short timeout, undefined otherwise). */
async function answers200(url: string): Promise<true | undefined> {
  return (await request(url, { timeoutMs: 5000 })).status === 200 ? true : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** POST whose body is held back until sendRest(): the request is in flight while the server is told to stop. */
function slowPost(port: number, path: string, token: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const socket = net.connect(port, "127.0.0.1");
  let data = "";
  const response = new Promise<string>((resolve, reject) => {
    socket.on("data", (d) => (data += d));
    socket.on("end", () => resolve(data));
    socket.on("close", () => resolve(data));
    socket.on("error", reject);
    socket.setTimeout(60_000, () => {
      socket.destroy();
      reject(new Error("no response within 60s"));
    });
  });
  const headersSent = new Promise<void>((resolve) =>
    socket.on("connect", () =>
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n` +
          body.slice(0, 5),
        () => resolve(),
      ),
    ),
  );
  return { headersSent, sendRest: () => socket.write(body.slice(5)), response };
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets

function secretFindings(text: string, knownSecrets: string[]): string[] {
  const found: string[] = [];
  for (const secret of knownSecrets) if (secret && text.includes(secret)) found.push("a secret value of this test");
  const patterns: [string, RegExp][] = [
    ["private key", /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
    ["OpenAI-style key", /\bsk-[A-Za-z0-9_-]{16,}/],
    ["todo-app API key", /\btdo_[A-Za-z0-9_-]{16,}/],
    ["npm token", /\bnpm_[A-Za-z0-9]{30,}|_authToken\s*=\s*\S+/],
    ["GitHub token", /\bgh[pousr]_[A-Za-z0-9]{30,}/],
    ["AWS key", /\bAKIA[0-9A-Z]{16}\b/],
    ["password in a URL", /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']+:[^\s@"'/]+@/i],
    // NAME=value where the name says secret and the value is not empty.
    [
      "secret variable with a value",
      /\b[A-Z0-9_]*(PASSWORD|SECRET|TOKEN|API_KEY|APIKEY|PRIVATE_KEY)[A-Z0-9_]*=[^\s"',\]}]+/,
    ],
  ];
  for (const [name, pattern] of patterns) {
    const match = text.match(pattern);
    if (match) found.push(`${name} (${match[0].slice(0, 24)}…)`);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Set-up: temporary snapshot, environment

const work = mkdtempSync(join(tmpdir(), "todo-containers-test-"));
const snapshot = join(work, "repo");
const logs = join(work, "logs");
mkdirSync(logs);
const project = `todoct${randomBytes(3).toString("hex")}`;
const envFile = join(work, "compose.env");
const secrets = {
  postgresPassword: randomBytes(24).toString("hex"),
  authSecret: randomBytes(32).toString("base64"),
};
let stackUp = false;

/** Copies tracked and untracked (not ignored) files: the working tree as a build context, without node_modules. */
async function snapshotWorkingTree() {
  const list = await must("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT });
  const files = list.stdout.split("\0").filter(Boolean);
  let copied = 0;
  for (const file of files) {
    const from = join(ROOT, file);
    if (!existsSync(from)) continue; // deleted but not yet staged
    mkdirSync(dirname(join(snapshot, file)), { recursive: true });
    copyFileSync(from, join(snapshot, file));
    copied++;
  }
  return copied;
}

// Compose: only what the test sets reaches interpolation (a developer's POSTGRES_PASSWORD must not leak in).
const composeEnv: NodeJS.ProcessEnv = {};
for (const key of [
  "PATH",
  "HOME",
  "USER",
  "LANG",
  "TMPDIR",
  "DOCKER_HOST",
  "DOCKER_CONFIG",
  "DOCKER_CERT_PATH",
  "DOCKER_TLS_VERIFY",
]) {
  if (process.env[key]) composeEnv[key] = process.env[key];
}

function compose(args: string[], timeoutMs = 180_000) {
  return run(
    "bash",
    [
      join(DOCKER_SCRIPTS, "compose.sh"),
      "-p",
      project,
      "--env-file",
      envFile,
      "-f",
      join(snapshot, "docker-compose.yml"),
      ...args,
    ],
    { env: composeEnv, timeoutMs, logFile: join(logs, "compose.log") },
  );
}

async function mustCompose(args: string[], timeoutMs?: number) {
  const result = await compose(args, timeoutMs);
  if (result.code !== 0)
    throw new Error(`compose ${args.join(" ")} exited ${result.code}:\n${tail(result.stderr, 15)}`);
  return result;
}

async function containerOf(service: string): Promise<string> {
  const out = await mustCompose(["ps", "-q", service], 60_000);
  const id = out.stdout.trim().split("\n")[0];
  assert(id, `no container for ${service}`);
  return id;
}

interface ContainerState {
  Status: string;
  Running: boolean;
  ExitCode: number;
  StartedAt: string;
  Health?: { Status: string };
}

async function containerState(id: string): Promise<ContainerState & { RestartCount: number }> {
  const out = await docker(["inspect", "--format", "{{json .State}}|{{.RestartCount}}", id]);
  const [state, restarts] = out.stdout.trim().split("|");
  return { ...(JSON.parse(state ?? "{}") as ContainerState), RestartCount: Number(restarts) };
}

let teardownDone = false;
async function teardown() {
  if (teardownDone) return;
  teardownDone = true;
  for (const child of children) killGroup(child);
  if (KEEP) {
    log(`CONTAINERS_TEST_KEEP=1: left project ${project}, images :${TAG} and ${work}`);
    return;
  }
  log("tearing down");
  if (stackUp || existsSync(envFile)) {
    const down = await compose(["down", "-v", "--remove-orphans", "--timeout", "10"], 120_000);
    if (down.code !== 0) console.error(`compose down failed:\n${tail(down.stderr, 10)}`);
  }
  for (const service of SERVICES) await run("docker", ["image", "rm", `todo-${service}:${TAG}`], { timeoutMs: 60_000 });
  rmSync(snapshot, { recursive: true, force: true });
  if (failed === 0) rmSync(work, { recursive: true, force: true });
  else log(`build and compose logs kept in ${logs}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping`);
    void teardown().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Docker and base images

interface ImageReport {
  service: Service;
  built: boolean;
  cleanMs?: number;
  rebuildMs?: number;
  size?: number;
  aboveBase?: number;
  buildError?: string;
}

const reports = new Map<Service, ImageReport>(SERVICES.map((s) => [s, { service: s, built: false }]));

async function prepareDocker(): Promise<boolean> {
  log("ensuring Docker (scripts/docker/ensure-docker.sh)");
  const ok = await check("Docker engine and compose available", async () => {
    const res = await must("bash", [join(DOCKER_SCRIPTS, "ensure-docker.sh")], { timeoutMs: 600_000 });
    return tail(res.stderr, 1).replace(/^==> /, "");
  });
  if (!ok) return false;
  log("base images (scripts/docker/build-base-images.sh; skips the ones present)");
  return check(`base images ${BASE_IMAGE} and postgres:17 present`, async () => {
    const res = await must("bash", [join(DOCKER_SCRIPTS, "build-base-images.sh")], {
      timeoutMs: 1_200_000,
      logFile: join(logs, "base-images.log"),
    });
    await inspectImage(BASE_IMAGE);
    await inspectImage("postgres:17");
    return tail(res.stderr, 1).replace(/^==> /, "");
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Images

async function buildImage(service: Service, phase: "clean" | "rebuild") {
  const logFile = join(logs, `build-${service}-${phase}.log`);
  const args = [
    join(DOCKER_SCRIPTS, "docker-build.sh"),
    "--progress=plain",
    ...(phase === "clean" ? ["--no-cache"] : []),
    "--build-arg",
    `NODE_IMAGE=${BASE_IMAGE}`,
    "-f",
    `${service}/Dockerfile`,
    "-t",
    `todo-${service}:${TAG}`,
    ".",
  ];
  return run("bash", args, { cwd: snapshot, timeoutMs: 15 * 60_000, logFile });
}

interface BuildCacheRecord {
  ID: string;
  Type: string;
  Description: string;
  InUse: boolean;
}

/** Empties BuildKit cache mounts: always Next.js's build cache; with CONTAINERS_TEST_COLD=1 every one (npm too). */
async function emptyCacheMounts() {
  const df = await dockerApi<{ BuildCache?: BuildCacheRecord[] }>("/system/df");
  const mounts = (df.BuildCache ?? []).filter(
    (c) => c.Type === "exec.cachemount" && (COLD || c.Description.includes("/.next/cache")),
  );
  for (const mount of mounts) await run("docker", ["builder", "prune", "-f", "--filter", `id=${mount.ID}`]);
  return mounts.length;
}

async function buildImages() {
  if (REUSE) {
    log(`CONTAINERS_TEST_REUSE=1: using the existing todo-*:${TAG} images, no build timings`);
    for (const report of reports.values()) report.built = true;
    return;
  }
  const emptied = await emptyCacheMounts();
  log(
    `clean builds (--no-cache; ${emptied} build-cache mount(s) emptied${COLD ? ", npm cache included" : ", npm download cache kept"})`,
  );
  for (const service of SERVICES) {
    const report = reports.get(service) as ImageReport;
    log(`building todo-${service} from a clean cache`);
    const res = await buildImage(service, "clean");
    report.cleanMs = res.ms;
    if (res.code !== 0) {
      report.buildError = tail(res.stdout + res.stderr, 30);
      record(
        `todo-${service} builds`,
        false,
        `build failed after ${(res.ms / 1000).toFixed(0)}s (log: ${join(logs, `build-${service}-clean.log`)}):\n${report.buildError}`,
      );
      continue;
    }
    report.built = true;
    record(
      `todo-${service} builds from a clean cache in under 5 min`,
      res.ms < LIMIT_CLEAN_BUILD_MS,
      `${(res.ms / 1000).toFixed(1)}s`,
    );
  }

  for (const service of SERVICES) {
    const report = reports.get(service) as ImageReport;
    if (!report.built) continue;
    const file = join(snapshot, PROBE_FILES[service]);
    appendFileSync(file, `// containers test: one-line change ${Date.now()}\n`);
    log(`rebuilding todo-${service} after a one-line change in ${PROBE_FILES[service]} (snapshot only)`);
    const res = await buildImage(service, "rebuild");
    report.rebuildMs = res.ms;
    if (res.code !== 0) {
      report.built = false;
      record(`todo-${service} rebuilds`, false, `failed:\n${tail(res.stdout + res.stderr, 30)}`);
      continue;
    }
    record(
      `todo-${service} rebuilds after a one-line change in under 60 s`,
      res.ms < LIMIT_REBUILD_MS,
      `${(res.ms / 1000).toFixed(1)}s`,
    );
  }
}

async function checkImages() {
  const base = await inspectImage(BASE_IMAGE);
  const baseLayers = base.RootFS.Layers ?? [];
  for (const service of SERVICES) {
    const report = reports.get(service) as ImageReport;
    if (!report.built) continue;
    const ref = `todo-${service}:${TAG}`;
    const image = await inspectImage(ref);
    await check(`${ref}: built on ${BASE_IMAGE}, under 60 MB above it and 500 MB in all`, async () => {
      const layers = image.RootFS.Layers ?? [];
      assert(
        baseLayers.every((layer, i) => layers[i] === layer),
        `its first layers are not those of ${BASE_IMAGE}`,
      );
      report.size = image.Size;
      report.aboveBase = image.Size - base.Size;
      const detail = `+${(report.aboveBase / MB).toFixed(1)} MB in ${layers.length - baseLayers.length} layers, ${(image.Size / MB).toFixed(1)} MB total`;
      assert(report.aboveBase < LIMIT_ABOVE_BASE, `${detail}: over 60 MB above the base`);
      assert(image.Size < LIMIT_TOTAL, `${detail}: over 500 MB`);
      return detail;
    });
    await check(`${ref}: runs as a non-root user`, async () => {
      const user = image.Config.User ?? "";
      assert(user && !/^(0|root)(:|$)/.test(user), `USER is "${user || "(unset: root)"}"`);
      const id = await docker(["run", "--rm", "--network", "none", "--entrypoint", "id", ref, "-u"]);
      assert(id.stdout.trim() !== "0", "id -u in the container printed 0");
      return `USER ${user}, id -u ${id.stdout.trim()}`;
    });
    await check(`${ref}: EXPOSE, HEALTHCHECK and an exec-form CMD`, async () => {
      const port = { backend: "8000/tcp", "mcp-server": "8080/tcp", frontend: "3000/tcp" }[service];
      assert(image.Config.ExposedPorts?.[port], `does not expose ${port}`);
      const test = image.Config.Healthcheck?.Test ?? [];
      assert(test[0] === "CMD" || test[0] === "CMD-SHELL", "no HEALTHCHECK");
      const cmd = image.Config.Cmd ?? [];
      assert(cmd[0] === "node" && !cmd.includes("/bin/sh"), `CMD ${JSON.stringify(cmd)}`);
      return `${port}, CMD ${JSON.stringify(cmd)}`;
    });
    await check(`${ref}: no secret in docker history or docker inspect`, async () => {
      const history = await docker(["history", "--no-trunc", "--format", "{{.CreatedBy}}", ref]);
      const inspect = await docker(["image", "inspect", ref]);
      const found = [
        ...secretFindings(history.stdout, Object.values(secrets)).map((f) => `history: ${f}`),
        ...secretFindings(inspect.stdout, Object.values(secrets)).map((f) => `inspect: ${f}`),
      ];
      assert(found.length === 0, found.join("; "));
      return `${history.stdout.trim().split("\n").length} history entries scanned`;
    });
    await check(`${ref}: no .env, .npmrc, key or certificate file in /app`, async () => {
      const find = await docker([
        "run",
        "--rm",
        "--network",
        "none",
        "--entrypoint",
        "find",
        ref,
        "/app",
        "(",
        "-name",
        ".env*",
        "-o",
        "-name",
        ".npmrc",
        "-o",
        "-name",
        "*.pem",
        "-o",
        "-name",
        "*.key",
        ")",
      ]);
      assert(find.stdout.trim() === "", `found ${find.stdout.trim().split("\n").join(", ")}`);
      return undefined;
    });
  }
}

function printTable() {
  const rows = [
    ["image", "base", "above base", "total", "clean build", "rebuild (1-line change)"],
    ...SERVICES.map((service) => {
      const r = reports.get(service) as ImageReport;
      const mb = (n?: number) => (n === undefined ? "—" : `${(n / MB).toFixed(1)} MB`);
      const s = (ms?: number) => (ms === undefined ? "—" : `${(ms / 1000).toFixed(1)} s`);
      return [
        `todo-${service}`,
        BASE_IMAGE,
        mb(r.aboveBase),
        mb(r.size),
        r.buildError ? "FAILED" : s(r.cleanMs),
        s(r.rebuildMs),
      ];
    }),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log("");
  console.log(line(rows[0] ?? []));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(
    `limits: clean build < 5 min, rebuild < 60 s, above base < 60 MB, total < 500 MB. "above base" is what ` +
      `the project adds; the ${BASE_IMAGE} layers are shared by the three images.`,
  );
  console.log("");
}

// ---------------------------------------------------------------------------------------------------------------
// 3. The compose stack

interface Ports {
  frontend: number;
  backend: number;
  mcp: number;
}

async function writeEnv(ports: Ports) {
  const env = {
    POSTGRES_PASSWORD: secrets.postgresPassword,
    BETTER_AUTH_SECRET: secrets.authSecret,
    POSTGRES_USER: "todo",
    POSTGRES_DB: "todo",
    PUBLIC_URL: `http://127.0.0.1:${ports.frontend}`,
    PUBLISH_ADDRESS: "127.0.0.1",
    FRONTEND_PORT: String(ports.frontend),
    BACKEND_PORT: String(ports.backend),
    MCP_PORT: String(ports.mcp),
    MCP_ALLOWED_ORIGINS: "",
    OPENAI_API_KEY: "",
    OPENAI_MODEL: "gpt-4o-mini",
    OPENAI_BASE_URL: "https://api.openai.com/v1",
    LOG_LEVEL: "info",
    IMAGE_TAG: TAG,
    NODE_IMAGE: BASE_IMAGE,
  };
  writeFileSync(
    envFile,
    `${Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n")}\n`,
    { mode: 0o600 },
  );
}

async function stackChecks() {
  const ports: Ports = { frontend: await freePort(), backend: await freePort(), mcp: await freePort() };
  const web = `http://127.0.0.1:${ports.frontend}`;
  const api = `http://127.0.0.1:${ports.backend}`;
  const mcpUrl = `http://127.0.0.1:${ports.mcp}/mcp`;
  await writeEnv(ports);

  const waitReady = (timeoutMs = 120_000) =>
    Promise.all([
      waitFor("backend /ready 200", timeoutMs, () => answers200(`${api}/ready`)),
      waitFor("mcp-server /health 200", timeoutMs, () => answers200(`http://127.0.0.1:${ports.mcp}/health`)),
      waitFor("frontend /healthz 200", timeoutMs, () => answers200(`${web}/healthz`)),
    ]);

  log(
    `starting the stack: project ${project}, frontend :${ports.frontend}, backend :${ports.backend}, mcp :${ports.mcp}`,
  );
  const up = await check("compose up: postgres, backend, mcp-server and frontend start and turn healthy", async () => {
    stackUp = true;
    const res = await mustCompose(["up", "-d", "--no-build"], 300_000);
    await waitReady();
    return `${(res.ms / 1000).toFixed(0)}s`;
  });
  if (!up) {
    const out = await compose(["logs", "--no-color", "--tail", "40"], 60_000);
    console.log(tail(out.stdout, 80));
    return;
  }

  // --- Operations endpoints and users ----------------------------------------------------------------------
  await check("backend answers / and /health, /ready is 200", async () => {
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

  await check("frontend serves the UI (pages, static assets, /healthz)", async () => {
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

  await check("every container runs as a non-root user (all processes)", async () => {
    const details: string[] = [];
    for (const service of ["postgres", "backend", "mcp-server", "frontend"]) {
      const id = await containerOf(service);
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
  await check("through the frontend: sign up", async () => {
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

  await check("through the frontend: create tasks over REST", async () => {
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

  await check('through the frontend: chat "add call mom tomorrow" creates the task', async () => {
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

  await check("through the frontend: create an API key", async () => {
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

  await check("MCP server answers an authenticated tools/list (and refuses an unauthenticated one)", async () => {
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
  await check("MCP list_tasks with the API key shows exactly the tasks made through the frontend", async () => {
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
      all.set(service, `${await containerOf(service)} ${(await containerState(await containerOf(service))).StartedAt}`);
    }
    return all;
  };

  await check("compose restart keeps every task", async () => {
    const before = await startedAt();
    await mustCompose(["restart"], 240_000);
    await waitReady();
    const after = await startedAt();
    for (const [service, was] of before) assert(after.get(service) !== was, `${service} was not restarted`);
    return sameTasks();
  });

  await check("compose down + up keeps every task (named volume)", async () => {
    const before = await startedAt();
    await mustCompose(["down", "--timeout", "30"], 240_000);
    const volumes = await docker(["volume", "ls", "-q", "--filter", `name=${project}_pgdata`]);
    assert(volumes.stdout.trim(), "the pgdata volume is gone after down");
    await mustCompose(["up", "-d", "--no-build"], 300_000);
    await waitReady();
    const after = await startedAt();
    for (const [service, was] of before) {
      assert(after.get(service)?.split(" ")[0] !== was.split(" ")[0], `${service}: same container as before down`);
    }
    return sameTasks();
  });

  // --- Graceful stop of the backend with a request in flight -------------------------------------------------
  await check(
    `docker stop of the backend: the request in flight completes, exit 0 within ${BACKEND_GRACE_S}s`,
    async () => {
      const backend = await containerOf("backend");
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
    },
  );

  // --- Postgres killed, then started again -------------------------------------------------------------------
  const before = new Map<string, { id: string; startedAt: string; restarts: number }>();
  let postgres = "";
  await check("killing postgres: /ready turns 503 and the UI's API answers 503 with a clear JSON error", async () => {
    for (const service of ["backend", "mcp-server", "frontend"]) {
      const id = await containerOf(service);
      const state = await containerState(id);
      before.set(service, { id, startedAt: state.StartedAt, restarts: state.RestartCount });
    }
    postgres = await containerOf("postgres");
    await docker(["kill", postgres]);
    const ready = await waitFor("backend /ready 503", 30_000, async () => {
      const res = await request(`${api}/ready`);
      return res.status === 503 ? res : undefined;
    });
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

  await check("starting postgres again recovers without restarting anything else", async () => {
    assert(postgres, "no postgres container");
    await docker(["start", postgres]);
    await waitFor("backend /ready 200 after postgres is back", 90_000, async () =>
      (await request(`${api}/ready`)).status === 200 ? true : undefined,
    );
    const result = await waitFor("tasks through the frontend after postgres is back", 30_000, async () => sameTasks());
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
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  log(`containers test: snapshot of ${ROOT} in ${work}`);
  const copied = await snapshotWorkingTree();
  log(`snapshot: ${copied} files (tracked and untracked, .gitignore honoured)`);

  if (await prepareDocker()) {
    await buildImages();
    await checkImages();
    printTable();
    const missing = SERVICES.filter((s) => !reports.get(s)?.built);
    if (missing.length > 0) {
      record(
        "compose stack checks",
        false,
        `skipped: ${missing.map((s) => `todo-${s}`).join(", ")} did not build (see above)`,
      );
    } else {
      await stackChecks();
    }
  }
}

// fetch's timeouts (AbortSignal.timeout) and idle sockets do not hold the event loop open: without this, a
// request waiting on a container that is still starting can let Node exit mid-run (code 13).
const keepAlive = setInterval(() => {}, 60_000);
let exitCode = 1;
try {
  await main();
} catch (error) {
  record("test run", false, (error as Error).stack ?? String(error));
} finally {
  try {
    await teardown();
  } catch (error) {
    record("teardown", false, (error as Error).message);
  }
  if (failures.length > 0) {
    console.log("\nFailures:");
    for (const failure of failures) console.log(`  - ${failure.split("\n")[0]}`);
  }
  console.log(`\n${passed} passed, ${failed} failed (${((Date.now() - started) / 60_000).toFixed(1)} min)`);
  exitCode = failed === 0 ? 0 : 1;
  clearInterval(keepAlive);
}
process.exit(exitCode);
