// The containers suite's workspace: a snapshot of the working tree (the build context; the repository itself is
// never modified), the logs, a compose project with a generated .env of fresh secrets, and the compose commands
// over it. Made once by global-setup.ts and handed to the test files through vitest's provide/inject.
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { assert, BASE_IMAGE, DOCKER_SCRIPTS, docker, must, ROOT, run, SERVICES, TAG, tail } from "./harness";

export interface Workspace {
  work: string;
  snapshot: string;
  logs: string;
  project: string;
  envFile: string;
  secrets: { postgresPassword: string; authSecret: string };
}

export function createWorkspace(): Workspace {
  const work = mkdtempSync(join(tmpdir(), "todo-containers-test-"));
  const logs = join(work, "logs");
  mkdirSync(logs);
  return {
    work,
    snapshot: join(work, "repo"),
    logs,
    project: `todoct${randomBytes(3).toString("hex")}`,
    envFile: join(work, "compose.env"),
    secrets: {
      postgresPassword: randomBytes(24).toString("hex"),
      authSecret: randomBytes(32).toString("base64"),
    },
  };
}

/** Copies tracked and untracked (not ignored) files: the working tree as a build context, without node_modules. */
export async function snapshotWorkingTree(ws: Workspace) {
  const list = await must("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT });
  const files = list.stdout.split("\0").filter(Boolean);
  let copied = 0;
  for (const file of files) {
    const from = join(ROOT, file);
    if (!existsSync(from)) continue; // deleted but not yet staged
    mkdirSync(dirname(join(ws.snapshot, file)), { recursive: true });
    copyFileSync(from, join(ws.snapshot, file));
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

export function compose(ws: Workspace, args: string[], timeoutMs = 180_000) {
  return run(
    "bash",
    [
      join(DOCKER_SCRIPTS, "compose.sh"),
      "-p",
      ws.project,
      "--env-file",
      ws.envFile,
      "-f",
      join(ws.snapshot, "docker-compose.yml"),
      ...args,
    ],
    { env: composeEnv, timeoutMs, logFile: join(ws.logs, "compose.log") },
  );
}

export async function mustCompose(ws: Workspace, args: string[], timeoutMs?: number) {
  const result = await compose(ws, args, timeoutMs);
  if (result.code !== 0)
    throw new Error(`compose ${args.join(" ")} exited ${result.code}:\n${tail(result.stderr, 15)}`);
  return result;
}

export async function containerOf(ws: Workspace, service: string): Promise<string> {
  const out = await mustCompose(ws, ["ps", "-q", service], 60_000);
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

export async function containerState(id: string): Promise<ContainerState & { RestartCount: number }> {
  const out = await docker(["inspect", "--format", "{{json .State}}|{{.RestartCount}}", id]);
  const [state, restarts] = out.stdout.trim().split("|");
  return { ...(JSON.parse(state ?? "{}") as ContainerState), RestartCount: Number(restarts) };
}

export interface Ports {
  frontend: number;
  backend: number;
  mcp: number;
}

export function writeEnv(ws: Workspace, ports: Ports) {
  const env = {
    POSTGRES_PASSWORD: ws.secrets.postgresPassword,
    BETTER_AUTH_SECRET: ws.secrets.authSecret,
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
    ws.envFile,
    `${Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n")}\n`,
    { mode: 0o600 },
  );
}

/** Takes the stack down (volumes too) when one was started. */
export async function composeDown(ws: Workspace) {
  if (!existsSync(ws.envFile)) return;
  const down = await compose(ws, ["down", "-v", "--remove-orphans", "--timeout", "10"], 120_000);
  if (down.code !== 0) console.error(`compose down failed:\n${tail(down.stderr, 10)}`);
}

/** Removes the images and temporary files; the logs stay when something failed. */
export async function removeWorkspace(ws: Workspace, keepLogs: boolean) {
  for (const service of SERVICES) await run("docker", ["image", "rm", `todo-${service}:${TAG}`], { timeoutMs: 60_000 });
  rmSync(ws.snapshot, { recursive: true, force: true });
  if (keepLogs) console.log(`build and compose logs kept in ${ws.logs}`);
  else rmSync(ws.work, { recursive: true, force: true });
}
