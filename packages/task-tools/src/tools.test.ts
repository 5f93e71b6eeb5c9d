// The second version of the tools (issue 16, design §15) through the official SDK client in-process: strict
// arguments, structured output valid against each tool's declared output schema, paging over 1,000 tasks, dates in
// plain language, find_tasks and the bulk tools.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { TOOL_NAMES, TOOLS, ToolError, type ToolName } from "@todo/contract/tools";
import { Ajv } from "ajv";
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

/** A day and time on the wall clock of `timeZone`, e.g. "2026-12-03 17:00". */
function wallClock(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function dayIn(timeZone: string, offsetDays: number): string {
  return wallClock(new Date(Date.now() + offsetDays * 86_400_000).toISOString(), timeZone).slice(0, 10);
}

describe.each(databaseKinds)("task tools, second version, on %s", (kind) => {
  let database: TestDatabase;
  let ctx: ToolContext;
  let client: Client;
  let tools: Tool[];

  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  const ok = async (name: ToolName, args: Record<string, unknown>) => {
    const result = await call(name, args);
    expect(result.isError, text(result)).toBeFalsy();
    return TOOLS[name].output.parse(result.structuredContent) as any;
  };
  const fails = async (name: string, args: Record<string, unknown>, code: string) => {
    const result = await call(name, args);
    expect(result.isError, JSON.stringify(args)).toBe(true);
    const failure = ToolError.parse(result.structuredContent);
    expect(failure.error.code).toBe(code);
    expect(text(result)).toBe(failure.error.message);
    return failure.error;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    ctx = {
      db: database.handle.db,
      userId: await insertUser(database.handle.db, "Tools v2"),
      logger: quiet,
      via: "mcp",
    };
    client = new Client({ name: "tools-v2-test", version: "1.0.0" });
    await client.connect(await connectInProcess(ctx, "test"));
    tools = (await client.listTools()).tools;
  });
  afterAll(async () => {
    await client?.close();
    await database?.drop();
  });

  it("declares every tool with annotations, examples and an output schema that its structured results satisfy", async () => {
    expect(tools.map((t) => t.name)).toEqual([...TOOL_NAMES]);
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validators = new Map(tools.map((t) => [t.name, ajv.compile(t.outputSchema!)]));
    for (const tool of tools) {
      for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint"] as const) {
        expect(typeof tool.annotations?.[hint], `${tool.name} ${hint}`).toBe("boolean");
      }
      expect(tool.description).toMatch(/Example: \{/);
    }
    expect(tools.filter((t) => t.annotations?.readOnlyHint).map((t) => t.name)).toEqual([
      "list_tasks",
      "find_tasks",
      "list_projects",
    ]);
    expect(tools.filter((t) => t.annotations?.destructiveHint).map((t) => t.name)).toEqual([
      "delete_task",
      "delete_tasks",
    ]);

    // One successful call of every tool; each structured result must match the JSON Schema the tool declares.
    const a = (await ok("add_task", { title: "Schema A", due_at: "2026-12-01T09:00:00Z" })).task_id;
    const b = (await ok("add_task", { title: "Schema B", recurrence: "daily" })).task_id;
    const c = (await ok("add_task", { title: "Schema C" })).task_id;
    const d = (await ok("add_task", { title: "Schema D" })).task_id;
    const calls: [ToolName, Record<string, unknown>][] = [
      ["list_tasks", { limit: 2 }],
      ["find_tasks", { text: "schema" }],
      ["update_task", { task_id: a, priority: "low" }],
      ["complete_task", { task_id: a }],
      [
        "update_tasks",
        {
          updates: [
            { task_id: c, tags: ["x"] },
            { task_id: 9999, title: "none" },
          ],
        },
      ],
      ["complete_tasks", { task_ids: [b, 9999] }],
      ["delete_tasks", { task_ids: [c, d], confirm: true }],
      ["delete_task", { task_id: a }],
      ["list_projects", {}],
    ];
    for (const [name, args] of calls) {
      const result = await call(name, args);
      expect(result.isError, `${name}: ${text(result)}`).toBeFalsy();
      const validate = validators.get(name)!;
      expect(validate(result.structuredContent), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(JSON.parse(text(result))).toEqual(TOOLS[name].toResult(result.structuredContent as never));
    }
    // Failures match it too (isError with the contract's ToolError).
    const failed = await call("complete_task", { task_id: 9999 });
    expect(validators.get("complete_task")!(failed.structuredContent)).toBe(true);
  });

  it("refuses unknown arguments with a sentence naming them, a suggestion and the accepted ones", async () => {
    const error = await fails("add_task", { title: "x", due_date: "tomorrow", prio: "high" }, "validation_error");
    expect(error.message).toBe(
      "Unknown arguments due_date, prio for add_task (did you mean due_at, priority?). add_task accepts: title, description, priority, tags, due_at, remind_at, recurrence, timezone, project, parent, assignee, user_id.",
    );
    expect(error.details).toEqual([
      { path: "due_date", message: "Unknown argument due_date" },
      { path: "prio", message: "Unknown argument prio" },
    ]);
    expect((await fails("add_task", { title: "x", notes: "y" }, "validation_error")).message).toMatch(
      /^Unknown argument notes for add_task\. add_task accepts: title, description/,
    );
    expect((await fails("complete_task", { task_id: 1, limit: 3 }, "validation_error")).message).toBe(
      "Unknown argument limit for complete_task. complete_task accepts: task_id, user_id.",
    );
    expect((await fails("update_tasks", { updates: [{ task_id: 1, titel: "y" }] }, "validation_error")).message).toBe(
      "Unknown argument titel for update_tasks in updates.0 (did you mean title?). Each of updates accepts: task_id, title, description, priority, tags, due_at, remind_at, recurrence, timezone, completed, project, assignee.",
    );
    expect(JSON.parse(text(await call("list_tasks", { query: "x" })))).toEqual([]);
  });

  it("reads due and reminder dates in plain language in the given time zone, and ISO 8601 as before", async () => {
    const zone = "Europe/Paris";
    const added = await ok("add_task", { title: "Plain dates", due_at: "tomorrow 5pm", timezone: zone });
    expect(wallClock(added.task.due_at, zone)).toBe(`${dayIn(zone, 1)} 17:00`);
    const tokyo = await ok("update_task", {
      task_id: added.task_id,
      due_at: "in 3 days at 8:30am",
      remind_at: "in 2 days",
      timezone: "Asia/Tokyo",
    });
    expect(wallClock(tokyo.task.due_at, "Asia/Tokyo")).toBe(`${dayIn("Asia/Tokyo", 3)} 08:30`);
    expect(wallClock(tokyo.task.remind_at, "Asia/Tokyo")).toBe(`${dayIn("Asia/Tokyo", 2)} 09:00`);
    const iso = await ok("update_task", { task_id: added.task_id, due_at: "2027-01-05T10:00:00-05:00" });
    expect(iso.task.due_at).toBe("2027-01-05T15:00:00.000Z");
    expect((await fails("add_task", { title: "x", due_at: "when pigs fly" }, "validation_error")).message).toMatch(
      /^due_at: could not read "when pigs fly" as a date; send ISO 8601/,
    );
    await fails("add_task", { title: "x", due_at: "tomorrow and friday" }, "validation_error");
    await fails("add_task", { title: "x", due_at: "tomorrow", timezone: "Mars/Base" }, "validation_error");
    await ok("delete_task", { task_id: added.task_id });
  });

  it("finds tasks by text in titles, descriptions and tags", async () => {
    const dentist = await ok("add_task", { title: "Call the dentist", tags: ["health"] });
    const rent = await ok("add_task", { title: "Rent", description: "Ask the landlord about the Dentist bill" });
    await ok("add_task", { title: "Unrelated" });
    const found = await ok("find_tasks", { text: "DENTIST" });
    expect(found.tasks.map((t: { id: number }) => t.id)).toEqual([dentist.task_id, rent.task_id]);
    expect(found.total).toBe(2);
    expect(JSON.parse(text(await call("find_tasks", { text: "health" }))).map((t: any) => t.title)).toEqual([
      "Call the dentist",
    ]);
    await ok("complete_task", { task_id: dentist.task_id });
    expect((await ok("find_tasks", { text: "dentist", status: "pending" })).tasks).toHaveLength(1);
    await fails("find_tasks", { text: "  " }, "validation_error");
    await fails("find_tasks", {}, "validation_error");
  });

  it("completes, updates and deletes several tasks in one call, reporting the ones it could not act on", async () => {
    const ids: number[] = [];
    for (const title of ["Bulk 1", "Bulk 2", "Bulk 3"]) ids.push((await ok("add_task", { title })).task_id);
    const [one, two, three] = ids as [number, number, number];

    const completed = await ok("complete_tasks", { task_ids: [one, two, 424242, one] });
    expect(completed.completed.map((r: any) => r.task_id)).toEqual([one, two]);
    expect(completed.failed).toEqual([
      { task_id: 424242, error: { code: "not_found", message: "Task 424242 was not found" } },
    ]);
    expect(completed.tasks.every((t: any) => t.completed)).toBe(true);
    expect((await fails("complete_tasks", { task_ids: [424242, 424243] }, "not_found")).message).toMatch(
      /None of the 2 tasks/,
    );
    await fails("complete_tasks", { task_ids: [] }, "validation_error");
    await fails("complete_tasks", { task_ids: Array.from({ length: 101 }, (_, i) => i + 1) }, "validation_error");

    const updated = await ok("update_tasks", {
      updates: [
        { task_id: one, completed: false, priority: "high" },
        { task_id: three, due_at: "tomorrow 9am", timezone: "UTC" },
        { task_id: two, due_at: "2030-01-01T00:00:00Z", remind_at: "2030-01-02T00:00:00Z" },
      ],
    });
    expect(updated.updated.map((r: any) => r.task_id)).toEqual([one, three]);
    expect(updated.tasks[0]).toMatchObject({ completed: false, priority: "high" });
    expect(updated.tasks[1].due_at).toBe(`${dayIn("UTC", 1)}T09:00:00.000Z`);
    expect(updated.failed).toEqual([
      { task_id: two, error: { code: "validation_error", message: expect.stringMatching(/remind/i) } },
    ]);

    // Several deletions need confirm: true, and nothing is deleted without it.
    expect((await fails("delete_tasks", { task_ids: [one, two] }, "validation_error")).message).toBe(
      "Deleting 2 tasks needs confirm: true; tell the user which tasks will be deleted and ask them first",
    );
    await fails("delete_tasks", { task_ids: [one, two], confirm: false }, "validation_error");
    expect((await ok("find_tasks", { text: "bulk" })).total).toBe(3);
    const deleted = await ok("delete_tasks", { task_ids: [one, two], confirm: true });
    expect(deleted.deleted.map((r: any) => r.title)).toEqual(["Bulk 1", "Bulk 2"]);
    expect((await ok("delete_tasks", { task_ids: [three] })).deleted).toHaveLength(1);
    expect((await ok("find_tasks", { text: "bulk" })).total).toBe(0);
  });

  it("pages over 1,000 tasks with limit, a stable cursor and total, without duplicates or gaps", async () => {
    const pager: ToolContext = { ...ctx, userId: await insertUser(database.handle.db, "Pager") };
    for (let i = 1; i <= 1000; i++) {
      const r = await callTool(pager, "add_task", { title: `Paged ${i}`, ...(i % 2 ? { tags: ["odd"] } : {}) });
      expect(r.isError).toBeFalsy();
    }
    const pageOf = async (args: Record<string, unknown>) => {
      const r = await callTool(pager, "list_tasks", args);
      expect(r.isError, text(r)).toBeFalsy();
      return TOOLS.list_tasks.output.parse(r.structuredContent);
    };

    // Straight through: 7 pages of 150, every task once, in order.
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await pageOf({ limit: 150, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(1000);
      seen.push(...page.tasks.map((t) => t.id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(7); // the last page has no next_cursor
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));

    // While tasks are deleted before the cursor and added after it, no remaining task is skipped or repeated.
    const first = await pageOf({ limit: 100 });
    const deletedIds = [3, 50, 99, 100];
    for (const id of deletedIds) expect((await callTool(pager, "delete_task", { task_id: id })).isError).toBeFalsy();
    await callTool(pager, "add_task", { title: "Paged late" });
    const rest: number[] = [];
    cursor = first.next_cursor;
    pages = 0;
    while (cursor && pages < 20) {
      const page = await pageOf({ limit: 200, cursor });
      rest.push(...page.tasks.map((t) => t.id));
      cursor = page.next_cursor;
      pages++;
    }
    expect(rest).toEqual(Array.from({ length: 901 }, (_, i) => i + 101));

    // Filters page too, and a cursor belongs to its filters.
    const odd = await pageOf({ tag: "odd", limit: 200 });
    expect(odd.total).toBe(498);
    const second = await pageOf({ tag: "odd", limit: 200, cursor: odd.next_cursor });
    expect(second.tasks[0]!.id).toBe(odd.tasks.at(-1)!.id + 2);
    for (const bad of [odd.next_cursor, "not-a-cursor", Buffer.from('{"o":-1}').toString("base64url")]) {
      const r = await callTool(pager, "list_tasks", { status: "pending", cursor: bad });
      expect(r.isError).toBe(true);
      expect(ToolError.parse(r.structuredContent).error).toMatchObject({
        code: "validation_error",
        message: expect.stringMatching(/^cursor is not one this list gave out/),
      });
    }
  }, 120_000);
});
