// Where the agent's tools are: in this process in embedded mode, over HTTP when MCP_SERVER_URL names another process.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const base = {
  NODE_ENV: "test",
  BETTER_AUTH_SECRET: "config-test-secret-config-test-secret-0123",
  DATA_DIR: mkdtempSync(join(tmpdir(), "todo-config-")),
  MCP_PORT: "8181",
};
const mcpUrl = (env: Record<string, string>) => loadConfig({ ...base, ...env }).mcpServerUrl;

describe("the agent's MCP server URL", () => {
  it("is unset in embedded mode, so the agent calls the tools in-process", () => {
    expect(mcpUrl({})).toBeUndefined();
    expect(mcpUrl({ EMBEDDED_MCP: "false" })).toBeUndefined();
    for (const own of ["http://127.0.0.1:8181", "http://localhost:8181/", "http://[::1]:8181"]) {
      expect(mcpUrl({ MCP_SERVER_URL: own }), own).toBeUndefined();
    }
    expect(mcpUrl({ HOST: "todo.internal", MCP_SERVER_URL: "http://todo.internal:8181" })).toBeUndefined();
  });

  it("is MCP_SERVER_URL when that names another process", () => {
    expect(mcpUrl({ MCP_SERVER_URL: "http://127.0.0.1:9" })).toBe("http://127.0.0.1:9");
    expect(mcpUrl({ MCP_SERVER_URL: "http://mcp-server:8181" })).toBe("http://mcp-server:8181");
    expect(mcpUrl({ EMBEDDED_MCP: "false", MCP_SERVER_URL: "http://127.0.0.1:8181" })).toBe("http://127.0.0.1:8181");
  });

  it("is MCP_SERVER_URL, or the default, with a DATABASE_URL (the MCP server is its own process)", () => {
    const DATABASE_URL = "postgres://postgres@127.0.0.1:5432/todo";
    expect(mcpUrl({ DATABASE_URL })).toBe("http://localhost:8080");
    expect(mcpUrl({ DATABASE_URL, MCP_SERVER_URL: "http://127.0.0.1:8181" })).toBe("http://127.0.0.1:8181");
  });
});
