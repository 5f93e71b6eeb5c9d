// The VTODO mapping on its own: modelled fields both ways, and what the app does not model kept as sent.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { appValue, IcalError, type IcalTask, pairOriginals, parseVtodo, taskToIcal } from "./vtodo";

const wrap = (lines: string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...lines, "END:VCALENDAR", ""].join("\r\n");

const CLIENT = wrap([
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "BEGIN:STANDARD",
  "DTSTART:19701025T030000",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
  "BEGIN:VTODO",
  "UID:client-uid-1",
  "DTSTAMP:20261201T090000Z",
  "SUMMARY:Pay rent",
  "DESCRIPTION:Transfer to landlord",
  "PRIORITY:2",
  "CATEGORIES:Home,Money",
  "DUE;TZID=Europe/Berlin:20261210T090000",
  "RRULE:FREQ=MONTHLY;BYMONTHDAY=10",
  "RELATED-TO;RELTYPE=PARENT:parent-uid",
  "X-APPLE-SORT-ORDER:42",
  "LOCATION:Bank",
  "BEGIN:VALARM",
  "ACTION:DISPLAY",
  "DESCRIPTION:Reminder",
  "TRIGGER:-PT30M",
  "END:VALARM",
  "BEGIN:VALARM",
  "ACTION:AUDIO",
  "TRIGGER;VALUE=DATE-TIME:20261210T075500Z",
  "END:VALARM",
  "END:VTODO",
]);

function asTask(parsed: ReturnType<typeof parseVtodo>, over: Partial<IcalTask> = {}): IcalTask {
  const f = parsed.fields;
  const base = {
    title: f.title,
    description: f.description,
    completed: f.completed,
    completedAt: null,
    priority: f.priority,
    tags: f.tags,
    dueAt: f.dueAt,
    remindAt: f.remindAt,
    recurrence: f.recurrence,
    parentUid: f.parentUid,
  };
  const task = { ...base, ...over };
  return {
    uid: parsed.uid,
    createdAt: new Date("2026-12-01T09:00:00Z"),
    updatedAt: new Date("2026-12-01T09:00:00Z"),
    extra: parsed.extra,
    originals: pairOriginals(parsed.originals, task, f),
    ...task,
  };
}

const todoOf = (ics: string) => new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent("vtodo")!;

describe("parseVtodo", () => {
  it("maps the modelled properties, with DUE's time zone and a relative alarm", () => {
    const p = parseVtodo(CLIENT);
    expect(p.uid).toBe("client-uid-1");
    expect(p.fields).toEqual({
      title: "Pay rent",
      description: "Transfer to landlord",
      completed: false,
      priority: "high",
      tags: ["home", "money"],
      dueAt: new Date("2026-12-10T08:00:00Z"),
      remindAt: new Date("2026-12-10T07:30:00Z"),
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=10",
      timeZone: "Europe/Berlin",
      parentUid: "parent-uid",
    });
  });

  it("refuses what is not a VTODO in iCalendar", () => {
    expect(() => parseVtodo("not ical at all")).toThrow(IcalError);
    expect(() => parseVtodo(wrap(["BEGIN:VEVENT", "UID:e", "END:VEVENT"]))).toThrow(IcalError);
    expect(() => parseVtodo(wrap(["BEGIN:VTODO", "SUMMARY:no uid", "END:VTODO"]))).toThrow(/UID/);
  });

  it("maps STATUS:COMPLETED, and PRIORITY 5 and 9", () => {
    const done = parseVtodo(wrap(["BEGIN:VTODO", "UID:d", "SUMMARY:x", "STATUS:COMPLETED", "PRIORITY:5", "END:VTODO"]));
    expect(done.fields).toMatchObject({ completed: true, priority: "medium" });
    const low = parseVtodo(wrap(["BEGIN:VTODO", "UID:l", "SUMMARY:x", "PRIORITY:9", "STATUS:IN-PROCESS", "END:VTODO"]));
    expect(low.fields).toMatchObject({ completed: false, priority: "low" });
  });
});

