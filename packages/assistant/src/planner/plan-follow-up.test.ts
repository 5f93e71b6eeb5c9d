import { describe, expect, it } from "vitest";
import { confirmationOf, done, listed, plan, stateAfter, turn } from "../../fixtures/planner-turn";

describe("planTurn", () => {
  describe("follow-ups to the previous answer", () => {
    const calls = (p: ReturnType<typeof plan>) => (p.type === "call" ? p.calls : p.text);
    const tasks = listed([
      { id: 3, title: "Call mom" },
      { id: 4, title: "Call the plumber", tags: ["home"] },
    ]);
    // The dialogue state a "Which one do you mean?" answer leaves behind.
    const askedWhich = (message: string) => stateAfter(turn(message, { outcomes: [tasks] }));
    // The state after an answer that named these tasks (an add, a list).
    const after = (message: string, outcome: Parameters<typeof turn>[1]) => stateAfter(turn(message, outcome));

    it("runs the ambiguous request on the task picked from the question", () => {
      const previous = askedWhich("delete the call task");
      expect(calls(plan("the second one", { state: previous }))).toEqual([
        { name: "delete_task", args: { task_id: 4 } },
      ]);
      expect(calls(plan("3", { state: previous }))).toEqual([{ name: "delete_task", args: { task_id: 3 } }]);
      expect(calls(plan("the plumber", { state: previous }))).toEqual([{ name: "delete_task", args: { task_id: 4 } }]);
      const done = plan("the second one", {
        state: previous,
        outcomes: [
          { name: "delete_task", args: { task_id: 4 }, ok: true, value: { task_id: 4, title: "Call the plumber" } },
        ],
      });
      expect(done).toEqual({ type: "reply", text: "Deleted task 4: Call the plumber." });
    });

    it("keeps the requested change when the pick comes a turn later", () => {
      const previous = askedWhich("move the call task to friday at 3pm");
      expect(calls(plan("the first", { state: previous }))).toEqual([
        { name: "update_task", args: { task_id: 3, due_at: "2026-11-27T15:00:00.000Z", timezone: "UTC" } },
      ]);
      const tagging = askedWhich("tag the call task urgent");
      // Tags are added to the task's own tags, so it is listed first.
      expect(calls(plan("the plumber one", { state: tagging }))).toEqual([
        { name: "list_tasks", args: { status: "all", timezone: "UTC" } },
      ]);
      expect(calls(plan("the plumber one", { state: tagging, outcomes: [tasks] }))).toEqual([
        { name: "update_task", args: { task_id: 4, tags: ["home", "urgent"], timezone: "UTC" } },
      ]);
    });

    it("asks to confirm when both are picked for deletion, and completes both at once", () => {
      const both = turn("both", { state: askedWhich("delete the call task") });
      expect(confirmationOf(both)).toEqual([3, 4]);
      expect(calls(plan("both", { state: askedWhich("I finished the call task") }))).toEqual([
        { name: "complete_task", args: { task_id: 3 } },
        { name: "complete_task", args: { task_id: 4 } },
      ]);
    });

    it("treats a new request after a question as a new request", () => {
      const previous = askedWhich("delete the call task");
      expect(calls(plan("add buy milk", { state: previous }))).toEqual([
        { name: "add_task", args: { title: "Buy milk", timezone: "UTC" } },
      ]);
    });

    it("reads it/that as the task the previous answer was about", () => {
      const previous = after("add buy milk", { outcomes: [done("add_task", { id: 7, title: "Buy milk" })] });
      expect(calls(plan("delete it", { state: previous }))).toEqual([{ name: "delete_task", args: { task_id: 7 } }]);
      expect(calls(plan("make it high priority", { state: previous }))).toEqual([
        { name: "update_task", args: { task_id: 7, priority: "high", timezone: "UTC" } },
      ]);
      expect(calls(plan("move it to tomorrow 5pm", { state: previous }))).toEqual([
        { name: "update_task", args: { task_id: 7, due_at: "2026-11-23T17:00:00.000Z", timezone: "UTC" } },
      ]);
      const movedDone = plan("move it to tomorrow 5pm", {
        state: previous,
        outcomes: [{ name: "update_task", args: {}, ok: true, value: { task_id: 7, title: "Buy milk" } }],
      });
      expect(movedDone).toEqual({ type: "reply", text: "Updated task 7: Buy milk (due tomorrow 5 PM)." });
      expect(calls(plan("it's done", { state: previous }))).toEqual([{ name: "complete_task", args: { task_id: 7 } }]);
      const shown = after("what's overdue?", {
        outcomes: [listed([{ id: 2, title: "Pay rent" }], { due: "overdue" })],
      });
      expect(calls(plan("mark that one as done", { state: shown }))).toEqual([
        { name: "complete_task", args: { task_id: 2 } },
      ]);
    });

    it("asks which task 'it' is instead of adding a task called 'Move it to'", () => {
      const alone = plan("move it to friday");
      expect(alone.type === "reply" && alone.text).toMatch(/^Which task do you mean\?/);
      const shownTwo = after("show my tasks", {
        outcomes: [
          listed([
            { id: 1, title: "Alpha" },
            { id: 2, title: "Beta" },
          ]),
        ],
      });
      const many = turn("delete it", { state: shownTwo });
      expect(many.type === "reply" && many.text).toMatch(/Which one do you mean\?\n- Task 1: Alpha\n- Task 2: Beta/);
      // …and the pick answers it.
      const previous = stateAfter(many, shownTwo);
      expect(calls(plan("beta", { state: previous }))).toEqual([{ name: "delete_task", args: { task_id: 2 } }]);
    });

    it("reads them/those as every task the previous answer listed", () => {
      const previous = after("what's overdue?", {
        outcomes: [
          listed([
            { id: 3, title: "Pay rent", due_at: "2026-11-21T09:00:00Z" },
            { id: 5, title: "Call mom" },
          ]),
        ],
      });
      expect(calls(plan("mark them all done", { state: previous }))).toEqual([
        { name: "complete_task", args: { task_id: 3 } },
        { name: "complete_task", args: { task_id: 5 } },
      ]);
      expect(calls(plan("move those to friday 9am", { state: previous }))).toEqual([
        { name: "update_task", args: { task_id: 3, due_at: "2026-11-27T09:00:00.000Z", timezone: "UTC" } },
        { name: "update_task", args: { task_id: 5, due_at: "2026-11-27T09:00:00.000Z", timezone: "UTC" } },
      ]);
      const ask = turn("delete them", {
        state: previous,
        outcomes: [
          listed([
            { id: 3, title: "Pay rent" },
            { id: 5, title: "Call mom" },
          ]),
        ],
      });
      expect(confirmationOf(ask)).toEqual([3, 5]);
      expect(plan("delete them")).toEqual({
        type: "reply",
        text: 'Which tasks do you mean? Tell me their numbers, for example "delete tasks 2 and 3".',
      });
    });

    it("still adds tasks whose titles contain it or that", () => {
      const previous = after("add buy milk", { outcomes: [done("add_task", { id: 7, title: "Buy milk" })] });
      expect(calls(plan("add fix it felix", { state: previous }))).toEqual([
        { name: "add_task", args: { title: "Fix it felix", timezone: "UTC" } },
      ]);
      expect(calls(plan("remind me that the car needs washing", { state: previous }))).toEqual([
        { name: "add_task", args: expect.objectContaining({ title: expect.stringMatching(/car needs washing/i) }) },
      ]);
    });
  });
});
