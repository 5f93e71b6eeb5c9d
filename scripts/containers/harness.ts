// The containers suite's harness (scripts/containers): constants of the acceptance test, child processes in their
// own process groups, the docker CLI and Engine API, HTTP helpers and the secret scanner. No checks here: those are
// the *.test.ts files beside it, run by vitest (`npm run test:containers`).
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const DOCKER_SCRIPTS = join(ROOT, "scripts", "docker");
export const TAG = "containers-test";
export const BASE_IMAGE = "node:26-slim";
export const SERVICES = ["backend", "mcp-server", "frontend"] as const;
export type Service = (typeof SERVICES)[number];
export const KEEP = process.env.CONTAINERS_TEST_KEEP === "1";
export const COLD = process.env.CONTAINERS_TEST_COLD === "1";
export const REUSE = process.env.CONTAINERS_TEST_REUSE === "1";

// Limits from the issue.
export const MB = 1_000_000;
export const LIMIT_CLEAN_BUILD_MS = 5 * 60_000;
export const LIMIT_REBUILD_MS = 60_000;
export const LIMIT_ABOVE_BASE = 60 * MB;
export const LIMIT_TOTAL = 500 * MB;
export const BACKEND_GRACE_S = 20; // stop_grace_period of the backend in docker-compose.yml

// A one-line change per image, in a file that image is built from.
export const PROBE_FILES: Record<Service, string> = {
  backend: "backend/src/config.ts",
  "mcp-server": "mcp-server/src/config.ts",
  frontend: "frontend/src/lib/utils.ts",
};

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s`;
export const log = (message: string) => console.log(`[${elapsed()}] ${message}`);

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------
// Processes

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Also append everything to this file. */
  logFile?: string;
}

const children = new Set<ChildProcess>();

/** Kills every command still running (a timed-out suite, an interrupted run). */
export function killChildren() {
  for (const child of children) killGroup(child);
}

export function killGroup(child: ChildProcess) {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

export function run(cmd: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
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

export const tail = (text: string, lines = 25) => text.trimEnd().split("\n").slice(-lines).join("\n");

export async function must(cmd: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await run(cmd, args, options);
  if (result.code !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${result.code}:\n${tail(result.stderr || result.stdout, 15)}`);
  }
  return result;
}

export const docker = (args: string[], timeoutMs = 60_000) => must("docker", args, { timeoutMs });

/** The Docker Engine API over its Unix socket (for what the CLI does not print as JSON). */
export function dockerApi<T>(path: string): Promise<T> {
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

export interface ImageInspect {
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

export async function inspectImage(ref: string): Promise<ImageInspect> {
  const out = await docker(["image", "inspect", ref]);
  const parsed = JSON.parse(out.stdout) as ImageInspect[];
  assert(parsed[0], `no image ${ref}`);
  return parsed[0];
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies of many shapes
  json: any;
}

export async function request(
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
export async function answers200(url: string): Promise<true | undefined> {
  return (await request(url, { timeoutMs: 5000 })).status === 200 ? true : undefined;
}

/** POST whose body is held back until sendRest(): the request is in flight while the server is told to stop. */
export function slowPost(port: number, path: string, token: string, payload: unknown) {
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

export function secretFindings(text: string, knownSecrets: string[]): string[] {
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
