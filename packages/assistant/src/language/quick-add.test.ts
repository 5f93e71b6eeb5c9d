import { Tag } from "@todo/contract/task";
import { normalizeRecurrence } from "@todo/core/tasks/recurrence";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIntent } from "./intents";
import { parsePriorityWord, parseQuickAdd } from "./quick-add";

// A Sunday, 10:00 UTC: 11:00 in Paris (UTC+1), 05:00 in New York (UTC-5).
const now = new Date("2026-11-22T10:00:00Z");
const utc = { now, timeZone: "UTC" };
const paris = { now, timeZone: "Europe/Paris" };
const newYork = { now, timeZone: "America/New_York" };

describe("parseQuickAdd: the example of the design", () => {
  it("reads title, tags, priority, a monthly rule and the first due date", () => {
    expect(parseQuickAdd("Pay rent every 1st 9am #home !high", utc)).toEqual({
      title: "Pay rent",
      priority: "high",
      tags: ["home"],
      due_at: "2026-12-01T09:00:00.000Z",
      remind_at: null,
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
    });
  });

  it("puts 9am on the local clock of the time zone", () => {
    expect(parseQuickAdd("Pay rent every 1st 9am #home !high", paris).due_at).toBe("2026-12-01T08:00:00.000Z");
    expect(parseQuickAdd("Pay rent every 1st 9am #home !high", newYork).due_at).toBe("2026-12-01T14:00:00.000Z");
  });
});

describe("parseQuickAdd: titles", () => {
  it.each([
    ["Add a task to buy groceries", "Buy groceries"],
    ["remind me to call the dentist", "Call the dentist"],
    ["I need to remember to pay bills", "Pay bills"],
    ["that I need to renew the passport", "Renew the passport"],
    ["to water the plants", "Water the plants"],
    ["don't forget to feed the cat", "Feed the cat"],
    ['"Quarterly report"', "Quarterly report"],
    ["'buy milk'", "Buy milk"],
    ["add “Plan the offsite”", "Plan the offsite"],
    ['Buy "Dune" at the bookshop', "Buy Dune at the bookshop"],
    ["please add walk the dog, thanks", "Walk the dog"],
    ["Make dinner", "Make dinner"],
    ["Log the hours", "Log the hours"],
    ["Call urgent care", "Call urgent care"],
    ["Put on sun cream", "Put on sun cream"],
    ["Read the morning paper", "Read the morning paper"],
    ["Plan March madness party", "Plan March madness party"],
    ["Monthly report", "Monthly report"],
    ["- buy stamps", "Buy stamps"],
    ["Turn the lights on", "Turn the lights on"],
  ])("%j → %j", (text, title) => {
    expect(parseQuickAdd(text, utc).title).toBe(title);
  });

  it("keeps dates written inside quotes as part of the title", () => {
    const result = parseQuickAdd("add 'call mom tonight' #family", utc);
    expect(result.title).toBe("Call mom tonight");
    expect(result.due_at).toBeNull();
    expect(result.tags).toEqual(["family"]);
  });

  it("falls back to the original text when nothing but metadata is left", () => {
    expect(parseQuickAdd("#home !high", utc).title).toBe("#home !high");
    expect(parseQuickAdd("tomorrow at 9am", utc).title).toBe("tomorrow at 9am");
  });

  it("names an empty task rather than returning an empty title", () => {
    expect(parseQuickAdd("", utc).title).toBe("Untitled task");
    expect(parseQuickAdd("   ", utc).title).toBe("Untitled task");
  });

  it("cuts long titles to 200 characters", () => {
    const title = parseQuickAdd(`Write ${"very ".repeat(100)}long essay`, utc).title;
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.startsWith("Write very very")).toBe(true);
  });
});

