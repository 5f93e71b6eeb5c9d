import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "./config";

const saved = { ...process.env };
afterEach(() => {
  for (const name of ["MCP_PORT", "MCP_PUBLIC_URL"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("frontend config: the MCP snippet's address", () => {
  it("names MCP_PORT when MCP_PUBLIC_URL is not set (8080 by default)", () => {
    delete process.env.MCP_PUBLIC_URL;
    delete process.env.MCP_PORT;
    expect(readConfig().config).toMatchObject({ mcpPublicUrl: null, mcpPort: 8080 });
    process.env.MCP_PORT = "18080";
    expect(readConfig().config).toMatchObject({ mcpPublicUrl: null, mcpPort: 18080 });
    process.env.MCP_PUBLIC_URL = "https://todo.example.com/mcp";
    expect(readConfig().config.mcpPublicUrl).toBe("https://todo.example.com/mcp");
  });

  it("says what is wrong with MCP_PORT", () => {
    process.env.MCP_PORT = "eighty";
    expect(readConfig().problems).toContain('MCP_PORT: must be a port number 1-65535 (got "eighty")');
  });
});
