import { describe, expect, it } from "vitest";
import { findSeveralTasks, joinNumbers } from "./several";

describe("several tasks by number", () => {
  it.each([
    ["mark 3 and 4 as done", [3, 4], "mark task 1 as done"],
    ["complete tasks 3 and 4", [3, 4], "complete task 1"],
    ["delete tasks 2, 5 and 7", [2, 5, 7], "delete task 1"],
    ["delete #2, #5, and #7", [2, 5, 7], "delete task 1"],
    ["finish task 3 and task 5", [3, 5], "finish task 1"],
    ["mark tasks 1-3 done", [1, 2, 3], "mark task 1 done"],
    ["move tasks 4 to 6 to friday", [4, 5, 6], "move task 1 to friday"],
    ["tag 3 & 4 urgent", [3, 4], "tag task 1 urgent"],
    ["complete 3, 3 and 4", [3, 4], "complete task 1"],
  ])("finds the numbers in %j", (message, ids, rewritten) => {
    expect(findSeveralTasks(message, "task 1")).toEqual({ ids, message: rewritten });
  });

  it.each([
    "move task 3 to 5pm",
    "move task 3 to 5",
    "complete task 3",
    "remind me on 12/3 and 12/4",
    "delete tasks 1-500",
    "call at 10:30 and 11",
    "move task 3 to 2026-12-25",
    "move task 3 to 12-25 and 12-26",
    "mark 1-3 done",
  ])("finds no list in %j", (message) => {
    expect(findSeveralTasks(message, "task 1")).toBeNull();
  });

  it("writes numbers as people do", () => {
    expect(joinNumbers([2])).toBe("2");
    expect(joinNumbers([2, 5])).toBe("2 and 5");
    expect(joinNumbers([2, 5, 7])).toBe("2, 5 and 7");
  });
});
