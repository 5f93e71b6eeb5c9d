import { describe, expect, it } from "vitest";
import { confirmationOf, listed, plan, turn } from "../../fixtures/planner-turn";

describe("planTurn", () => {
  describe("several tasks by number", () => {
    const calls = (p: ReturnType<typeof plan>) => (p.type === "call" ? p.calls : p.text);
    const ok = (name: string, id: number, title: string) => ({
      name,
      args: { task_id: id },
      ok: true,
      value: { task_id: id, title },
    });

    it("completes each, then lists what was done and what was not found", () => {
      expect(calls(plan("mark 3 and 4 as done"))).toEqual([
        { name: "complete_task", args: { task_id: 3 } },
        { name: "complete_task", args: { task_id: 4 } },
      ]);
      const done = plan("mark 3 and 4 as done", {
        outcomes: [
          ok("complete_task", 3, "Pay rent"),
          {
            name: "complete_task",
            args: { task_id: 4 },
            ok: false,
            error: { code: "not_found", message: "Task 4 was not found" },
          },
        ],
      });
      expect(done).toEqual({
        type: "reply",
        text: "Marked 1 task as complete:\n- #3 Pay rent\n1 could not be completed (I couldn't find task 4.)",
      });
    });

    it("asks before deleting several, naming the ones that do not exist", () => {
      expect(calls(plan("delete tasks 2, 5 and 7"))).toEqual([
        { name: "list_tasks", args: { status: "all", timezone: "UTC" } },
      ]);
      const ask = turn("delete tasks 2, 5 and 7", {
        outcomes: [
          listed([
            { id: 2, title: "Two" },
            { id: 5, title: "Five" },
            { id: 6, title: "Six" },
          ]),
        ],
      });
      const text = ask.type === "reply" ? ask.text : "";
      expect(text).toMatch(/^I couldn't find task 7\.\nThat would delete 2 tasks \(tasks 2 and 5\)/);
      expect(confirmationOf(ask)).toEqual([2, 5]);
    });

    it("moves, tags and reopens each", () => {
      expect(calls(plan("move tasks 3 and 4 to friday 5pm"))).toEqual([
        { name: "update_task", args: { task_id: 3, due_at: "2026-11-27T17:00:00.000Z", timezone: "UTC" } },
        { name: "update_task", args: { task_id: 4, due_at: "2026-11-27T17:00:00.000Z", timezone: "UTC" } },
      ]);
      const tasks = listed([
        { id: 3, title: "Three", tags: ["home"] },
        { id: 4, title: "Four" },
      ]);
      expect(calls(plan("tag 3 and 4 urgent", { outcomes: [tasks] }))).toEqual([
        { name: "update_task", args: { task_id: 3, tags: ["home", "urgent"], timezone: "UTC" } },
        { name: "update_task", args: { task_id: 4, tags: ["urgent"], timezone: "UTC" } },
      ]);
      expect(calls(plan("reopen tasks 1-2"))).toEqual([
        { name: "update_task", args: { task_id: 1, completed: false } },
        { name: "update_task", args: { task_id: 2, completed: false } },
      ]);
      const moved = plan("move tasks 3 and 4 to friday 5pm", {
        outcomes: [ok("update_task", 3, "Three"), ok("update_task", 4, "Four")],
      });
      expect(moved).toEqual({ type: "reply", text: "Updated 2 tasks (due Fri 5 PM):\n- #3 Three\n- #4 Four" });
      const repeating = plan("complete tasks 3 and 4", {
        outcomes: [
          { ...ok("complete_task", 3, "Water plants"), value: { task_id: 3, title: "Water plants", next_task_id: 9 } },
          ok("complete_task", 4, "Four"),
        ],
      });
      expect(repeating.type === "reply" && repeating.text).toBe(
        "Marked 2 tasks as complete:\n- #3 Water plants (repeats: task 9 is the next one)\n- #4 Four",
      );
      const done = plan("make 5 and 6 high priority", {
        outcomes: [ok("update_task", 5, "Five"), ok("update_task", 6, "Six")],
      });
      expect(done).toEqual({
        type: "reply",
        text: "Updated 2 tasks (priority → high):\n- #5 Five\n- #6 Six",
      });
    });

    it("leaves numbers that are part of a new task alone", () => {
      expect(calls(plan("add buy 2 and 3 inch screws"))).toEqual([
        { name: "add_task", args: { title: "Buy 2 and 3 inch screws", timezone: "UTC" } },
      ]);
      expect(calls(plan("move task 3 to 5pm"))).toEqual([
        { name: "update_task", args: { task_id: 3, due_at: "2026-11-22T17:00:00.000Z", timezone: "UTC" } },
      ]);
    });
  });
});
