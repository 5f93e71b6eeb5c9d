import { describe, expect, it } from "vitest";
import { confirmationOf, done, listed, plan, stateAfter, task, turn } from "../../fixtures/planner-turn";
import { isAffirmative } from "./confirmation";

const calls = (p: ReturnType<typeof plan>) => (p.type === "call" ? p.calls : p.text);

/** The state after the planner added a task: what it said and the change the add_task call made. */
function afterAdd(t: Parameters<typeof task>[0]) {
  const added = done("add_task", t);
  added.value.task = task(t);
  const p = turn(`add ${t.title}`, { outcomes: [added] });
  return stateAfter(p, undefined, [{ name: "add_task", output: added.value }]);
}

describe("confirmations beyond a bare yes", () => {
  it.each(["yes please", "sure, go ahead", "yep", "Yep!", "ok, do it", "yes, delete them", "absolutely"])(
    "reads %j as yes",
    (m) => expect(isAffirmative(m)).toBe("yes"),
  );
  it.each(["no thanks", "nope, keep them", "cancel", "don't"])("reads %j as no", (m) =>
    expect(isAffirmative(m)).toBe("no"),
  );
  it.each(["yes but only the first", "thanks", "delete task 3", "sure, and add milk", `${"yes ".repeat(60)}x`])(
    "reads %j as neither",
    (m) => expect(isAffirmative(m)).toBe("other"),
  );
  it("confirms the pending deletion with 'sure, go ahead'", () => {
    const ask = turn("delete tasks 2 and 5", {
      outcomes: [
        listed([
          { id: 2, title: "Two" },
          { id: 5, title: "Five" },
        ]),
      ],
    });
    expect(confirmationOf(ask)).toEqual([2, 5]);
    expect(calls(plan("sure, go ahead", { state: stateAfter(ask) }))).toEqual([
      { name: "delete_task", args: { task_id: 2 } },
      { name: "delete_task", args: { task_id: 5 } },
    ]);
  });
});

describe("an ordinal after any list", () => {
  const shown = stateAfter(
    turn("show my tasks", {
      outcomes: [
        listed([
          { id: 4, title: "Alpha" },
          { id: 7, title: "Beta" },
          { id: 9, title: "Gamma" },
        ]),
      ],
    }),
  );
  it("acts on the task at that position", () => {
    expect(calls(plan("tick off the third one", { state: shown }))).toEqual([
      { name: "complete_task", args: { task_id: 9 } },
    ]);
    expect(calls(plan("delete the second task", { state: shown }))).toEqual([
      { name: "delete_task", args: { task_id: 7 } },
    ]);
    expect(calls(plan("make the last one high priority", { state: shown }))).toEqual([
      { name: "update_task", args: { task_id: 9, priority: "high", timezone: "UTC" } },
    ]);
  });
  it("says so when the list was shorter, and adds nothing", () => {
    expect(calls(plan("tick off the fifth one", { state: shown }))).toMatch(/had 3 tasks, so there is no fifth one/);
  });
});

describe("undo", () => {
  it("deletes a task it just added", () => {
    const state = afterAdd({ id: 12, title: "Buy milk" });
    expect(calls(plan("undo that", { state }))).toEqual([{ name: "delete_task", args: { task_id: 12 } }]);
    const undone = plan("undo that", { state, outcomes: [done("delete_task", { id: 12, title: "Buy milk" })] });
    expect(calls(undone)).toBe("Undone:\n- removed task 12: Buy milk");
  });

  it("puts an updated task back as it was, from the recorded before", () => {
    const before = task({ id: 3, title: "Dentist", due_at: "2026-11-27T09:00:00.000Z", tags: ["health"] });
    const moved = done("update_task", { id: 3, title: "Dentist" });
    moved.value.task = { ...before, due_at: "2026-12-04T09:00:00.000Z" };
    const p = turn("push the dentist to next week", { outcomes: [listed([before]), moved] });
    const state = stateAfter(p, undefined, [{ name: "update_task", output: moved.value, before }]);
    expect(calls(plan("undo", { state }))).toEqual([
      {
        name: "update_task",
        args: {
          task_id: 3,
          title: "Dentist",
          description: "",
          priority: "none",
          tags: ["health"],
          due_at: "2026-11-27T09:00:00.000Z",
          remind_at: null,
          recurrence: null,
          timezone: "UTC",
        },
      },
    ]);
  });

  it("reopens a completed task and brings back a deleted one", () => {
    const completed = done("complete_task", { id: 5, title: "Pay rent" });
    const state = stateAfter(turn("mark task 5 done", { outcomes: [completed] }), undefined, [
      { name: "complete_task", output: { ...completed.value, task: { ...completed.value.task, completed: true } } },
    ]);
    expect(calls(plan("undo that please", { state }))).toEqual([
      { name: "update_task", args: { task_id: 5, completed: false } },
    ]);
    const deleted = done("delete_task", { id: 8, title: "Old" });
    const gone = stateAfter(turn("delete task 8", { outcomes: [deleted] }), undefined, [
      { name: "delete_task", output: deleted.value },
    ]);
    expect(calls(plan("take that back", { state: gone }))).toEqual([
      { name: "add_task", args: { title: "Old", timezone: "UTC" } },
    ]);
  });

  it("says so when there is nothing to undo", () => {
    expect(calls(plan("undo that"))).toBe("There is nothing for me to undo in this conversation.");
  });
});

describe("corrections edit the last change, never add a task", () => {
  const state = afterAdd({ id: 12, title: "Call the dentist", due_at: "2026-11-23T08:00:00.000Z" });
  it("a new time keeps the date", () => {
    expect(calls(plan("actually, make that 9am", { state }))).toEqual([
      { name: "update_task", args: { task_id: 12, due_at: "2026-11-23T09:00:00.000Z", timezone: "UTC" } },
    ]);
    expect(calls(plan("make it 3pm", { state }))).toEqual([
      { name: "update_task", args: { task_id: 12, due_at: "2026-11-23T15:00:00.000Z", timezone: "UTC" } },
    ]);
  });
  it("a new date keeps the time", () => {
    expect(calls(plan("no, I meant Thursday", { state }))).toEqual([
      { name: "update_task", args: { task_id: 12, due_at: "2026-11-26T08:00:00.000Z", timezone: "UTC" } },
    ]);
  });
  it("asks instead of renaming or adding when the correction names no change", () => {
    const out = plan("no, the other one", { state });
    expect(out.type).toBe("reply");
    expect(calls(out)).toMatch(/^I'm not sure what to change about task 12/);
  });
  it("leaves a new request alone", () => {
    expect(calls(plan("actually, add buy milk", { state }))).toEqual([
      { name: "add_task", args: { title: "Buy milk", timezone: "UTC" } },
    ]);
  });
});
