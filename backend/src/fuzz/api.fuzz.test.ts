// Fuzz suite (issue 11): arbitrary and hostile input to every REST route and every MCP tool, bounded in count and
// time. Invariants: no 5xx, no answer slower than 2 s, and /health (probed every 20 ms the whole time, on the same
// event loop) never slower than 200 ms, or three times its idle answer on a loaded machine (test/probe.ts). Runs on the embedded database, the mode in which the database shares the
// event loop with everything else.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStack } from "../../../test/backend";
import { HEALTH_BUDGET_MS, HealthProbe, robustSlowest } from "../../../test/probe";

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const TIME_LIMIT_MS = 12_000;
const SLOWEST_MS = 2_000;

/** Strings the audit found hostile, and their relatives. */
const HOSTILE = [
  "\u0000",
  "a\u0000b",
  "%",
  "%E0%A4%A",
  "\uD800",
  "\u202Egnp.exe",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "+010000-01-01T00:00:00Z",
  "2026-02-30T25:61:00Z",
  "FREQ=DAILY;INTERVAL=abc",
  "FREQ=HOURLY;INTERVAL=2;BYHOUR=1",
  "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31",
  `FREQ=YEARLY;BYYEARDAY=${Array.from({ length: 366 }, (_, i) => i + 1).join(",")}`,
  "every ".repeat(80),
  "#a ".repeat(160),
  "!".repeat(499),
  "x".repeat(5000),
  "Europe/Nowhere",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' or 1=1 --",
  "NaN",
  "-1",
  "2147483648",
  "1e308",
];

const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(2 ** 53),
  fc.constant(-0),
);
const value = fc.oneof(
  { depthSize: "small" },
  scalar,
  fc.array(scalar, { maxLength: 25 }),
  fc.dictionary(text, scalar, { maxKeys: 3 }),
);
const TASK_KEYS = [
  "title",
  "description",
  "completed",
  "priority",
  "tags",
  "due_at",
  "remind_at",
  "recurrence",
  "timezone",
  "text",
];
const taskBody = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom(...TASK_KEYS), text), value, { maxKeys: 6 }),
  fc.record({ title: text }, { requiredKeys: [] }),
  value,
);
const QUERY_KEYS = ["status", "q", "priority", "tag", "due", "sort", "order", "limit", "offset", "tz"];
const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), text), text), { maxLength: 5 })
  .map((pairs) =>
    new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, v.replace(/\uD800/g, "")])).toString(),
  );
/** encodeURIComponent refuses lone surrogates; those are sent as the replacement character. */
const encode = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
const pathPart = fc.oneof(
  fc.constantFrom("1", "0", "-1", "99999999999", "abc", "%00", "%E0%A4%A", "..%2F"),
  text.map(encode),
);