describe("parseQuickAdd: priority", () => {
  it.each([
    ["Fix the bug !high", "high"],
    ["Fix the bug !h", "high"],
    ["Fix the bug !1", "high"],
    ["Fix the bug !2", "medium"],
    ["Fix the bug !3", "low"],
    ["Fix the bug !!!", "high"],
    ["Fix the bug !!", "medium"],
    ["Fix the bug !", "low"],
    ["Fix the bug p1", "high"],
    ["Fix the bug p3", "low"],
    ["Fix the bug high priority", "high"],
    ["Fix the bug, low priority", "low"],
    ["Fix the bug with medium priority", "medium"],
    ["Fix the bug priority: low", "low"],
    ["Urgent: fix the bug", "high"],
    ["fix the bug asap", "high"],
    ["Fix the bug", "none"],
  ] as const)("%j → %s", (text, priority) => {
    const result = parseQuickAdd(text, utc);
    expect(result.priority).toBe(priority);
    expect(result.title).toBe("Fix the bug");
  });

  it("reads priority words and codes", () => {
    expect(parsePriorityWord("urgent")).toBe("high");
    expect(parsePriorityWord("P2")).toBe("medium");
    expect(parsePriorityWord("!!")).toBe("medium");
    expect(parsePriorityWord("4")).toBe("none");
    expect(parsePriorityWord("banana")).toBeNull();
  });
});

describe("parseQuickAdd: tags", () => {
  it("reads #tags anywhere and lowercases them, once each", () => {
    expect(parseQuickAdd("#Work call #home the bank #work", utc)).toMatchObject({
      title: "Call the bank",
      tags: ["work", "home"],
    });
  });

  it("reads 'tagged …' and 'to my X list'", () => {
    expect(parseQuickAdd("review the PR tagged work and urgent", utc).tags).toEqual(["work", "urgent"]);
    expect(parseQuickAdd("eggs to my shopping list", utc)).toMatchObject({ title: "Eggs", tags: ["shopping"] });
    expect(parseQuickAdd("eggs to my to-do list", utc)).toMatchObject({ title: "Eggs", tags: [] });
  });

  it("leaves text that is not a valid tag in the title", () => {
    const long = `#${"x".repeat(40)}`;
    const result = parseQuickAdd(`check ${long}`, utc);
    expect(result.tags).toEqual([]);
    expect(result.title).toContain(long);
  });
});

