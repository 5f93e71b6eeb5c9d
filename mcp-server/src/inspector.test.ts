// The MCP Inspector CLI (from the npm registry) against a running server: list the tools, add and list a task.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/databases";
import { startTestMcp } from "../../test/mcp";
import { ROOT } from "../../test/processes";

const run = promisify(execFile);
const INSPECTOR = join(ROOT, "node_modules/@modelcontextprotocol/inspector/cli/build/index.js");

describe("MCP Inspector CLI", () => {
  let database: TestDatabase;
  let mcp: Awaited<ReturnType<typeof startTestMcp>>;
  let key: string;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    mcp = await startTestMcp(database.handle);
    key = (await mcp.userWithKey("Inspector")).key;
  });
  afterAll(async () => {
    await mcp.close();
    await database.drop();
  });

  const inspect = async (...args: string[]) => {
    const { stdout } = await run(
      process.execPath,
      [INSPECTOR, mcp.url, "--transport", "http", "--header", `Authorization: Bearer ${key}`, ...args],
      { timeout: 30_000 },
    );
    return JSON.parse(stdout);
  };

  it("lists the tools, calls add_task and sees the task with list_tasks", async () => {
    const { tools } = await inspect("--method", "tools/list");
    // The original five stay; issue 16 added find_tasks and the bulk tools, issue 13 list_projects.
    expect(tools.map((t: { name: string }) => t.name).sort()).toEqual([
      "add_task",
      "complete_task",
      "complete_tasks",
      "delete_task",
      "delete_tasks",
      "find_tasks",
      "list_projects",
      "list_tasks",
      "update_task",
      "update_tasks",
    ]);
    const added = await inspect(
      "--method",
      "tools/call",
      "--tool-name",
      "add_task",
      "--tool-arg",
      "title=Buy milk",
      "priority=high",
    );
    expect(JSON.parse(added.content[0].text)).toEqual({
      task_id: 1,
      status: "created",
      title: "Buy milk",
      project: null,
    });
    const listed = await inspect("--method", "tools/call", "--tool-name", "list_tasks", "--tool-arg", "status=pending");
    expect(JSON.parse(listed.content[0].text)).toEqual([
      { id: 1, title: "Buy milk", completed: false, priority: "high", tags: [], due_at: null, project: null },
    ]);
  });

  it("fails without the API key", async () => {
    await expect(
      run(process.execPath, [INSPECTOR, mcp.url, "--transport", "http", "--method", "tools/list"], { timeout: 30_000 }),
    ).rejects.toThrow();
  });
});
