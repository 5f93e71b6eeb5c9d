import { describe, expect, it } from "vitest";
import { CORPUS, CORPUS_NOW, type CorpusCase } from "../../fixtures/intent-corpus";
import { parseIntent } from "./intents";

/** The paths where `actual` differs from what `expected` states; fields it does not state are ignored. */
function findMismatches(actual: unknown, expected: unknown, path = ""): string[] {
  if (Array.isArray(expected)) {
    return JSON.stringify(actual) === JSON.stringify(expected)
      ? []
      : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object")
      return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) =>
      findMismatches((actual as Record<string, unknown>)[key], value, path ? `${path}.${key}` : key),
    );
  }
  return Object.is(actual, expected)
    ? []
    : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

function runCase(c: CorpusCase): string[] {
  const intent = parseIntent(c.say, { now: CORPUS_NOW, timeZone: c.timeZone ?? "UTC" });
  return findMismatches(intent, c.expect);
}

describe("intent corpus", () => {
  it("has at least 170 varied cases", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(170);
    expect(new Set(CORPUS.map((c) => c.expect.kind)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(CORPUS.map((c) => c.timeZone ?? "UTC")).size).toBeGreaterThanOrEqual(3);
  });

  it("compares only the stated fields, and fails on a wrong one", () => {
    const actual = { kind: "add", task: { title: "Buy milk", tags: ["home"], due_at: null } };
    expect(findMismatches(actual, { kind: "add", task: { title: "Buy milk" } })).toEqual([]);
    expect(findMismatches(actual, { kind: "add", task: { title: "Buy eggs" } })).toHaveLength(1);
    expect(findMismatches(actual, { kind: "add", task: { tags: ["home", "diy"] } })).toHaveLength(1);
    expect(findMismatches(actual, { kind: "list" })).toHaveLength(1);
  });

  it("reads more than 95% of the corpus correctly", () => {
    const failures = CORPUS.map((c) => ({ say: c.say, timeZone: c.timeZone, problems: runCase(c) })).filter(
      (r) => r.problems.length > 0,
    );
    const passed = CORPUS.length - failures.length;
    const accuracy = (passed / CORPUS.length) * 100;
    console.log(`intent accuracy: ${passed}/${CORPUS.length} = ${accuracy.toFixed(1)}%`);
    for (const f of failures)
      console.log(`  ✗ ${JSON.stringify(f.say)} [${f.timeZone ?? "UTC"}] ${f.problems.join("; ")}`);
    expect(accuracy).toBeGreaterThan(95);
  });
});
