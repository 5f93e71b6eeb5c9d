// The tools through the official SDK client over the in-memory transport (the way the agent calls them in embedded
// mode) and through the registry directly: every result's structuredContent matches the contract's schema — the
// tool's output on success, ToolError on failure — beside the original fields in the text.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { LIMITS } from "@todo/contract/limits";
import { TOOL_NAMES, TOOLS, ToolError, type ToolName } from "@todo/contract/tools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../test/databases";
import { insertUser } from "../../../test/users";
import { connectInProcess } from "./mcp-server";
import { callTool } from "./registry";
import type { ToolContext } from "./tool";

const quiet = { error: () => {} };

function text(result: unknown): string {
  return (result as CallToolResult).content.map((c) => (c.type === "text" ? c.text : "")).join("");
}

/** The result of a successful call, checked against the contract: output schema, and text = original fields. */
function expectSuccess(name: ToolName, result: unknown) {
  const r = result as CallToolResult;
  expect(r.isError, text(r)).toBeFalsy();
  const output = TOOLS[name].output.parse(r.structuredContent);
  expect(JSON.parse(text(r))).toEqual(TOOLS[name].toResult(output as never));
  return output as any;
}

/** The result of a failed call: isError, ToolError with this code, and the same sentence as the text. */
function expectFailure(result: unknown, code: string, message: RegExp) {
  const r = result as CallToolResult;
  expect(r.isError).toBe(true);
  const failure = ToolError.parse(r.structuredContent);
  expect(failure.error.code).toBe(code);
  expect(failure.error.message).toBe(text(r));
  expect(text(r)).toMatch(message);
  return failure;
}

