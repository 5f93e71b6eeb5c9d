// The assistant end to end on the chat corpus: for each case a fresh user with the seed tasks sends one message to
// POST /api/chat, and the tool calls the builtin model made through the real MCP server are compared with the
// case. Reports the accuracy and the misses; the bar is 95%.
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestStack } from "../../../test/backend";
import {
  CHAT_CORPUS,
  CHAT_CORPUS_NOW,
  type ChatCorpusCase,
  type ExpectedCall,
  SEED_TASKS,
} from "../../fixtures/chat-corpus";

type Stack = Awaited<ReturnType<typeof createTestStack>>;

interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
  result: unknown;
}

interface Outcome {
  case: ChatCorpusCase;
  status: number;
  response: unknown;
  calls: ToolCall[];
  problems: string[];
}

const CONCURRENCY = 4;

let stack: Stack;

beforeAll(async () => {
  // Only Date is faked, so timers, sockets and the MCP server keep working while "now" stays fixed.
  vi.useFakeTimers({ now: CHAT_CORPUS_NOW, toFake: ["Date"] });
  stack = await createTestStack("pglite");
});

afterAll(async () => {
  await stack?.close();
  vi.useRealTimers();
});

/** The expected arguments, with the time zone every list_tasks and add_task call carries. */
function expectedArgs(call: ExpectedCall, timeZone: string): Record<string, unknown> {
  const args = { ...call.args };
  if ((call.name === "list_tasks" || call.name === "add_task") && !("timezone" in args)) args.timezone = timeZone;
  return args;
}

function compareCalls(c: ChatCorpusCase, calls: ToolCall[]): string[] {
  const problems: string[] = [];
  const timeZone = c.timeZone ?? "UTC";
  if (calls.length !== c.expect.length) problems.push(`expected ${c.expect.length} tool calls, got ${calls.length}`);
  c.expect.forEach((want, i) => {
    const got = calls[i];
    if (!got) return;
    if (got.name !== want.name) {
      problems.push(`call ${i + 1}: expected ${want.name}, got ${got.name}`);
      return;
    }
    for (const [key, value] of Object.entries(expectedArgs(want, timeZone))) {
      const actual = got.arguments?.[key];
      if (!isDeepStrictEqual(actual, value)) {
        problems.push(
          `call ${i + 1} ${want.name}.${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual)}`,
        );
      }
    }
  });
  return problems;
}

async function seed(headers: Record<string, string>) {
  // One at a time, so task N is SEED_TASKS[N - 1].
  for (const [i, task] of SEED_TASKS.entries()) {
    const res = await stack.request("POST", "/api/tasks", { headers, body: task });
    if (res.status !== 201 || res.json?.id !== i + 1) {
      throw new Error(`seeding task ${i + 1} failed: ${res.status} ${res.text}`);
    }
  }
}

async function runCase(c: ChatCorpusCase): Promise<Outcome> {
  const user = await stack.signUp("Corpus User");
  await seed(user.headers);
  const body: Record<string, unknown> = { message: c.say };
  if (c.timeZone) body.timezone = c.timeZone;
  const res = await stack.request("POST", "/api/chat", { headers: user.headers, body });
  const calls: ToolCall[] = Array.isArray(res.json?.tool_calls) ? res.json.tool_calls : [];
  const response = res.json?.response;
  const problems: string[] = [];
  if (res.status !== 200) problems.push(`HTTP ${res.status}: ${res.text.slice(0, 200)}`);
  else {
    problems.push(...compareCalls(c, calls));
    if (c.reply && !(typeof response === "string" && c.reply.test(response))) {
      problems.push(`answer should match ${c.reply}`);
    }
  }
  return { case: c, status: res.status, response, calls, problems };
}

async function runAll(cases: ChatCorpusCase[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      outcomes[i] = await runCase(cases[i]!);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

function describeCall(call: { name: string; args?: unknown; arguments?: unknown }): string {
  return `${call.name} ${JSON.stringify(call.args ?? call.arguments ?? {})}`;
}

describe("assistant chat corpus (builtin model, real MCP server)", () => {
  it("has a large, varied corpus", () => {
    expect(CHAT_CORPUS.length).toBeGreaterThanOrEqual(170);
  });

  it("fakes only Date, at the corpus's fixed now", () => {
    expect(new Date().toISOString()).toBe(CHAT_CORPUS_NOW.toISOString());
  });

  it("reads the corpus with more than 95% accuracy", { timeout: 600_000 }, async () => {
    const started = performance.now();
    const loop = performance.eventLoopUtilization();
    const outcomes = await runAll(CHAT_CORPUS);
    const seconds = (performance.now() - started) / 1000;
    const busy = performance.eventLoopUtilization(loop).utilization * seconds;
    const misses = outcomes.filter((o) => o.problems.length);
    const hits = outcomes.length - misses.length;
    const percent = ((hits / outcomes.length) * 100).toFixed(1);
    console.log(`assistant corpus accuracy: ${hits}/${outcomes.length} = ${percent}%`);
    console.log(`${outcomes.length} cases in ${seconds.toFixed(1)} s (event loop busy ${busy.toFixed(1)} s)`);
    for (const miss of misses) {
      console.log(
        [
          `MISS ${JSON.stringify(miss.case.say)}${miss.case.timeZone ? ` (${miss.case.timeZone})` : ""}`,
          `  expected: ${miss.case.expect.map(describeCall).join(" → ") || "no tool call"}`,
          `  got:      ${miss.calls.map(describeCall).join(" → ") || "no tool call"}`,
          `  answer:   ${JSON.stringify(miss.response)}`,
          ...miss.problems.map((p) => `  - ${p}`),
        ].join("\n"),
      );
    }

    const serverErrors = outcomes.filter((o) => o.status >= 500);
    expect(serverErrors.map((o) => `${o.case.say}: HTTP ${o.status}`)).toEqual([]);
    const silent = outcomes.filter((o) => typeof o.response !== "string" || !o.response.trim());
    expect(silent.map((o) => o.case.say)).toEqual([]);
    expect(hits / outcomes.length).toBeGreaterThan(0.95);
  });
});
