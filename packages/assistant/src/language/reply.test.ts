import { describe, expect, it } from "vitest";
import { describeFilter, describeRecurrence, describeTask, formatDue } from "./reply";

// Sunday 22 November 2026, 10:00 UTC.
const now = new Date("2026-11-22T10:00:00Z");

describe("formatDue", () => {
  it("says today, tomorrow or the weekday for the coming week", () => {
    expect(formatDue("2026-11-22T17:00:00Z", "UTC", now)).toBe("today 5 PM");
    expect(formatDue("2026-11-23T09:30:00Z", "UTC", now)).toBe("tomorrow 9:30 AM");
    expect(formatDue("2026-11-27T17:00:00Z", "UTC", now)).toBe("Fri 5 PM");
    expect(formatDue("2026-11-21T12:00:00Z", "UTC", now)).toBe("yesterday 12 PM");
  });

  it("adds the date further out, and the year only when it differs", () => {
    expect(formatDue("2026-12-03T09:00:00Z", "UTC", now)).toBe("Thu 3 Dec 9 AM");
    expect(formatDue("2027-04-02T07:00:00Z", "Europe/Paris", now)).toBe("Fri 2 Apr 2027 9 AM");
  });

  it("shows the person's local clock", () => {
    expect(formatDue("2026-11-23T01:00:00Z", "America/New_York", now)).toBe("today 8 PM");
    expect(formatDue("2026-11-23T00:00:00Z", "UTC", now)).toBe("tomorrow 12 AM");
  });
});

describe("describeRecurrence", () => {
  it.each([
    ["FREQ=WEEKLY;BYDAY=MO", "every Monday"],
    ["FREQ=WEEKLY;BYDAY=TU,TH", "every Tuesday and Thursday"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every other week on Friday"],
    ["FREQ=DAILY", "every day"],
    ["FREQ=WEEKLY;INTERVAL=3", "every 3 weeks"],
    ["FREQ=MONTHLY;BYMONTHDAY=1", "monthly on the 1st"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "monthly on the last day"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "every last Friday of the month"],
    ["FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "every year on 3 Mar"],
  ])("%s → %s", (rule, words) => {
    expect(describeRecurrence(rule)).toBe(words);
  });
});

describe("describeTask", () => {
  it("names the task and what matters about it", () => {
    expect(describeTask({ id: 7, title: "Buy groceries", due_at: "2026-11-27T17:00:00Z" }, "UTC", now)).toBe(
      "task 7: Buy groceries (due Fri 5 PM)",
    );
    expect(
      describeTask(
        { id: 2, title: "Pay rent", priority: "high", tags: ["home"], recurrence: "FREQ=MONTHLY;BYMONTHDAY=1" },
        "UTC",
        now,
      ),
    ).toBe("task 2: Pay rent (repeats monthly on the 1st, high priority, #home)");
    expect(describeTask({ id: 3, title: "Call mom", priority: "none", tags: [] }, "UTC", now)).toBe("task 3: Call mom");
  });
});

describe("describeFilter", () => {
  it("words a list filter", () => {
    expect(describeFilter({})).toBe("tasks");
    expect(describeFilter({ status: "pending", tag: "work", due: "today" })).toBe(
      "pending tasks tagged #work due today",
    );
    expect(describeFilter({ priority: "high", query: "report" })).toBe('high-priority tasks matching "report"');
  });
});
