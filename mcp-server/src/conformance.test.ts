// The official MCP conformance suite's server scenarios that do not need its fixture server, against the real
// mcp-server (mcp-server/conformance/run.ts; the fixture-only scenarios and why are listed there and in the README).
import { describe, expect, it } from "vitest";
import { NEEDS_FIXTURES, runConformance } from "../conformance/run";

const SCENARIOS = [
  "server-initialize",
  "ping",
  "tools-list",
  "server-sse-polling",
  "server-sse-multiple-streams",
  "dns-rebinding-protection",
];

describe("MCP conformance suite", () => {
  it("passes every server scenario that does not need the suite's fixture tools", async () => {
    for (const s of SCENARIOS) expect(NEEDS_FIXTURES[s]).toBeUndefined();
    const results = await runConformance(SCENARIOS);
    expect(results.map((r) => r.scenario)).toEqual(SCENARIOS);
    for (const r of results) {
      expect(r.checks.length, r.scenario).toBeGreaterThan(0);
      expect(
        r.checks.filter((c) => c.status === "FAILURE"),
        r.scenario,
      ).toEqual([]);
    }
  }, 300_000);
});
