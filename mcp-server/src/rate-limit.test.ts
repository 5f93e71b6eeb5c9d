import { describe, expect, it } from "vitest";
import { toolCallCount } from "./app.js";

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
