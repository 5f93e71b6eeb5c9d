import { describe, expect, it } from "vitest";
import { toolCallCount } from "./app.js";
import { RateLimiter } from "./rate-limit.js";

describe("RateLimiter", () => {
  it("spends units per key and refuses what would pass the limit until the window resets", () => {
    const limiter = new RateLimiter(3, 60_000);
    expect(limiter.take("a", 2, 0)).toBe(0);
    expect(limiter.take("a", 2, 1_000)).toBe(59_000);
    expect(limiter.take("a", 1, 1_000)).toBe(0);
    expect(limiter.take("a", 1, 2_000)).toBe(58_000);
    expect(limiter.take("b", 1, 2_000)).toBe(0);
    expect(limiter.take("a", 1, 60_000)).toBe(0);
  });

  it("never refuses a request that costs nothing", () => {
    const limiter = new RateLimiter(1, 60_000);
    expect(limiter.take("a", 1, 0)).toBe(0);
    expect(limiter.take("a", 0, 1)).toBe(0);
    expect(limiter.take("a", 1, 2)).toBeGreaterThan(0);
  });
});

describe("toolCallCount", () => {
  it("counts tools/call messages, each one in a batch, and a body that is not JSON as one", () => {
    const call = { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_tasks", arguments: {} } };
    expect(toolCallCount(JSON.stringify(call))).toBe(1);
    expect(
      toolCallCount(JSON.stringify([call, { ...call, id: 2 }, { jsonrpc: "2.0", id: 3, method: "tools/list" }])),
    ).toBe(2);
    expect(toolCallCount(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: {} }))).toBe(0);
    expect(toolCallCount(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }))).toBe(0);
    expect(toolCallCount("{not json")).toBe(1);
    expect(toolCallCount("null")).toBe(0);
  });
});