describe.each(databaseKinds)("task tools on %s", (kind) => {
  let database: TestDatabase;
  let ctx: ToolContext;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    ctx = {
      db: database.handle.db,
      userId: await insertUser(database.handle.db, "Tool user"),
      logger: quiet,
      via: "mcp",
    };
    client = new Client({ name: "task-tools-test", version: "1.0.0" });
    await client.connect(await connectInProcess(ctx, "test"));
    // Listing caches each tool's output schema, so the SDK client also checks every result against its JSON Schema.
    await client.listTools();
  });
  afterAll(async () => {
    await client?.close();
    await database?.drop();
  });

  it("lists every tool of the contract with a description for models, input, output schema and annotations", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([...TOOL_NAMES]);
    for (const tool of tools) {
      expect(tool.title).toBeTruthy();
      expect(tool.description!.length).toBeGreaterThan(80);
      expect(tool.description).toMatch(/Example: \{/);
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
      expect(tool.annotations?.openWorldHint).toBe(false);
    }
    const add = tools.find((t) => t.name === "add_task")!;
    expect(add.description).toContain(`at most ${LIMITS.title} characters`);
    expect(add.inputSchema.required).toEqual(["title"]);
    expect((add.inputSchema.properties as any).title.maxLength).toBe(LIMITS.title);
    expect(tools.find((t) => t.name === "delete_task")!.annotations?.destructiveHint).toBe(true);
    expect(tools.find((t) => t.name === "list_tasks")!.annotations?.readOnlyHint).toBe(true);
  });

  it("returns the full task in structuredContent and the original fields in the text, for every tool", async () => {
    const added = expectSuccess(
      "add_task",
      await client.callTool({
        name: "add_task",
        arguments: {
          title: "  Water the plants ",
          tags: ["#Home"],
          due_at: "2026-11-23T09:00:00+01:00",
          recurrence: "weekly",
        },
      }),
    );
    expect(added).toMatchObject({ status: "created", title: "Water the plants" });
    expect(added.task).toMatchObject({
      id: added.task_id,
      title: "Water the plants",
      tags: ["home"],
      due_at: "2026-11-23T08:00:00.000Z",
      recurrence: "FREQ=WEEKLY",
    });

    const listed = expectSuccess(
      "list_tasks",
      await client.callTool({ name: "list_tasks", arguments: { tag: "home" } }),
    );
    expect(listed.total).toBe(1);
    expect(listed.tasks).toEqual([added.task]);

    const updated = expectSuccess(
      "update_task",
      await client.callTool({ name: "update_task", arguments: { task_id: added.task_id, priority: "high" } }),
    );
    expect(updated.task).toMatchObject({ priority: "high", tags: ["home"] });

    const completed = expectSuccess(
      "complete_task",
      await client.callTool({ name: "complete_task", arguments: { task_id: String(added.task_id) } }),
    );
    expect(completed.task.completed).toBe(true);
    expect(completed.next_task_id).toBe(added.task_id + 1);
    expect(completed.next_task).toMatchObject({
      id: added.task_id + 1,
      completed: false,
      due_at: "2026-11-30T08:00:00.000Z",
    });

    const deleted = expectSuccess(
      "delete_task",
      await client.callTool({ name: "delete_task", arguments: { task_id: completed.next_task_id } }),
    );
    expect(deleted.task).toEqual(completed.next_task);
  });

  it("answers failures with isError, the contract's error code and the sentence, changing nothing", async () => {
    const cases: [ToolName, Record<string, unknown>, string, RegExp][] = [
      ["complete_task", { task_id: 999 }, "not_found", /^Task 999 was not found$/],
      ["delete_task", { task_id: 999 }, "not_found", /^Task 999 was not found$/],
      ["update_task", { task_id: 999, title: "x" }, "not_found", /^Task 999 was not found$/],
      ["complete_task", { task_id: "three" }, "validation_error", /task_id must be a task number/],
      ["add_task", { title: "   " }, "validation_error", /Title must not be empty/],
      ["add_task", { title: 42 }, "validation_error", /title/],
      // Plain-language dates are read since issue 16; a phrase that is no date is still refused.
      ["add_task", { title: "x", due_at: "whenever it suits" }, "validation_error", /ISO 8601/],
      ["add_task", { title: "x", recurrence: "FREQ=SOMETIMES" }, "validation_error", /recurrence/i],
      [
        "add_task",
        { title: "x", tags: Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`) },
        "validation_error",
        /tags/,
      ],
      ["list_tasks", { timezone: "Mars/Olympus" }, "validation_error", /time zone/i],
      ["add_task", { title: "x", user_id: "someone-else" }, "forbidden", /user_id does not match/],
    ];
    const before = text(await client.callTool({ name: "list_tasks", arguments: {} }));
    for (const [name, args, code, message] of cases) {
      const failure = expectFailure(await client.callTool({ name, arguments: args }), code, message);
      if (code === "validation_error")
        expect(failure.error.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]),
        );
    }
    expect(text(await client.callTool({ name: "list_tasks", arguments: { user_id: ctx.userId } }))).toBe(before);
  });

  it("acts only as the user of its context", async () => {
    const other: ToolContext = { ...ctx, userId: await insertUser(database.handle.db, "Other") };
    const mine = expectSuccess("add_task", await callTool(ctx, "add_task", { title: "Mine" }));
    expectFailure(await callTool(other, "delete_task", { task_id: mine.task_id }), "not_found", /was not found/);
    expect(expectSuccess("list_tasks", await callTool(other, "list_tasks", {})).tasks).toEqual([]);
    expectFailure(await callTool(other, "list_tasks", { user_id: ctx.userId }), "forbidden", /user_id/);
  });

  it("gives the same result called in-process through the registry as through the MCP client", async () => {
    const direct = await callTool(ctx, "list_tasks", { status: "all" });
    const viaClient = await client.callTool({ name: "list_tasks", arguments: { status: "all" } });
    expect(viaClient).toEqual(direct);
  });

  it("refuses an unknown tool as a protocol error naming it", async () => {
    await expect(client.callTool({ name: "drop_database", arguments: {} })).rejects.toThrow(/drop_database/);
  });
});

describe("task tools when the database fails", () => {
  it("answers service_unavailable, to be retried, when the database cannot be reached", async () => {
    const database = await createTestDatabase("pglite");
    const userId = await insertUser(database.handle.db);
    await database.drop();
    const logged: unknown[] = [];
    const ctx: ToolContext = {
      db: database.handle.db,
      userId,
      logger: { error: (details) => logged.push(details) },
      via: "mcp",
    };
    const failure = expectFailure(
      await callTool(ctx, "add_task", { title: "x" }),
      "service_unavailable",
      /^The database is unreachable right now; try again in a few seconds$/,
    );
    expect(failure.error.details).toBeUndefined();
  });

  it("answers internal_error without internals and logs the cause of an unexpected failure", async () => {
    const logged: unknown[] = [];
    // A database handle that breaks in an unforeseen way (not a connection error).
    const ctx: ToolContext = {
      db: {} as ToolContext["db"],
      userId: "u",
      logger: { error: (details) => logged.push(details) },
      via: "mcp",
    };
    const failure = expectFailure(
      await callTool(ctx, "add_task", { title: "x" }),
      "internal_error",
      /^add_task failed because of a server problem; please try again$/,
    );
    expect(failure.error.details).toBeUndefined();
    expect(logged).toEqual([expect.objectContaining({ tool: "add_task" })]);
  });
});
