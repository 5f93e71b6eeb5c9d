// The held-out evaluation's own judge: the date rules of its README, the diff of two task readings, and the case
// set's shape. A wrong judge would make every score meaningless, so it is tested without the assistant.
import { describe, expect, it } from "vitest";
import { cases } from "../test/heldout/assistant/cases";
import { judgeTurn, type TurnContext } from "../test/heldout/assistant/check";
import { civilKey, dateMismatch, resolveDay, todayIn, zonedInstant } from "../test/heldout/assistant/dates";
import { Case, type Expect } from "../test/heldout/assistant/schema";
import type { Snapshot, TaskRow } from "../test/heldout/assistant/snapshot";

const TZ = "Europe/Paris";
const WEDNESDAY = new Date("2026-12-02T10:00:00Z"); // 11:00 in Paris

function task(id: number, title: string, more: Partial<TaskRow> = {}): TaskRow {
  return {
    id,
    title,
    description: "",
    completed: false,
    priority: "none",
    tags: [],
    due_at: null,
    remind_at: null,
    recurrence: null,
    ...more,
  };
}

function snap(...tasks: TaskRow[]): Snapshot {
  return { tasks: new Map(tasks.map((t) => [t.id, t])), projects: null };
}

function ctx(before: Snapshot, after: Snapshot, reply = "Done.", replies: string[] = []): TurnContext {
  const refs = new Map([...before.tasks.values()].map((t) => [t.title, t.id]));
  return { tz: TZ, now: WEDNESDAY, refs, users: new Map(), replies, reply, before, after };
}

describe("day specs", () => {
  const today = todayIn(TZ, WEDNESDAY);
  const day = (spec: string) => civilKey(resolveDay(spec, today));

  it("reads weekdays strictly after today, this-<day> from today, next-week-<day> in the next Monday–Sunday week", () => {
    expect(day("friday")).toBe("2026-12-04");
    expect(day("wednesday")).toBe("2026-12-09");
    expect(day("this-wednesday")).toBe("2026-12-02");
    expect(day("next-week-monday")).toBe("2026-12-07");
    expect(day("next-week-sunday")).toBe("2026-12-13");
    expect(civilKey(resolveDay("next-week-monday", { y: 2026, m: 12, d: 6 }))).toBe("2026-12-07");
  });

  it("reads relative days, days of the month and month-days strictly after today", () => {
    expect(day("+3")).toBe("2026-12-05");
    expect(day("-3")).toBe("2026-11-29");
    expect(day("dom-2")).toBe("2027-01-02");
    expect(day("dom-31")).toBe("2026-12-31");
    expect(day("03-03")).toBe("2027-03-03");
    expect(day("12-02")).toBe("2027-12-02");
  });

  it("turns a local wall-clock time into the right instant across daylight saving time", () => {
    expect(zonedInstant({ y: 2027, m: 3, d: 27 }, "09:00", TZ).toISOString()).toBe("2027-03-27T08:00:00.000Z");
    expect(zonedInstant({ y: 2027, m: 3, d: 29 }, "09:00", TZ).toISOString()).toBe("2027-03-29T07:00:00.000Z");
    expect(zonedInstant({ y: 2026, m: 12, d: 3 }, "19:30", "Asia/Kolkata").toISOString()).toBe(
      "2026-12-03T14:00:00.000Z",
    );
  });

  it("expects 09:00 when the person gave no time, and accepts any time only when told to", () => {
    const nine = "2026-12-04T08:00:00.000Z";
    expect(dateMismatch({ day: "friday", time: null }, nine, TZ, WEDNESDAY)).toBeNull();
    expect(dateMismatch({ day: "friday", time: "17:00" }, nine, TZ, WEDNESDAY)).toMatch(/expected/);
    expect(dateMismatch({ day: "friday", time: "any" }, "2026-12-04T18:45:00Z", TZ, WEDNESDAY)).toBeNull();
    expect(dateMismatch({ day: { from: "+1", to: "+3" }, time: "any" }, nine, TZ, WEDNESDAY)).toBeNull();
    expect(dateMismatch({ minutesFromNow: 120 }, "2026-12-02T12:03:00Z", TZ, WEDNESDAY)).toBeNull();
    expect(dateMismatch({ day: "friday", time: null }, null, TZ, WEDNESDAY)).toMatch(/got none/);
  });
});