describe("parseQuickAdd: dates", () => {
  it.each([
    ["call mom tomorrow at 6pm", utc, "2026-11-23T18:00:00.000Z"],
    ["call mom tomorrow at 6pm", paris, "2026-11-23T17:00:00.000Z"],
    ["call mom tomorrow at 6pm", newYork, "2026-11-23T23:00:00.000Z"],
    ["call mom friday", utc, "2026-11-27T09:00:00.000Z"],
    ["call mom on dec 3", utc, "2026-12-03T09:00:00.000Z"],
    ["call mom in 3 days", utc, "2026-11-25T09:00:00.000Z"],
    ["call mom in 2 hours", paris, "2026-11-22T12:00:00.000Z"],
    ["call mom tonight", utc, "2026-11-22T20:00:00.000Z"],
    ["call mom tomorrow morning", utc, "2026-11-23T09:00:00.000Z"],
    ["call mom at 5", utc, "2026-11-22T17:00:00.000Z"],
    ["call mom at 05:00", utc, "2026-11-23T05:00:00.000Z"],
    ["call mom at 9am", utc, "2026-11-23T09:00:00.000Z"],
    ["call mom at 9am", newYork, "2026-11-22T14:00:00.000Z"],
    ["call mom by the 15th", utc, "2026-12-15T09:00:00.000Z"],
    ["call mom by eod", utc, "2026-11-22T17:00:00.000Z"],
    ["call mom 5pm EST", paris, "2026-11-22T22:00:00.000Z"],
  ] as const)("%j in %o", (text, options, due) => {
    const result = parseQuickAdd(text, options);
    expect(result.due_at).toBe(due);
    expect(result.title).toBe("Call mom");
  });

  it("uses 09:00 local for a date without a time, or 23:59 when that is already past today", () => {
    expect(parseQuickAdd("pay the bill today", newYork).due_at).toBe("2026-11-22T14:00:00.000Z");
    expect(parseQuickAdd("pay the bill today", utc).due_at).toBe("2026-11-22T23:59:00.000Z");
    expect(parseQuickAdd("pay the bill today", paris).due_at).toBe("2026-11-22T22:59:00.000Z");
  });

  it("keeps the wall-clock time across a DST change", () => {
    // Paris is UTC+1 now and UTC+2 from 28 March 2027; New York is UTC-5 now and UTC-4 from 14 March 2027.
    expect(parseQuickAdd("meeting april 2 at 9am", paris).due_at).toBe("2027-04-02T07:00:00.000Z");
    expect(parseQuickAdd("meeting april 2 at 9am", newYork).due_at).toBe("2027-04-02T13:00:00.000Z");
    expect(parseQuickAdd("meeting march 27 at 9am", paris).due_at).toBe("2027-03-27T08:00:00.000Z");
  });

  it("sets a reminder for 'remind me' requests and 'remind me … before'", () => {
    expect(parseQuickAdd("remind me to call the dentist tomorrow at 9am", newYork)).toMatchObject({
      title: "Call the dentist",
      due_at: "2026-11-23T14:00:00.000Z",
      remind_at: "2026-11-23T14:00:00.000Z",
    });
    expect(parseQuickAdd("dentist dec 3 at 2pm remind me 30 minutes before", utc)).toMatchObject({
      title: "Dentist",
      due_at: "2026-12-03T14:00:00.000Z",
      remind_at: "2026-12-03T13:30:00.000Z",
    });
    expect(parseQuickAdd("submit report friday, remind me thursday at 5pm", utc)).toMatchObject({
      title: "Submit report",
      due_at: "2026-11-27T09:00:00.000Z",
      remind_at: "2026-11-26T17:00:00.000Z",
    });
  });

  it("leaves dates unset when the text has none", () => {
    expect(parseQuickAdd("buy milk", utc)).toMatchObject({ due_at: null, remind_at: null, recurrence: null });
  });

  it("falls back to UTC for an unknown time zone", () => {
    expect(parseQuickAdd("call mom tomorrow at 6pm", { now, timeZone: "Mars/Olympus" }).due_at).toBe(
      "2026-11-23T18:00:00.000Z",
    );
  });
});

