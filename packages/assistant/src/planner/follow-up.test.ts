import { describe, expect, it } from "vitest";
import { pickOptions, replaceTaskPronoun, replaceTasksPronoun } from "./follow-up";

const options = [
  { id: 4, title: "Call mom" },
  { id: 7, title: "Call the plumber (about the sink)" },
];

describe("follow-ups", () => {
  it.each([
    ["the first one", [4]],
    ["First", [4]],
    ["the 2nd", [7]],
    ["second one please", [7]],
    ["the last one", [7]],
    ["7", [7]],
    ["2", [7]],
    ["task 4", [4]],
    ["#7", [7]],
    ["oh, the plumber one", [7]],
    ["call mom", [4]],
    ["I mean mom.", [4]],
    ["both", [4, 7]],
    ["all of them", [4, 7]],
  ])("picks %j", (reply, ids) => {
    expect(pickOptions(reply, options)?.map((o) => o.id)).toEqual(ids);
  });

  it.each(["the third one", "task 9", "9", "add buy milk tomorrow", "what's due today?", "call"])(
    "does not read %j as a pick",
    (reply) => {
      expect(pickOptions(reply, options)).toBeNull();
    },
  );

  it.each([
    ["delete it", "delete task 7"],
    ["mark it as done", "mark task 7 as done"],
    ["Move it to friday 3pm", "Move task 7 to friday 3pm"],
    ["make it high priority", "make task 7 high priority"],
    ["it's done", "task 7 is done"],
    ["That one is finished", "task 7 is finished"],
    ["done with it!", "done with task 7!"],
    ["please delete that one", "please delete task 7"],
    ["add a note to it: bring the papers", "add a note to task 7: bring the papers"],
    ["remove the tag urgent from it", "remove the tag urgent from task 7"],
  ])("replaces the pronoun in %j", (message, expected) => {
    expect(replaceTaskPronoun(message, "task 7")).toBe(expected);
  });

  it.each([
    ["mark them all done", "mark tasks 3 and 4 done"],
    ["delete those", "delete tasks 3 and 4"],
    ["please delete all of them", "please delete tasks 3 and 4"],
    ["move these two to friday", "move tasks 3 and 4 to friday"],
    ["they're done", "tasks 3 and 4 is done"],
    ["Those are all finished", "tasks 3 and 4 is finished"],
  ])("replaces the plural pronoun in %j", (message, expected) => {
    expect(replaceTasksPronoun(message, "tasks 3 and 4")).toBe(expected);
  });

  it.each([
    "add buy milk",
    "what's due this week?",
    "move the dentist to this friday",
    "remind me that the car needs washing",
    "add fix it felix",
  ])("leaves %j alone", (message) => {
    expect(replaceTaskPronoun(message, "task 7")).toBeNull();
  });
});