describe("fuzz: every route and tool", () => {
  let stack: Awaited<ReturnType<typeof createTestStack>>;
  let server: ReturnType<typeof serve>;
  let base: string;
  let auth: Record<string, string>;
  let userId: string;
  let mcpKey: string;
  let probe: HealthProbe;
  let budget = HEALTH_BUDGET_MS;
  const slow: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    stack = await createTestStack("pglite", { AUTH_RATE_LIMIT: "off" });
    server = serve({ fetch: stack.app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const user = await stack.signUp("Fuzz");
    auth = user.headers;
    userId = user.id;
    for (let i = 0; i < 3; i++)
      await stack.request("POST", "/api/tasks", { headers: auth, body: { title: `seed ${i}` } });
    mcpKey = (await stack.request("POST", "/api/keys", { headers: auth, body: { name: "fuzz" } })).json.key;
    // The machine's own noise: the idle /health answer before any fuzzing sets the budget (test/probe.ts).
    const idle = new HealthProbe(`${base}/health`).start();
    await new Promise((r) => setTimeout(r, 1_000));
    budget = Math.max(HEALTH_BUDGET_MS, 3 * robustSlowest(await idle.stop()));
    probe = new HealthProbe(`${base}/health`).start();
  }, 60_000);

  afterAll(async () => {
    await probe.stop();
    await new Promise((resolve) => server.close(resolve));
    await stack.close();
  });

  async function send(
    method: string,
    path: string,
    body?: unknown,
    options: { raw?: string; headers?: Record<string, string> } = {},
  ) {
    const start = performance.now();
    const headers: Record<string, string> = { ...auth, ...options.headers };
    let payload: string | undefined = options.raw;
    if (body !== undefined) {
      payload = JSON.stringify(body) ?? "null";
      headers["content-type"] ??= "application/json";
    }
    const what = `${method} ${path} ${payload?.slice(0, 120) ?? ""}`;
    const res = await fetch(`${base}${path}`, { method, headers, body: payload });
    const answer = await res.text();
    const ms = performance.now() - start;
    if (res.status >= 500) errors.push(`${res.status} ${what} → ${answer.slice(0, 160)}`);
    if (ms > SLOWEST_MS) slow.push(`${Math.round(ms)} ms ${what}`);
    return res.status;
  }

  async function mcp(name: string, args: unknown) {
    const start = performance.now();
    const res = await fetch(stack.mcp.url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${mcpKey}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } }),
    });
    const answer = await res.text();
    const ms = performance.now() - start;
    const what = `mcp ${name} ${JSON.stringify(args)?.slice(0, 120)}`;
    if (res.status >= 500) errors.push(`${res.status} ${what} → ${answer.slice(0, 160)}`);
    if (ms > SLOWEST_MS) slow.push(`${Math.round(ms)} ms ${what}`);
  }

  const property = <T>(arb: fc.Arbitrary<T>, run: (input: T) => Promise<unknown>) =>
    fc.assert(
      fc.asyncProperty(arb, async (input) => {
        await run(input);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );

  function expectInvariants() {
    expect(errors, "5xx answers").toEqual([]);
    expect(slow, "answers slower than 2 s").toEqual([]);
    // Each test judges the probes sent during it.
    expect(robustSlowest(probe.take()), "slowest /health while fuzzing (ms)").toBeLessThan(budget);
  }

  it("task routes", async () => {
    await property(taskBody, (body) => send("POST", "/api/tasks", body));
    await property(fc.tuple(pathPart, taskBody), ([id, body]) => send("PATCH", `/api/tasks/${id}`, body));
    await property(fc.tuple(fc.constantFrom("GET", "DELETE"), pathPart), ([m, id]) => send(m, `/api/tasks/${id}`));
    await property(fc.tuple(fc.constantFrom("complete", "reopen"), pathPart), ([a, id]) =>
      send("POST", `/api/tasks/${id}/${a}`),
    );
    await property(query, (q) => send("GET", `/api/tasks?${q}`));
    await property(fc.record({ text, timezone: text }, { requiredKeys: [] }), (body) =>
      send("POST", "/api/tasks/parse", body),
    );
    await property(fc.string({ unit: "binary", maxLength: 200 }), (raw) =>
      send("POST", "/api/tasks", undefined, { raw, headers: { "content-type": "application/json" } }),
    );
    expectInvariants();
  }, 120_000);

  it("compat, keys, conversations and auth routes", async () => {
    const compat = `/api/${userId}/tasks`;
    await property(taskBody, (body) => send("POST", compat, body));
    await property(fc.tuple(pathPart, taskBody), ([id, body]) => send("PUT", `${compat}/${id}`, body));
    await property(fc.tuple(fc.constantFrom("GET", "DELETE"), pathPart), ([m, id]) => send(m, `${compat}/${id}`));
    await property(pathPart, (id) => send("PATCH", `${compat}/${id}/complete`));
    await property(query, (q) => send("GET", `${compat}?${q}`));
    await property(fc.tuple(pathPart, taskBody), ([user, body]) => send("POST", `/api/${user}/tasks`, body));
    await property(fc.record({ name: value }, { requiredKeys: [] }), (body) => send("POST", "/api/keys", body));
    await property(pathPart, (id) => send("DELETE", `/api/keys/${id}`));
    await property(pathPart, (id) => send("GET", `/api/conversations/${id}`));
    await property(fc.record({ name: value, email: value, password: value }, { requiredKeys: [] }), (body) =>
      send("POST", "/api/auth/sign-up/email", body, { headers: { authorization: "" } }),
    );
    await property(fc.record({ email: value, password: value }, { requiredKeys: [] }), (body) =>
      send("POST", "/api/auth/sign-in/email", body, { headers: { authorization: "" } }),
    );
    await property(fc.tuple(text, text), ([name, cookie]) =>
      send("GET", "/api/tasks", undefined, {
        headers: {
          authorization: "",
          cookie: `${name.replace(/[^\x21-\x7e]/g, "")}=${encode(cookie)}; better-auth.session_token=${cookie.replace(/[^\x21-\x7e]/g, "%")}`,
        },
      }),
    );
    await property(text, (token) =>
      send("GET", "/api/tasks", undefined, {
        headers: { authorization: `Bearer ${token.replace(/[^\x21-\x7e]/g, "")}` },
      }),
    );
    expectInvariants();
  }, 120_000);

  it("the assistant", async () => {
    const chatBody = fc.record(
      {
        message: fc.oneof(text, fc.constantFrom("add buy milk tomorrow", "delete all my tasks", "mark 1 done")),
        conversation_id: value,
        timezone: text,
      },
      { requiredKeys: ["message"] },
    );
    await fc.assert(
      fc.asyncProperty(chatBody, async (body) => {
        await send("POST", "/api/chat", body);
      }),
      { numRuns: Math.ceil(RUNS / 3), interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    expectInvariants();
  }, 120_000);

  it("every MCP tool", async () => {
    const args = fc.dictionary(
      fc.oneof(fc.constantFrom(...TASK_KEYS, "task_id", "query", "status", "tag", "due", "user_id"), text),
      value,
      {
        maxKeys: 6,
      },
    );
    for (const tool of ["add_task", "list_tasks", "update_task", "complete_task", "delete_task", "no_such_tool"]) {
      await property(args, (a) => mcp(tool, a));
    }
    expectInvariants();
  }, 120_000);
});