describe("parseQuickAdd: repetition", () => {
  it.each([
    ["water the plants every monday", "FREQ=WEEKLY;BYDAY=MO", "2026-11-23T09:00:00.000Z"],
    ["stretch every day", "FREQ=DAILY", "2026-11-23T09:00:00.000Z"],
    ["stretch daily at 7pm", "FREQ=DAILY", "2026-11-22T19:00:00.000Z"],
    ["standup every weekday at 9:30", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-23T09:30:00.000Z"],
    ["review weekly on friday", "FREQ=WEEKLY;BYDAY=FR", "2026-11-27T09:00:00.000Z"],
    ["review every 2 weeks", "FREQ=WEEKLY;INTERVAL=2", "2026-11-23T09:00:00.000Z"],
    ["review every other monday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2026-11-23T09:00:00.000Z"],
    ["pay every month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-15T09:00:00.000Z"],
    ["pay monthly", "FREQ=MONTHLY", "2026-11-23T09:00:00.000Z"],
    ["close the books every last day of the month", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-11-30T09:00:00.000Z"],
    ["book club every first monday", "FREQ=MONTHLY;BYDAY=+1MO", "2026-12-07T09:00:00.000Z"],
    ["birthday every year on march 3", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "2027-03-03T09:00:00.000Z"],
    ["renew the domain every year", "FREQ=YEARLY", "2026-11-23T09:00:00.000Z"],
    ["gym on mondays and thursdays", "FREQ=WEEKLY;BYDAY=MO,TH", "2026-11-23T09:00:00.000Z"],
    ["gym every mon wed fri at 7am", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-23T07:00:00.000Z"],
    ["take out the bins every sunday evening", "FREQ=WEEKLY;BYDAY=SU", "2026-11-22T19:00:00.000Z"],
    ["take meds every 8 hours", "FREQ=HOURLY;INTERVAL=8", "2026-11-22T11:00:00.000Z"],
    ["sync fortnightly", "FREQ=WEEKLY;INTERVAL=2", "2026-11-23T09:00:00.000Z"],
  ])("%j → %s", (text, rule, due) => {
    const result = parseQuickAdd(text, utc);
    expect(result.recurrence).toBe(rule);
    expect(result.due_at).toBe(due);
  });

  it("starts a rule on the date it is given", () => {
    expect(parseQuickAdd("yoga every monday starting dec 10", utc).due_at).toBe("2026-12-14T09:00:00.000Z");
  });

  it("ends a rule on an 'until' date", () => {
    expect(parseQuickAdd("stretch every day until dec 31", utc)).toMatchObject({
      title: "Stretch",
      recurrence: "FREQ=DAILY;UNTIL=20261231T235900Z",
    });
  });

  it("takes the first occurrence in the person's time zone", () => {
    // 05:00 in New York on Sunday: this Sunday's 19:00 is still ahead.
    expect(parseQuickAdd("bins every sunday at 7pm", newYork).due_at).toBe("2026-11-23T00:00:00.000Z");
    expect(parseQuickAdd("water the plants every monday", paris).due_at).toBe("2026-11-23T08:00:00.000Z");
  });

  it("reads an adjective as part of the title, not as a repetition", () => {
    expect(parseQuickAdd("File the quarterly report", utc)).toMatchObject({
      title: "File the quarterly report",
      recurrence: null,
    });
  });
});

describe("parseQuickAdd: properties", () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "binary", maxLength: 120 }),
    fc
      .array(
        fc.constantFrom(
          "add",
          "remind me to",
          "every",
          "monday",
          "1st",
          "9am",
          "#home",
          "#",
          "!high",
          "!!",
          "p1",
          "tomorrow",
          "at",
          "'",
          '"',
          "due",
          "until",
          "dec 31",
          "daily",
          "the 31st",
          "other",
          "weekday",
          "urgent",
          "İstanbul",
          "#İ",
          "\uE000",
          "to",
        ),
        { maxLength: 14 },
      )
      .map((words) => words.join(" ")),
  );
  const zones = fc.constantFrom("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Nope/Nowhere");
  const instants = fc.date({ min: new Date("2000-01-01"), max: new Date("2090-01-01"), noInvalidDate: true });

  it("never throws and always returns a valid task", () => {
    fc.assert(
      fc.property(anyText, zones, instants, (text, timeZone, at) => {
        const result = parseQuickAdd(text, { now: at, timeZone });
        expect(result.title.trim()).toBe(result.title);
        expect(result.title.length).toBeGreaterThan(0);
        expect(result.title.length).toBeLessThanOrEqual(200);
        expect(["none", "low", "medium", "high"]).toContain(result.priority);
        expect(result.tags.length).toBeLessThanOrEqual(20);
        for (const tag of result.tags) expect(Tag.parse(tag)).toBe(tag);
        expect(new Set(result.tags).size).toBe(result.tags.length);
        if (result.recurrence !== null) expect(normalizeRecurrence(result.recurrence)).toBe(result.recurrence);
        for (const date of [result.due_at, result.remind_at]) {
          if (date !== null) expect(new Date(date).toISOString()).toBe(date);
        }
      }),
      { numRuns: 400 },
    );
  }, 30_000);

  it("keeps a plain title untouched apart from its first letter", () => {
    const word = fc.stringMatching(/^[a-z]{3,10}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
        const text = `zz ${words.join(" ")}`;
        const result = parseQuickAdd(text, utc);
        // Only words that are dates or repetitions may be taken out; anything kept stays in order.
        if (result.due_at === null && result.recurrence === null && result.priority === "none") {
          expect(result.title).toBe(`Zz ${words.join(" ")}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("puts a due date in the future for any repeating task", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("every monday", "daily", "every 1st", "every weekday", "monthly", "every year on feb 29"),
        zones,
        instants,
        (rule, timeZone, at) => {
          const result = parseQuickAdd(`water plants ${rule}`, { now: at, timeZone });
          expect(result.recurrence).not.toBeNull();
          expect(new Date(result.due_at ?? 0).getTime()).toBeGreaterThan(at.getTime());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("words that are also Object.prototype keys", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf every constructor"])(
    "parse %j as plain text",
    (text) => {
      expect(parseQuickAdd(text).title.toLowerCase()).toContain(text.split(" ")[0]!.toLowerCase().replace(/^_+/, ""));
      expect(() => parseIntent(`complete the ${text} task`)).not.toThrow();
      expect(() => parseIntent(`add ${text} every ${text} at ${text}`)).not.toThrow();
    },
  );
});

// Issue 18 bug 4: what a new user typed into quick add, on Sunday 2026-11-22 10:00 UTC.
describe("parseQuickAdd: first-run slips", () => {
  const at = (text: string) => parseQuickAdd(text, utc);

  it("reads a day word typed with one slip as that day, and takes it out of the title", () => {
    expect(at("tomorow 5pm call bob")).toMatchObject({ title: "Call bob", due_at: "2026-11-23T17:00:00.000Z" });
    expect(at("buy milk fridya")).toMatchObject({ title: "Buy milk", due_at: "2026-11-27T09:00:00.000Z" });
    expect(at("team sync wendesday 10am")).toMatchObject({ title: "Team sync", due_at: "2026-11-25T10:00:00.000Z" });
  });

  it("never guesses an ordinary word, a plural or a quoted word into a date", () => {
    expect(at("money transfer")).toMatchObject({ title: "Money transfer", due_at: null });
    expect(at("sundae for the kids")).toMatchObject({ title: "Sundae for the kids", due_at: null });
    expect(at('watch "Fridya night" movie').title).toBe("Watch Fridya night movie");
  });

  it('keeps "Quick" when it is the title\'s word, and drops it as a lead-in', () => {
    expect(at("Quick one friday 3pm")).toMatchObject({ title: "Quick one", due_at: "2026-11-27T15:00:00.000Z" });
    expect(at("quick: call the bank")).toMatchObject({ title: "Call the bank" });
  });

  it("takes the later day when the line opens with a day that names the task", () => {
    expect(at("Sunday roast prep saturday")).toMatchObject({
      title: "Sunday roast prep",
      due_at: "2026-11-28T09:00:00.000Z",
    });
    expect(at("friday call mom")).toMatchObject({ title: "Call mom", due_at: "2026-11-27T09:00:00.000Z" });
  });

  it("keeps a clock time that names the thing in the title", () => {
    expect(at("book the 6pm train tickets")).toMatchObject({ title: "Book the 6pm train tickets", due_at: null });
    expect(at("train tickets at 6pm")).toMatchObject({ title: "Train tickets", due_at: "2026-11-22T18:00:00.000Z" });
  });

  it("marks a line of metadata alone as untitled", () => {
    expect(at("#home")).toMatchObject({ untitled: true, tags: ["home"] });
    expect(at("!high")).toMatchObject({ untitled: true, priority: "high" });
    expect(at("water plants #home").untitled).toBeUndefined();
  });
});

describe("parseQuickAdd: numeric dates follow the locale", () => {
  it("reads 12/03 as 12 March day first (en-GB) and as 3 December month first (en-US, the default)", () => {
    expect(parseQuickAdd("dentist 12/03", { ...utc, dayFirst: true })).toMatchObject({
      title: "Dentist",
      due_at: "2027-03-12T09:00:00.000Z",
    });
    expect(parseQuickAdd("dentist 12/03", utc)).toMatchObject({ title: "Dentist", due_at: "2026-12-03T09:00:00.000Z" });
    expect(parseQuickAdd("dentist 25/12", { ...utc, dayFirst: true }).due_at).toBe("2026-12-25T09:00:00.000Z");
  });
});
