#!/usr/bin/env node
// `npm start`: runs the whole app from built output. Without DATABASE_URL the backend process also serves the
// MCP endpoint (one embedded PGlite database, one process); the Next.js server runs beside it.
// Ports: PORT (backend, 8000), MCP_PORT (8080), FRONTEND_PORT (3000). Stops everything on SIGINT/SIGTERM.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = process.env;
const backendPort = env.PORT ?? "8000";
const mcpPort = env.MCP_PORT ?? "8080";
const frontendPort = env.FRONTEND_PORT ?? "3000";
const host = env.HOST ?? "0.0.0.0";

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
    env: { PORT: frontendPort, HOSTNAME: host, BACKEND_URL: env.BACKEND_URL ?? `http://127.0.0.1:${backendPort}` },
  },
];

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 12_000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode === null ? c.on("exit", r) : r())))).then(() =>
    process.exit(code),
  );
}

for (const service of services) {
  if (service.skip) continue;
  if (!existsSync(service.entry)) {
    console.error(`[start] ${service.name}: ${service.entry} is missing; run \`npm run build\` first`);
    if (service.name === "backend") process.exit(1);
    continue;
  }
  const child = spawn(process.execPath, [service.entry], {
    cwd: root,
    env: { ...env, HOST: host, DATA_DIR: resolve(root, env.DATA_DIR ?? "data"), ...service.env },
    stdio: "inherit",
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${service.name} exited (${signal ?? code}); stopping the others`);
      stopAll(code ?? 1);
    }
  });
  children.push(child);
}

console.log(
  `[start] todo-app: UI http://localhost:${frontendPort}  API http://localhost:${backendPort}  MCP http://localhost:${mcpPort}/mcp  (${env.DATABASE_URL ? "Postgres" : `embedded database in ${env.DATA_DIR ?? "./data"}`})`,
);
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