describe("judging a turn", () => {
  const milk = task(1, "Buy milk");
  const dentist = task(2, "Dentist", { due_at: "2026-12-12T14:00:00.000Z", remind_at: "2026-12-12T13:30:00.000Z" });

  it("passes exactly the expected new task and counts anything more as junk", () => {
    const e: Expect = { created: [{ title: "Call mom", due: { day: "friday", time: null } }] };
    const wanted = task(3, "call mom", { due_at: "2026-12-04T08:00:00.000Z" });
    expect(judgeTurn(e, ctx(snap(milk), snap(milk, wanted))).pass).toBe(true);
    const junk = judgeTurn(e, ctx(snap(milk), snap(milk, wanted, task(4, "Friday"))));
    expect(junk).toMatchObject({ pass: false, junk: 1 });
    const tagged = judgeTurn(e, ctx(snap(milk), snap(milk, { ...wanted, tags: ["family"] })));
    expect(tagged.problems.join()).toMatch(/tags/);
  });

  it("fails an unrequested change and a change that did not happen", () => {
    const moved = { ...dentist, due_at: "2026-12-04T14:00:00.000Z", remind_at: "2026-12-04T13:30:00.000Z" };
    const e: Expect = {
      changed: [{ task: "Dentist", set: { due: { day: "friday", time: "15:00" }, remind: { beforeDue: 30 } } }],
    };
    expect(judgeTurn(e, ctx(snap(milk, dentist), snap(milk, moved))).pass).toBe(true);
    const alsoRenamed = judgeTurn(e, ctx(snap(milk, dentist), snap({ ...milk, title: "Milk" }, moved)));
    expect(alsoRenamed).toMatchObject({ pass: false, unrequested: 1 });
    const reminderLeft = judgeTurn(e, ctx(snap(dentist), snap({ ...moved, remind_at: dentist.remind_at })));
    expect(reminderLeft.pass).toBe(false);
    const untouched = judgeTurn(
      { changed: [{ task: "Dentist", set: { due: { day: { from: "+1", to: "+30" }, time: "any" } } }] },
      ctx(snap(dentist), snap(dentist)),
    );
    expect(untouched.problems.join()).toMatch(/it was not/);
  });

  it("does not count a recurring task's next occurrence as junk", () => {
    const plants = task(1, "Water the plants", { recurrence: "FREQ=WEEKLY;BYDAY=SA", due_at: "2026-12-05T07:00:00Z" });
    const next = task(2, "Water the plants", { recurrence: "FREQ=WEEKLY;BYDAY=SA", due_at: "2026-12-12T07:00:00Z" });
    const v = judgeTurn(
      { completed: ["Water the plants"] },
      ctx(snap(plants), snap({ ...plants, completed: true }, next)),
    );
    expect(v.pass).toBe(true);
  });

  it("names a task by its position in an earlier reply", () => {
    const a = task(1, "Call the plumber");
    const b = task(3, "Call Aunt May");
    const reply = "Which one? - Task 3: Call Aunt May - Task 1: Call the plumber";
    const e: Expect = { deleted: [{ nthInReply: 2, of: ["Call the plumber", "Call Aunt May"] }] };
    expect(judgeTurn(e, ctx(snap(a, b), snap(b), "Deleted.", [reply])).pass).toBe(true);
    expect(judgeTurn(e, ctx(snap(a, b), snap(a), "Deleted.", [reply])).pass).toBe(false);
  });

  it("checks the reply: a question, mentions (numbers as whole numbers) and things it must not say", () => {
    const s = snap(milk);
    expect(judgeTurn({ asks: true }, ctx(s, s, "Which one?")).pass).toBe(true);
    expect(judgeTurn({ asks: true }, ctx(s, s, "Done.")).pass).toBe(false);
    expect(judgeTurn({ mentions: [["6", "six"]] }, ctx(s, s, "You have 16 tasks")).pass).toBe(false);
    expect(judgeTurn({ mentions: [["6", "six"]] }, ctx(s, s, "You have 6 tasks left")).pass).toBe(true);
    expect(judgeTurn({ notMentions: ["Buy milk"] }, ctx(s, s, "- Task 1: Buy milk")).pass).toBe(false);
  });

  it("accepts an allowed alternative, which inherits what it leaves out", () => {
    const e: Expect = {
      changed: [{ task: "Buy milk", set: { title: "Buy oat milk" } }],
      mentions: ["oat"],
      allow: [{ changed: [], deleted: ["Buy milk"], created: [{ title: "Buy oat milk" }] }],
    };
    const replaced = snap(task(2, "Buy oat milk"));
    expect(judgeTurn(e, ctx(snap(milk), replaced, "Added Buy oat milk")).pass).toBe(true);
    expect(judgeTurn(e, ctx(snap(milk), replaced, "Added it")).pass).toBe(false);
  });

  it("treats shorthand and reordered rules as the same recurrence", () => {
    const e: Expect = { created: [{ title: "Stand-up", recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" }] };
    const made = task(1, "Stand-up", { recurrence: "FREQ=DAILY;BYDAY=FR,TH,WE,TU,MO;INTERVAL=1" });
    expect(judgeTurn(e, ctx(snap(), snap(made))).pass).toBe(true);
  });
});

describe("the case set", () => {
  it("is valid, with unique ids, enough cases and conversations", () => {
    for (const c of cases) expect(Case.safeParse(c).error?.message, c.id).toBeUndefined();
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(160);
    expect(cases.filter((c) => c.kind === "multi").length).toBeGreaterThanOrEqual(35);
    expect(cases.filter((c) => c.needs === "projects").length).toBeGreaterThanOrEqual(15);
  });
});
