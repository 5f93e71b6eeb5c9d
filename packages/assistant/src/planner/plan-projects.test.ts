// The planner's project steps: finding a named project (with list_projects when the agent gave none), and the
// share that waits for a yes to exactly itself.
import { describe, expect, it } from "vitest";
import { plan, stateAfter, turn } from "../../fixtures/planner-turn";

const projects = [
  { id: "pGroceries000001", name: "Groceries", role: "owner" as const, member_list: [] },
  { id: "pWork0000000001", name: "Work", role: "viewer" as const, member_list: [] },
];
const listedProjects = { name: "list_projects", args: {}, ok: true, value: { projects } };

describe("project steps of the planner", () => {
  it("asks list_projects for the projects when the agent gave none, then adds to the one named", () => {
    expect(plan("add milk to the groceries list")).toEqual({
      type: "call",
      calls: [{ name: "list_projects", args: {} }],
    });
    expect(plan("add milk to the groceries list", { outcomes: [listedProjects] })).toEqual({
      type: "call",
      calls: [{ name: "add_task", args: { title: "Milk", timezone: "UTC", project: "pGroceries000001" } }],
    });
    // Given the projects, no tool call is needed to find one.
    expect(plan("what's in the work project?", { projects })).toEqual({
      type: "call",
      calls: [{ name: "list_tasks", args: { timezone: "UTC", project: "pWork0000000001" } }],
    });
  });

  it("asks before sharing, records the exact share, and only a yes runs it", () => {
    const asked = turn("share the groceries list with sam@example.com as a viewer", { projects });
    expect(asked.type === "reply" && asked.text).toMatch(/^Share "Groceries" with sam@example.com as a viewer\?/);
    const state = stateAfter(asked);
    expect(state.confirmation).toEqual({
      tool: "share_project",
      project_id: "pGroceries000001",
      project_name: "Groceries",
      email: "sam@example.com",
      role: "viewer",
    });
    expect(plan("yes", { state, projects })).toEqual({
      type: "call",
      calls: [
        { name: "share_project", args: { project: "pGroceries000001", email: "sam@example.com", role: "viewer" } },
      ],
    });
    expect(plan("no", { state, projects })).toEqual({ type: "reply", text: 'OK, I didn\'t share "Groceries".' });
  });

  it("does not offer to share a project the person cannot share", () => {
    const refused = turn("share work with sam@example.com", { projects });
    expect(refused).toEqual({ type: "reply", text: 'Only an owner of "Work" can share it; you are a viewer there.' });
    expect(stateAfter(refused).confirmation).toBeNull();
  });
});
