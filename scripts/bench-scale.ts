// The scale phase of npm run bench (issue 19, decision 019): one user with 1,000 tasks and one with 100,000 in the
// same database (seeded by SQL: mostly completed history, due dates, priorities, tags), measured side by side on
// the same backend for each list shape, a deep page by offset and by cursor, create and complete.
// Alone: `npx tsx scripts/bench-scale.ts` (builds nothing: run `npm run build -w backend` first).
import { spawn } from "node:child_process";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { createEmptyPostgresDatabase } from "../test/databases";
import { freePort, waitForHttp } from "../test/net";
import { ROOT } from "../test/processes";

const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SIZES = (process.env.BENCH_SCALE_SIZES ?? "1000,100000").split(",").map(Number);

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ duration: SECONDS, connections: CONNECTIONS, ...opts }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

/** Seeds `n` tasks for `userId` in one statement: a tenth pending, a fifth without a due date, a rare word. */
async function seed(client: pg.Client, userId: string, n: number) {
  await client.query(
    `with t as (
       insert into tasks (user_id, title, description, completed, completed_at, priority, tags, due_at, position, created_at)
       select $1, 'Task ' || g || case when g % 1000 = 0 then ' zebra' else '' end, 'note ' || g, g % 10 <> 0,
              case when g % 10 <> 0 then now() end, (array['none','low','medium','high'])[1 + g % 4]::task_priority,
              case when g % 3 = 0 then array['work'] when g % 997 = 0 then array['rare'] else '{}'::text[] end,
              case when g % 5 = 3 then null else now() - interval '300 days' + (g::float / $2) * interval '330 days' end,
              g, now() - interval '400 days' + (g::float / $2) * interval '399 days'
         from generate_series(1, $2::int) g
       returning id, created_at
     ),
     numbered as (
       insert into task_numbers (user_id, number, task_id)
       select $1, row_number() over (order by created_at, id), id from t returning number
     )
     insert into task_counters (user_id, last_number) select $1, max(number) from numbered
     on conflict (user_id) do update set last_number = excluded.last_number`,
    [userId, n],
  );
}

async function signUp(base: string, name: string): Promise<{ id: string; headers: Record<string, string> }> {
  const res = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost:3000" },
    body: JSON.stringify({ name, email: `${name.toLowerCase()}@example.test`, password: "benchmark password" }),
  });
  const token = res.headers.get("set-auth-token");
  const body = (await res.json()) as { user?: { id: string } };
  if (!token || !body.user) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(body)}`);
  return { id: body.user.id, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
}

export async function scalePhase() {
  const db = await createEmptyPostgresDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const backend = spawn(process.execPath, [join(ROOT, "backend/dist/index.js")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: db.url,
      BETTER_AUTH_SECRET: "benchmark-secret-benchmark-secret-0123456789",
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
      AUTH_RATE_LIMIT: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const client = new pg.Client({ connectionString: db.url });
  try {
    await waitForHttp(`${base}/ready`);
    await client.connect();
    const users: { n: number; headers: Record<string, string> }[] = [];
    const seeding = Date.now();
    for (const n of SIZES) {
      const user = await signUp(base, `Scale${n}`);
      await seed(client, user.id, n);
      users.push({ n, headers: user.headers });
    }
    await client.query("vacuum analyze tasks");
    await client.query("vacuum analyze task_numbers");
    console.log(
      `\nscale phase: seeded ${SIZES.join(" and ")} tasks in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
    );

    const shapes: [string, (n: number) => string][] = [
      ["default list", () => "limit=50"],
      ["pending (the app's list)", () => "status=pending&limit=50"],
      ["q=zebra", () => "q=zebra&limit=50"],
      ["q=task 1 (common)", () => "q=task%201&limit=50"],
      ["tag=work", () => "tag=work&limit=50"],
      ["status=pending&sort=due", () => "status=pending&sort=due&limit=50"],
      ["sort=priority", () => "sort=priority&limit=50"],
      ["view=today", () => "view=today&limit=50"],
      ["deep page by offset (90%)", (n) => `limit=50&offset=${Math.floor(n * 0.9)}`],
    ];
    const rows: Record<string, string | number>[] = [];
    const record = (name: string, results: autocannon.Result[]) => {
      const row: Record<string, string | number> = { endpoint: name };
      results.forEach((r, i) => {
        const n = SIZES[i];
        row[`req/s @${n}`] = Math.round(r.requests.average);
        row[`p99 @${n}`] = r.latency.p99;
        row[`failed @${n}`] = r.non2xx + r.errors + r.timeouts;
      });
      const first = results[0]?.requests.average ?? 0;
      const last = results[results.length - 1]?.requests.average ?? 0;
      row.kept = first ? `${Math.round((last / first) * 100)}%` : "-";
      rows.push(row);
    };
    for (const [name, query] of shapes) {
      const results: autocannon.Result[] = [];
      for (const u of users) results.push(await run({ url: `${base}/api/tasks?${query(u.n)}`, headers: u.headers }));
      record(name, results);
    }
    // The same depth by cursor: the cursor after the task at 90%.
    const cursorResults: autocannon.Result[] = [];
    for (const u of users) {
      const probe = await fetch(`${base}/api/tasks?limit=1&offset=${Math.floor(u.n * 0.9) - 1}`, {
        headers: u.headers,
      });
      const cursor = ((await probe.json()) as { next_cursor: string }).next_cursor;
      cursorResults.push(await run({ url: `${base}/api/tasks?limit=50&cursor=${cursor}`, headers: u.headers }));
    }
    record("deep page by cursor (90%)", cursorResults);
    const createResults: autocannon.Result[] = [];
    const completeResults: autocannon.Result[] = [];
    for (const u of users) {
      createResults.push(
        await run({
          url: `${base}/api/tasks`,
          method: "POST",
          headers: u.headers,
          body: JSON.stringify({ title: "Bench task", tags: ["bench"] }),
        }),
      );
      // Complete the tasks just created, each once (numbers after the seeded ones).
      const created = createResults[createResults.length - 1]?.["2xx"] ?? 0;
      let next = u.n + 1;
      completeResults.push(
        await run({
          url: `${base}/api/tasks`,
          method: "POST",
          headers: { authorization: u.headers.authorization as string },
          amount: created,
          requests: [
            {
              setupRequest: (req) => {
                req.path = `/api/tasks/${next++}/complete`;
                return req;
              },
            },
          ],
        }),
      );
    }
    record("POST /api/tasks", createResults);
    record("POST /api/tasks/{id}/complete", completeResults);
    console.log(`${SECONDS}s per endpoint and size, ${CONNECTIONS} connections, one backend on Postgres`);
    console.table(rows);
  } finally {
    await client.end().catch(() => {});
    backend.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await scalePhase();
