// npm run bench: the backend on a real Postgres against a bare node:http + pg baseline, measured with autocannon.
// Prints requests/s, p50 and p99 per endpoint and the ratio to the baseline.
import { spawn } from "node:child_process";
import { join } from "node:path";
import autocannon from "autocannon";
import { createEmptyPostgresDatabase } from "../test/databases";
import { freePort, waitForHttp } from "../test/net";
import { ROOT } from "../test/processes";
import { scalePhase } from "./bench-scale";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ duration: DURATION, connections: CONNECTIONS, ...opts }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

function startNode(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function main() {
  const build = spawn("npm", ["run", "build", "-w", "backend"], { cwd: ROOT, stdio: "inherit" });
  await new Promise((resolve) => build.on("exit", resolve));

  const db = await createEmptyPostgresDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const backend = startNode(join(ROOT, "backend/dist/index.js"), {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: db.url,
    BETTER_AUTH_SECRET: "benchmark-secret-benchmark-secret-0123456789",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    AUTH_RATE_LIMIT: "off",
    CHAT_RATE_LIMIT_PER_MINUTE: "100000",
  });
  let baseline: ReturnType<typeof startNode> | undefined;
  try {
    await waitForHttp(`${base}/ready`);
    const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ name: "Bench", email: "bench@example.test", password: "benchmark password" }),
    });
    const token = signUp.headers.get("set-auth-token");
    const signUpBody = (await signUp.json()) as { user?: { id: string } };
    if (!token || !signUpBody.user) throw new Error(`sign-up failed: ${signUp.status} ${JSON.stringify(signUpBody)}`);
    const userId = signUpBody.user.id;
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    for (let i = 0; i < 50; i++) {
      await fetch(`${base}/api/tasks`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({
          title: `Task ${i}`,
          tags: ["bench"],
          priority: "medium",
          due_at: "2026-12-01T09:00:00Z",
        }),
      });
    }
    const basePort = await freePort();
    baseline = startNode(join(ROOT, "scripts/bench-baseline.mjs"), {
      DATABASE_URL: db.url,
      BENCH_USER_ID: userId,
      PORT: String(basePort),
    });
    await waitForHttp(`http://127.0.0.1:${basePort}/`);

    const results: [string, autocannon.Result][] = [];
    results.push(["baseline list (node:http + pg)", await run({ url: `http://127.0.0.1:${basePort}/` })]);
    results.push(["GET /api/tasks (50 tasks)", await run({ url: `${base}/api/tasks?limit=50`, headers: auth })]);
    // Creations make the list longer; they run after the list measurement and are measured on their own.
    results.push([
      "POST /api/tasks",
      await run({
        url: `${base}/api/tasks`,
        method: "POST",
        headers: auth,
        body: JSON.stringify({ title: "Bench task", tags: ["bench"] }),
      }),
    ]);
    results.push(["GET /health", await run({ url: `${base}/health` })]);

    const baseRps = results[0]![1].requests.average;
    const rows = results.map(([name, r]) => {
      const bad = r.non2xx + r.errors + r.timeouts;
      return {
        endpoint: name,
        "req/s": Math.round(r.requests.average),
        "p50 ms": r.latency.p50,
        "p99 ms": r.latency.p99,
        "vs baseline": `${Math.round((r.requests.average / baseRps) * 100)}%`,
        failed: bad,
      };
    });
    console.log(`\n${DURATION}s per endpoint, ${CONNECTIONS} connections, Postgres ${db.url.replace(/\/\/.*@/, "//")}`);
    console.table(rows);
    // The targets of issue #2 for list and create: at least half the baseline's requests/s, p99 under 25 ms.
    for (const [name, r] of results.slice(1, 3)) {
      const ratio = r.requests.average / baseRps;
      const met = ratio >= 0.5 && r.latency.p99 < 25 && r.non2xx + r.errors + r.timeouts === 0;
      console.log(
        `${met ? "meets" : "MISSES"} the target (>= 50% of baseline req/s, p99 < 25 ms, no failures): ${name}`,
      );
    }
  } finally {
    backend.kill("SIGTERM");
    baseline?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await db.drop();
  }
}

await main();
// Issue 19: one user at 1,000 and at 100,000 tasks, side by side (BENCH_SCALE=0 skips it).
if (process.env.BENCH_SCALE !== "0") await scalePhase();
