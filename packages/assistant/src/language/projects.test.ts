// The project phrases of the intent grammar (issue 13): adding to a project's list, listing a project, moving to a
// project, subtasks, (un)assigning and sharing; and the phrases that must stay what they were before projects.
import { describe, expect, it } from "vitest";
import { parseIntent } from "./intents";

const parse = (message: string) => parseIntent(message, { now: new Date("2026-11-22T10:00:00Z"), timeZone: "UTC" });

describe("project phrases", () => {
  it("reads a project at the end of an add, keeping the old reading (a tag) for when there is no such project", () => {
    const intent = parse("add milk to the shopping list");
    expect(intent).toMatchObject({ kind: "add", task: { title: "Milk", tags: ["shopping"] } });
    expect(intent.kind === "add" && intent.project).toMatchObject({
      name: "shopping",
      task: { title: "Milk", tags: [] },
    });
    expect(parse("put eggs on the groceries list")).toMatchObject({
      project: { name: "groceries", task: { title: "Eggs" } },
    });
    expect(parse("add milk to my Home project")).toMatchObject({ project: { name: "Home", task: { title: "Milk" } } });
    // "my list" names no project.
    expect(parse("add buy milk to my list")).not.toHaveProperty("project");
  });

  it("reads a project in a list request", () => {
    expect(parse("what's in my work project?")).toEqual({ kind: "list", filter: { project: "work", tag: "work" } });
    expect(parse("show the groceries list")).toEqual({ kind: "list", filter: { project: "groceries" } });
    expect(parse("show my to-do list")).toEqual({ kind: "list", filter: {} });
    expect(parse("show my work tasks")).toEqual({ kind: "list", filter: { tag: "work" } });
  });

  it("moves to a project, but a date is still a move in time", () => {
    expect(parse("move task 4 to Home")).toEqual({ kind: "update", ref: { id: 4 }, changes: { project: "Home" } });
    expect(parse("move task 4 to the inbox")).toEqual({
      kind: "update",
      ref: { id: 4 },
      changes: { project: "inbox" },
    });
    expect(parse("move the plumber task to the Work project")).toEqual({
      kind: "update",
      ref: { title: "plumber" },
      changes: { project: "Work" },
    });
    expect(parse("move the dentist to next week")).toMatchObject({
      kind: "update",
      changes: { due_at: expect.any(String) },
    });
  });

  it("reads subtasks, assignees and shares", () => {
    expect(parse("add a subtask to task 3: buy stamps")).toMatchObject({
      kind: "add",
      task: { title: "Buy stamps" },
      parent: { id: 3 },
    });
    expect(parse("add envelopes as a subtask of the letters task")).toMatchObject({
      task: { title: "Envelopes" },
      parent: { title: "letters" },
    });
    expect(parse("assign the plumber task to Sam")).toEqual({
      kind: "update",
      ref: { title: "plumber" },
      changes: { assignee: "Sam" },
    });
    expect(parse("assign task 3 to me")).toEqual({ kind: "update", ref: { id: 3 }, changes: { assignee: "me" } });
    expect(parse("unassign task 2")).toEqual({ kind: "update", ref: { id: 2 }, changes: { assignee: null } });
    expect(parse("share the groceries list with Sam@Example.com")).toEqual({
      kind: "share",
      project: "groceries",
      email: "sam@example.com",
      role: "editor",
    });
    expect(parse("share Home with a@b.co as a viewer")).toMatchObject({ kind: "share", role: "viewer" });
    // No email, no share.
    expect(parse("share the groceries list with Sam")).not.toMatchObject({ kind: "share" });
  });
});
