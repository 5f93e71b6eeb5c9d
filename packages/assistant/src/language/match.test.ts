import { describe, expect, it } from "vitest";
import { matchTasks } from "./match";

const tasks = [
  { id: 1, title: "Team meeting at 3", completed: false },
  { id: 2, title: "Finish the quarterly report", completed: false },
  { id: 3, title: "Call mom", completed: false },
  { id: 4, title: "Call the plumber", completed: false },
  { id: 5, title: "Buy groceries", completed: false },
  { id: 6, title: "Dentist appointment", completed: false },
  { id: 7, title: "Old report draft", completed: true },
  { id: 8, title: "Book flights to Rome", completed: false },
];

const ids = (found: { id: number }[]) => found.map((t) => t.id);

describe("matchTasks", () => {
  it("finds a task by one word of its title", () => {
    expect(ids(matchTasks("meeting", tasks))).toEqual([1]);
    expect(ids(matchTasks("the meeting task", tasks))).toEqual([1]);
    expect(ids(matchTasks("dentist", tasks))).toEqual([6]);
  });

  it("returns every equally good match when the reference is ambiguous", () => {
    expect(ids(matchTasks("call", tasks))).toEqual([3, 4]);
    expect(ids(matchTasks("the call task", tasks))).toEqual([3, 4]);
  });

  it("narrows an ambiguous reference with more words", () => {
    expect(ids(matchTasks("call the plumber", tasks))).toEqual([4]);
    expect(ids(matchTasks("called mom", tasks))).toEqual([3]);
  });

  it("prefers pending tasks when asked to", () => {
    expect(ids(matchTasks("report", tasks))).toEqual([2, 7]);
    expect(ids(matchTasks("report", tasks, { preferPending: true }))).toEqual([2]);
  });

  it("still finds a completed task when no pending one matches", () => {
    expect(ids(matchTasks("draft", tasks, { preferPending: true }))).toEqual([7]);
  });

  it("tolerates plurals, other word forms and typos", () => {
    expect(ids(matchTasks("grocery", tasks))).toEqual([5]);
    expect(ids(matchTasks("the one about groceries", tasks))).toEqual([5]);
    expect(ids(matchTasks("meetings", tasks))).toEqual([1]);
    expect(ids(matchTasks("dentsit", tasks))).toEqual([6]);
    expect(ids(matchTasks("flight", tasks))).toEqual([8]);
  });

  it("returns nothing for an implausible reference", () => {
    expect(matchTasks("vacuum", tasks)).toEqual([]);
    expect(matchTasks("the task", tasks)).toEqual([]);
    expect(matchTasks("", tasks)).toEqual([]);
    expect(matchTasks("meeting", [])).toEqual([]);
  });

  it("lets an exact title beat titles that merely contain it", () => {
    const list = [
      { id: 1, title: "Call mom about the party" },
      { id: 2, title: "Call mom" },
    ];
    expect(ids(matchTasks("call mom", list))).toEqual([2]);
  });

  it("prefers the task matching more of the reference", () => {
    const list = [
      { id: 1, title: "Pay rent" },
      { id: 2, title: "Pay the electricity bill" },
    ];
    expect(ids(matchTasks("electricity bill", list))).toEqual([2]);
    expect(ids(matchTasks("pay bill", list))).toEqual([2]);
  });

  it("resolves an id written as a reference", () => {
    expect(ids(matchTasks("task 4", tasks))).toEqual([4]);
    expect(ids(matchTasks("#8", tasks))).toEqual([8]);
    expect(matchTasks("task 99", tasks)).toEqual([]);
  });
});
