// Starts the whole application from scratch for the end-to-end run: a fresh temporary DATA_DIR (embedded
// PGlite), free ports, and either the project's `scripts/start.mjs` (backend + MCP + frontend, embedded mode)
// or, until that exists or with E2E_STACK=separate, the backend via tsx and the standalone frontend server.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, waitForHttp } from "../test/net";

export const REPO = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const ARTIFACTS = join(REPO, "e2e", "artifacts");
const FRONTEND = join(REPO, "frontend");
const STANDALONE_SERVER = join(FRONTEND, ".next", "standalone", "frontend", "server.js");

export interface Stack {
  baseUrl: string;
  backendUrl: string;
  mcpUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

export { freePort } from "../test/net";

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Runs `npm run build -w <workspace>` when its output is missing or older than any of its sources. */
export function ensureBuilt(workspace: string, output: string, sources: string[]): void {
  const present = sources.filter(existsSync);
  const stale =
    !existsSync(output) ||
    Math.max(...present.map(newestMtime)) > statSync(output).mtimeMs ||
    process.env.E2E_REBUILD === "1";
  if (!stale) return;
  console.log(`[e2e] building ${workspace} (npm run build -w ${workspace})…`);
  const result = spawnSync("npm", ["run", "build", "-w", workspace], {
    cwd: REPO,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`${workspace} build failed`);
}

export function ensureFrontendBuild(): void {
  ensureBuilt("frontend", join(FRONTEND, ".next", "BUILD_ID"), [
    ...["src", "public", "next.config.ts", "package.json", "postcss.config.mjs"].map((p) => join(FRONTEND, p)),
    join(REPO, "packages", "contract", "src"), // the UI bundles the contract
  ]);
}

function logFile(name: string) {
  mkdirSync(join(ARTIFACTS, "logs"), { recursive: true });
  return createWriteStream(join(ARTIFACTS, "logs", `${name}.log`), { flags: "w" });
}

export function launch(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  base: NodeJS.ProcessEnv = process.env,
): ChildProcess {
  const log = logFile(name);
  const child = spawn(command, args, {
    cwd: REPO,
    env: { ...base, ...env },
    // Own process group, so stop() ends this process and its children and nothing else.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.on("exit", (code, signal) => log.write(`\n[e2e] ${name} exited: code=${code} signal=${signal}\n`));
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timeout = new Promise<"timeout">((done) => setTimeout(() => done("timeout"), 10_000));
  if ((await Promise.race([exited, timeout])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
  }
}

export async function waitForUrl(url: string, processes: ChildProcess[], timeoutMs = 180_000): Promise<void> {
  const dead = () => processes.find((p) => p.exitCode !== null);
  try {
    await waitForHttp(url, {
      timeoutMs,
      intervalMs: 500,
      requestTimeoutMs: 2_000,
      abortIf: () => {
        const exited = dead();
        return exited ? `a stack process exited (code ${exited.exitCode})` : undefined;
      },
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; see e2e/artifacts/logs`);
  }
}

/** A frontend server alone, e.g. pointed at a backend that is down. */
export async function startFrontend(backendUrl: string, extraEnv: Record<string, string> = {}, name = "frontend") {
  const port = await freePort();
  const child = launch(name, process.execPath, [STANDALONE_SERVER], {
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    BACKEND_URL: backendUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extraEnv,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/healthz`, [child]);
  return { url, child, stop: () => stopProcess(child) };
}

export async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), "todo-e2e-"));
  const [backendPort, mcpPort, frontendPort] = [await freePort(), await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${frontendPort}`;
  const backendUrl = `http://127.0.0.1:${backendPort}`;
  const mcpUrl = `http://127.0.0.1:${mcpPort}/mcp`;
  const env: Record<string, string> = {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(backendPort),
    MCP_PORT: String(mcpPort),
    FRONTEND_PORT: String(frontendPort),
    DATA_DIR: dataDir,
    BETTER_AUTH_SECRET: "e2e-secret-that-is-long-enough-for-better-auth-0123456789",
    BETTER_AUTH_URL: baseUrl,
    TRUSTED_ORIGINS: `${baseUrl},http://localhost:${frontendPort}`,
    MCP_SERVER_URL: `http://127.0.0.1:${mcpPort}`,
    MCP_PUBLIC_URL: mcpUrl,
    BACKEND_URL: backendUrl,
    // Every browser in the run signs up from 127.0.0.1; the per-address limit would throttle the suite.
    AUTH_RATE_LIMIT: "off",
    CHAT_RATE_LIMIT_PER_MINUTE: "100000",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    // ensureBuilt above builds what the run needs; start.mjs's own check would rebuild every workspace.
    START_BUILD: "never",
  };

  const startScript = join(REPO, "scripts", "start.mjs");
  const mode = process.env.E2E_STACK ?? (existsSync(startScript) ? "start" : "separate");
  const processes: ChildProcess[] = [];
  if (mode === "start") {
    buildLikeNpmStart();
    processes.push(launch("stack", process.execPath, [startScript], env));
  } else {
    ensureFrontendBuild();
    processes.push(launch("backend", join(REPO, "node_modules", ".bin", "tsx"), ["backend/src/index.ts"], env));
    processes.push(
      launch("frontend", process.execPath, [STANDALONE_SERVER], {
        ...env,
        PORT: String(frontendPort),
        HOSTNAME: "127.0.0.1",
      }),
    );
  }
  const stop = async () => {
    await Promise.all(processes.map(stopProcess));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForUrl(`${backendUrl}/health`, processes);
    await waitForUrl(`${baseUrl}/healthz`, processes);
  } catch (error) {
    await stop();
    throw error;
  }
  console.log(`[e2e] stack (${mode}) up: frontend ${baseUrl}, backend ${backendUrl}, data ${dataDir}`);
  return { baseUrl, backendUrl, mcpUrl, dataDir, stop };
}

/** What `npm start` builds, when its sources changed since the last build (scripts/start.mjs's own check). */
export function buildLikeNpmStart(): void {
  const result = spawnSync(process.execPath, [join(REPO, "scripts", "start.mjs"), "--build-only"], {
    cwd: REPO,
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(process.env.E2E_REBUILD === "1" ? { START_BUILD: "always" } : {}),
    },
  });
  if (result.status !== 0) throw new Error("the build failed");
}

/**
 * `npm start` as a person runs it (issue 18): scripts/start.mjs with only ports and a data directory, nothing
 * about origins, and none of the test runner's variables (TEST/NODE_ENV=test turn Better Auth's origin check off).
 */
export async function startPlainApp(name: string, extraEnv: Record<string, string> = {}) {
  buildLikeNpmStart();
  const dataDir = mkdtempSync(join(tmpdir(), "todo-e2e-plain-"));
  const [backendPort, mcpPort, frontendPort] = [await freePort(), await freePort(), await freePort()];
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(TEST|VITEST.*|NODE_ENV|BETTER_AUTH_.*|TRUSTED_.*|DATABASE_URL|MCP_.*|BACKEND_URL)$/.test(key))
      base[key] = value;
  }
  const child = launch(
    name,
    process.execPath,
    [join(REPO, "scripts", "start.mjs")],
    {
      HOST: "127.0.0.1",
      PORT: String(backendPort),
      MCP_PORT: String(mcpPort),
      FRONTEND_PORT: String(frontendPort),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      START_BUILD: "never",
      ...extraEnv,
    },
    base,
  );
  const stop = async () => {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForUrl(`http://127.0.0.1:${backendPort}/health`, [child]);
    await waitForUrl(`http://127.0.0.1:${frontendPort}/healthz`, [child]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { frontendPort, backendPort, mcpPort, dataDir, child, stop, log: join(ARTIFACTS, "logs", `${name}.log`) };
}