describe("taskToIcal", () => {
  it("returns what the app does not model unchanged, and the client's own spelling while the value holds", () => {
    const out = todoOf(taskToIcal(asTask(parseVtodo(CLIENT))));
    expect(out.getFirstPropertyValue("uid")).toBe("client-uid-1");
    expect(out.getFirstPropertyValue("x-apple-sort-order")).toBe("42");
    expect(out.getFirstPropertyValue("location")).toBe("Bank");
    expect(out.getFirstPropertyValue("priority")).toBe(2);
    expect(out.getFirstProperty("due")?.toICALString()).toBe("DUE;TZID=Europe/Berlin:20261210T090000");
    const alarms = out.getAllSubcomponents("valarm");
    expect(alarms.map((a) => a.getFirstProperty("trigger")?.toICALString()).sort()).toEqual([
      "TRIGGER:-PT30M",
      "TRIGGER;VALUE=DATE-TIME:20261210T075500Z",
    ]);
    expect(out.getFirstProperty("related-to")?.toICALString()).toBe("RELATED-TO;RELTYPE=PARENT:parent-uid");
    expect(taskToIcal(asTask(parseVtodo(CLIENT)))).toContain("BEGIN:VTIMEZONE");
  });

  it("keeps a date-only DUE a date while the due date is unchanged", () => {
    const parsed = parseVtodo(wrap(["BEGIN:VTODO", "UID:d1", "SUMMARY:x", "DUE;VALUE=DATE:20261224", "END:VTODO"]));
    expect(parsed.fields.dueAt).toEqual(new Date("2026-12-24T00:00:00Z"));
    const out = todoOf(taskToIcal(asTask(parsed)));
    expect(out.getFirstProperty("due")?.toICALString()).toBe("DUE;VALUE=DATE:20261224");
  });

  it("writes the app's value once it changed in the app", () => {
    const parsed = parseVtodo(CLIENT);
    const task = asTask(parsed);
    const changed = { ...task, priority: "low" as const, dueAt: new Date("2026-12-11T10:00:00Z"), tags: ["home"] };
    const out = todoOf(taskToIcal(changed));
    expect(out.getFirstPropertyValue("priority")).toBe(9);
    expect(out.getFirstProperty("due")?.toICALString()).toBe("DUE:20261211T100000Z");
    expect(out.getFirstProperty("categories")?.getValues()).toEqual(["home"]);
    expect(out.getFirstPropertyValue("location")).toBe("Bank");
    expect(appValue("PRIORITY", changed)).toBe("low");
  });

  it("writes a task made in the app with a UID, an absolute VALARM and RELATED-TO for its parent", () => {
    const ics = taskToIcal({
      uid: "11111111-2222-3333-4444-555555555555",
      title: "Subtask",
      description: "",
      completed: true,
      completedAt: new Date("2026-12-02T10:00:00Z"),
      priority: "medium",
      tags: ["a", "b"],
      dueAt: new Date("2026-12-05T09:00:00Z"),
      remindAt: new Date("2026-12-05T08:00:00Z"),
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
      parentUid: "parent-task",
      createdAt: new Date("2026-12-01T09:00:00Z"),
      updatedAt: new Date("2026-12-02T10:00:00Z"),
      extra: null,
      originals: null,
    });
    const out = todoOf(ics);
    expect(out.getFirstPropertyValue("status")).toBe("COMPLETED");
    expect(out.getFirstProperty("completed")?.toICALString()).toBe("COMPLETED:20261202T100000Z");
    expect(out.getFirstPropertyValue("priority")).toBe(5);
    expect(out.getFirstProperty("rrule")?.toICALString()).toBe("RRULE:FREQ=WEEKLY;BYDAY=MO");
    expect(out.getFirstProperty("related-to")?.toICALString()).toBe("RELATED-TO;RELTYPE=PARENT:parent-task");
    const alarm = out.getFirstSubcomponent("valarm")!;
    expect(alarm.getFirstProperty("trigger")?.toICALString()).toBe("TRIGGER;VALUE=DATE-TIME:20261205T080000Z");
    // And back: the same fields.
    expect(parseVtodo(ics).fields).toMatchObject({
      title: "Subtask",
      completed: true,
      priority: "medium",
      tags: ["a", "b"],
      dueAt: new Date("2026-12-05T09:00:00Z"),
      remindAt: new Date("2026-12-05T08:00:00Z"),
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
      parentUid: "parent-task",
    });
  });
});
