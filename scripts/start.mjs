#!/usr/bin/env node
// `npm start`: builds what is out of date, then runs the whole app from built output. Without DATABASE_URL the
// backend process also serves the MCP endpoint (one embedded PGlite database, one process); the Next.js server
// runs beside it. Ports: PORT (backend, 8000), MCP_PORT (8080), FRONTEND_PORT (3000).
//
// Build (issue 18.7): skipped when a stamp of the sources (newest mtime and file count over every workspace's
// sources, configs and package-lock.json) matches the one written after the last successful build and the outputs
// exist. START_BUILD=always forces it, START_BUILD=never skips it; `--build-only` builds when needed and exits.
// Next.js telemetry is off for build and run.
//
// Supervision (issue 18.6): a service that crashes is restarted after a backoff (START_RESTART_DELAY_MS, 1 s,
// doubling up to 30 s; back to the start once it has run for a minute) while the others keep running, so the
// browser gets the frontend's "backend unreachable" page meanwhile. A service whose first run exits by itself with
// an error within 10 s (a bad setting, a port in use) stops everything, as it would never come up. SIGINT/SIGTERM stop all.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const backendPort = env.PORT ?? "8000";
const mcpPort = env.MCP_PORT ?? "8080";
const frontendPort = env.FRONTEND_PORT ?? "3000";
const host = env.HOST ?? "0.0.0.0";
const firstDelayMs = Number(env.START_RESTART_DELAY_MS ?? 1000);
const MAX_DELAY_MS = 30_000;
const STABLE_MS = 60_000;
const EARLY_EXIT_MS = 10_000;

// ---- build only when the sources changed ----

const WORKSPACES = ["packages", "backend", "mcp-server", "frontend"];
const ROOT_FILES = ["package.json", "package-lock.json", "tsconfig.base.json", "tsconfig.json", "tsup.service.ts"];
const SKIP_DIRS = new Set(["node_modules", "dist", ".next", "data", "coverage", ".turbo"]);
const OUTPUTS = [
  "backend/dist/index.js",
  "mcp-server/dist/index.js",
  "frontend/.next/standalone/frontend/server.js",
  "frontend/.next/BUILD_ID",
];
const STAMP = join(root, "node_modules", ".cache", "todo-app", "start-build.json");

/** Newest mtime and count of the files a build reads (tests excluded); a bounded walk of the source tree. */
function sourceStamp(base = root) {
  let newest = 0;
  let files = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (!SKIP_DIRS.has(entry)) visit(join(path, entry));
      return;
    }
    if (/\.test\.tsx?$/.test(path) || path.endsWith(".tsbuildinfo")) return;
    files += 1;
    newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of WORKSPACES) visit(join(base, dir));
  for (const file of ROOT_FILES) visit(join(base, file));
  return { newest, files, node: process.version };
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return undefined;
  }
}

function buildIfNeeded() {
  const mode = env.START_BUILD ?? "auto";
  if (mode === "never") return;
  const stamp = sourceStamp();
  const previous = readStamp();
  const outputsThere = OUTPUTS.every((output) => existsSync(join(root, output)));
  const current =
    outputsThere &&
    previous?.newest === stamp.newest &&
    previous?.files === stamp.files &&
    previous?.node === stamp.node;
  if (mode !== "always" && current) {
    console.log("[start] build is up to date (sources unchanged since the last build); skipping it");
    return;
  }
  console.log(
    `[start] building every workspace (${previous ? "sources changed" : "first start"}); the first build takes ` +
      "about 1-2 minutes, later starts skip it while the sources are unchanged",
  );
  const started = Date.now();
  const result = spawnSync("npm", ["run", "build"], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[start] the build failed (exit ${result.status ?? result.signal}); nothing was started`);
    process.exit(result.status || 1);
  }
  mkdirSync(dirname(STAMP), { recursive: true });
  // Taken before the build ran: a source edited during the build makes the next start build again.
  writeFileSync(STAMP, `${JSON.stringify(stamp)}\n`);
  console.log(`[start] built in ${Math.round((Date.now() - started) / 1000)} s`);
}

// ---- run and supervise ----

const services = [
  {
    name: "backend",
    entry: join(root, "backend/dist/index.js"),
    env: {
      PORT: backendPort,
      MCP_PORT: mcpPort,
      MCP_SERVER_URL: env.MCP_SERVER_URL ?? `http://127.0.0.1:${mcpPort}`,
      BETTER_AUTH_URL: env.BETTER_AUTH_URL ?? `http://localhost:${frontendPort}`,
    },
  },
  {
    name: "mcp-server",
    entry: join(root, "mcp-server/dist/index.js"),
    // In embedded mode the backend process serves MCP itself (PGlite allows one process).
    skip: !env.DATABASE_URL,
    env: { PORT: mcpPort },
  },
  {
    name: "frontend",
    entry: join(root, "frontend/.next/standalone/frontend/server.js"),
    env: {
      PORT: frontendPort,
      HOSTNAME: host,
      BACKEND_URL: env.BACKEND_URL ?? `http://127.0.0.1:${backendPort}`,
      // The settings page's MCP snippet names this port when MCP_PUBLIC_URL is not set.
      MCP_PORT: mcpPort,
    },
  },
];

const running = new Map(); // name → child
const timers = new Set();
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const timer of timers) clearTimeout(timer);
  const children = [...running.values()];
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 12_000).unref();
  Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode === null && c.signalCode === null ? c.on("exit", r) : r()))),
  ).then(() => process.exit(code));
}

function run(service, attempt = 0, delayMs = firstDelayMs) {
  const startedAt = Date.now();
  const child = spawn(process.execPath, [service.entry], {
    cwd: root,
    env: { ...env, HOST: host, DATA_DIR: resolve(root, env.DATA_DIR ?? "data"), ...service.env },
    stdio: "inherit",
  });
  running.set(service.name, child);
  console.log(`[start] ${service.name} started (pid ${child.pid})`);
  child.on("exit", (code, signal) => {
    running.delete(service.name);
    if (stopping) return;
    const ranMs = Date.now() - startedAt;
    const how = signal ?? `code ${code}`;
    if (attempt === 0 && ranMs < EARLY_EXIT_MS && code !== null && code !== 0) {
      console.error(`[start] ${service.name} exited at start-up (${how}); stopping the others`);
      stopAll(code ?? 1);
      return;
    }
    // A service that ran for a while gets the short delay again.
    const delay = ranMs >= STABLE_MS ? firstDelayMs : delayMs;
    console.error(`[start] ${service.name} exited (${how}); restarting it in ${delay} ms, the others keep running`);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopping) run(service, attempt + 1, Math.min(delay * 2, MAX_DELAY_MS));
    }, delay);
    timers.add(timer);
  });
}

buildIfNeeded();
if (process.argv.includes("--build-only")) process.exit(0);
for (const service of services) {
  if (service.skip) continue;
  if (!existsSync(service.entry)) {
    console.error(`[start] ${service.name}: ${service.entry} is missing; run \`npm run build\` first`);
    if (service.name === "backend") process.exit(1);
    continue;
  }
  run(service);
}

console.log(
  `[start] todo-app: UI http://localhost:${frontendPort}  API http://localhost:${backendPort}  MCP http://localhost:${mcpPort}/mcp  (${env.DATABASE_URL ? "Postgres" : `embedded database in ${env.DATA_DIR ?? "./data"}`})`,
);
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
