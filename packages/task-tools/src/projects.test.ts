// Projects, subtasks and assignees through the tools: a project named by name (any case) or id, resolved once in
// core among the caller's projects, with an error that lists the choices when the name is unknown or ambiguous;
// results name the project; list_projects; the activity log records the context's `via`.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { TOOLS, ToolError, type ToolName } from "@todo/contract/tools";
import { listActivity } from "@todo/core/activity/activity.service";
import { addMember, createProject } from "@todo/core/projects/projects.service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../test/databases";
import { insertUser } from "../../../test/users";
import { callTool, runTool } from "./registry";
import { shareProject } from "./share-project";
import type { ToolContext } from "./tool";

const quiet = { error: () => {} };
const text = (r: CallToolResult) => r.content.map((c) => (c.type === "text" ? c.text : "")).join("");

describe.each(databaseKinds)("project arguments of the tools on %s", (kind) => {
  let database: TestDatabase;
  let ctx: ToolContext;
  let sam: string;
  let samEmail: string;
  let groceries: string;

  async function ok(name: ToolName, args: Record<string, unknown>, as = ctx) {
    const r = await callTool(as, name, args);
    expect(r.isError, text(r)).toBeFalsy();
    const output = TOOLS[name].output.parse(r.structuredContent);
    expect(JSON.parse(text(r))).toEqual(TOOLS[name].toResult(output as never));
    return output as any;
  }
  async function fails(name: ToolName, args: Record<string, unknown>, as = ctx) {
    const r = await callTool(as, name, args);
    expect(r.isError).toBe(true);
    return ToolError.parse(r.structuredContent).error;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.handle.db;
    ctx = { db, userId: await insertUser(db, "Robin Hood"), logger: quiet, via: "mcp" };
    sam = await insertUser(db, "Sam Gamgee");
    samEmail = `${sam}@example.test`;
    groceries = (await createProject(db, ctx.userId, { name: "Groceries" })).id;
    await createProject(db, ctx.userId, { name: "Work" });
    await createProject(db, ctx.userId, { name: "Twice" });
    await createProject(db, ctx.userId, { name: "twice" });
    await addMember(db, ctx.userId, groceries, { email: samEmail, role: "editor" });
    // Another user's project of the same name is never matched.
    await createProject(db, sam, { name: "Work" });
  });
  afterAll(() => database?.drop());

  it("adds to a project named in any case or by id, and the result names the project", async () => {
    const byName = await ok("add_task", { title: "Milk", project: "  GROCERIES " });
    expect(byName.project).toEqual({ id: groceries, name: "Groceries" });
    expect(byName.task.project_id).toBe(groceries);
    const byId = await ok("add_task", { title: "Eggs", project: groceries });
    expect(byId.task.project_id).toBe(groceries);
    const inbox = await ok("add_task", { title: "Private", project: "Inbox" });
    expect(inbox.project).toBeNull();
    expect(inbox.task.project_id).toBeNull();
  });

  it("refuses an unknown project with the choices, an ambiguous one with the ids, and never sees others' projects", async () => {
    const unknown = await fails("add_task", { title: "x", project: "Shopping" });
    expect(unknown.code).toBe("not_found");
    expect(unknown.message).toBe(
      'You have no project called "Shopping". Your projects: "Groceries", "Work", "Twice", "twice", or "inbox" for the Inbox',
    );
    const twice = await fails("list_tasks", { project: "TWICE" });
    expect(twice.code).toBe("validation_error");
    expect(twice.message).toMatch(/^2 of your projects are called "Twice": give the id of the one you mean \(/);
    // Sam's own "Work" and Robin's "Work" are different projects: each resolves to their own.
    const robinWork = await ok("add_task", { title: "Report", project: "work" });
    const samWork = await ok("add_task", { title: "Sam's report", project: "work" }, { ...ctx, userId: sam });
    expect(robinWork.task.project_id).not.toBe(samWork.task.project_id);
    const theirs = await fails("list_tasks", { project: samWork.task.project_id });
    expect(theirs.code).toBe("not_found");
    expect(theirs.message).toContain("You have no project called");
  });

  it("lists and finds one project's tasks, naming the project of each listed task", async () => {
    const listed = await ok("list_tasks", { project: "groceries" });
    expect(listed.tasks.map((t: { title: string }) => t.title).sort()).toEqual(["Eggs", "Milk"]);
    expect(listed.projects).toEqual([{ id: groceries, name: "Groceries" }]);
    const lines = JSON.parse(text(await callTool(ctx, "list_tasks", { project: "groceries" })));
    expect(lines.map((l: { project: string }) => l.project)).toEqual(["Groceries", "Groceries"]);
    expect((await ok("list_tasks", { project: "inbox" })).tasks.map((t: { title: string }) => t.title)).toEqual([
      "Private",
    ]);
    expect((await ok("find_tasks", { text: "milk", project: "Work" })).total).toBe(0);
    expect((await ok("find_tasks", { text: "milk", project: "groceries" })).total).toBe(1);
    // A cursor belongs to its project filter.
    const page = await ok("list_tasks", { project: "groceries", limit: 1 });
    expect(page.next_cursor).toBeDefined();
    const wrong = await fails("list_tasks", { project: "work", cursor: page.next_cursor });
    expect(wrong.message).toMatch(/cursor is not one this list gave out/);
  });

  it("adds a subtask under a parent, in the parent's project, and lists it by parent", async () => {
    const parent = await ok("add_task", { title: "Party", project: "Groceries" });
    const child = await ok("add_task", { title: "Buy stamps", parent: parent.task_id });
    expect(child.task.parent_id).toBe(parent.task_id);
    expect(child.project).toEqual({ id: groceries, name: "Groceries" });
    const subtasks = await ok("list_tasks", { parent: parent.task_id });
    expect(subtasks.tasks.map((t: { title: string }) => t.title)).toEqual(["Buy stamps"]);
    const both = await fails("add_task", { title: "x", parent: parent.task_id, project: "Work" });
    expect(both.message).toMatch(/subtask lives in its parent's project/);
  });

  it("assigns by a member's name or email, refuses a non-member naming the members, and moves tasks", async () => {
    const task = await ok("add_task", { title: "Call the plumber", project: "Groceries", assignee: "sam gamgee" });
    expect(task.task.assignee).toEqual({ id: sam, name: "Sam Gamgee" });
    const byFirst = await ok("update_task", { task_id: task.task_id, assignee: "Robin" });
    expect(byFirst.task.assignee).toEqual({ id: ctx.userId, name: "Robin Hood" });
    const byEmail = await ok("update_task", { task_id: task.task_id, assignee: samEmail.toUpperCase() });
    expect(byEmail.task.assignee.id).toBe(sam);
    const stranger = await fails("update_task", { task_id: task.task_id, assignee: "Gandalf" });
    expect(stranger.code).toBe("validation_error");
    expect(stranger.message).toMatch(/^"Gandalf" is not a member of this project. Its members: /);
    expect(stranger.message).toContain("Sam Gamgee <");
    expect((await ok("update_task", { task_id: task.task_id, assignee: null })).task.assignee).toBeNull();
    // Moving: by name, and back to the Inbox.
    const moved = await ok("update_task", { task_id: task.task_id, project: "work" });
    expect(moved.project?.name).toBe("Work");
    expect((await ok("update_task", { task_id: task.task_id, project: null })).task.project_id).toBeNull();
    const bulk = await ok("update_tasks", { updates: [{ task_id: task.task_id, project: "Groceries" }] });
    expect(bulk.tasks[0].project_id).toBe(groceries);
  });

  it("lists projects with the caller's role, open tasks and members", async () => {
    const out = await ok("list_projects", {});
    const g = out.projects.find((p: { id: string }) => p.id === groceries);
    expect(g).toMatchObject({ name: "Groceries", role: "owner", members: 2 });
    expect(g.member_list.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ["Robin Hood", "owner"],
      ["Sam Gamgee", "editor"],
    ]);
    const lines = JSON.parse(text(await callTool(ctx, "list_projects", {})));
    expect(lines[0]).toEqual({
      id: out.projects[0].id,
      name: "Groceries",
      role: "owner",
      pending: g.pending,
      members: 2,
    });
    const samSees = await ok("list_projects", {}, { ...ctx, userId: sam });
    expect(samSees.projects.map((p: { name: string; role: string }) => [p.name, p.role])).toEqual([
      ["Groceries", "editor"],
      ["Work", "owner"],
    ]);
  });

  it("records each change with the context's via; the assistant's share tool shares by name", async () => {
    const assistant: ToolContext = { ...ctx, via: "assistant" };
    const viaMcp = await ok("add_task", { title: "Logged via MCP", project: "Work" });
    const viaAssistant = await ok("add_task", { title: "Logged via assistant", project: "Work" }, assistant);
    await ok("complete_task", { task_id: viaAssistant.task_id }, assistant);
    const entries = async (task: number) =>
      (await listActivity(ctx.db, ctx.userId, { task })).map((e) => [e.action, e.via]);
    expect(await entries(viaMcp.task_id)).toEqual([["task.created", "mcp"]]);
    expect(await entries(viaAssistant.task_id)).toEqual([
      ["task.completed", "assistant"],
      ["task.created", "assistant"],
    ]);
    const shared = await runTool(assistant, shareProject, { project: "work", email: samEmail, role: "viewer" });
    expect(shared.isError, text(shared)).toBeFalsy();
    expect(shared.structuredContent).toMatchObject({ status: "shared", project: { name: "Work" } });
    const work = (shared.structuredContent as { project: { id: string } }).project.id;
    const log = await listActivity(ctx.db, ctx.userId, { project: work });
    expect(log[0]).toMatchObject({ action: "member.added", via: "assistant" });
    const inbox = await runTool(assistant, shareProject, { project: "inbox", email: samEmail });
    expect(ToolError.parse(inbox.structuredContent).error.message).toMatch(/Inbox is never shared/);
    const unknown = await runTool(assistant, shareProject, { project: "Work", email: "nobody@example.test" });
    expect(ToolError.parse(unknown.structuredContent).error.code).toBe("not_found");
  });
});
