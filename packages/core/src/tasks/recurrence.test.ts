import { ValidationError } from "@todo/contract/errors";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorRecurrence, assertRepeats, nextOccurrence, normalizeRecurrence } from "./recurrence";

describe("normalizeRecurrence", () => {
  it.each([
    ["daily", "FREQ=DAILY"],
    ["Weekly", "FREQ=WEEKLY"],
    ["monthly", "FREQ=MONTHLY"],
    ["yearly", "FREQ=YEARLY"],
    ["RRULE:freq=weekly;byday=mo,we", "FREQ=WEEKLY;BYDAY=MO,WE"],
    ["FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15"],
  ])("turns %s into %s", (input, expected) => {
    expect(normalizeRecurrence(input)).toBe(expected);
  });

  it.each([
    "",
    "sometimes",
    "FREQ=SECONDLY",
    "FREQ=MINUTELY",
    "BYDAY=MO",
    "FREQ=WEEKLY;COUNT=3",
    "FREQ=WEEKLY;BYDAY=XX",
    "FREQ=MONTHLY;BYMONTH=13",
    "FREQ=DAILY;INTERVAL=0",
    "FREQ=DAILY;FOO=1",
  ])("rejects %j", (input) => {
    expect(() => normalizeRecurrence(input)).toThrow(ValidationError);
  });

  it("either returns a rule that round-trips or throws a ValidationError, for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          const rule = normalizeRecurrence(text);
          expect(normalizeRecurrence(rule)).toBe(rule);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
    );
  });
});

describe("nextOccurrence", () => {
  const at = (s: string) => new Date(s);
  it("keeps the wall-clock time across a DST change", () => {
    expect(nextOccurrence("FREQ=DAILY", at("2026-10-24T07:00:00Z"), "Europe/Paris")?.toISOString()).toBe(
      "2026-10-25T08:00:00.000Z",
    );
  });
  it("follows INTERVAL", () => {
    expect(nextOccurrence("FREQ=WEEKLY;INTERVAL=2", at("2026-11-02T09:00:00Z"))?.toISOString()).toBe(
      "2026-11-16T09:00:00.000Z",
    );
  });
  it("ends at UNTIL", () => {
    expect(nextOccurrence("FREQ=DAILY;UNTIL=20261103T000000Z", at("2026-11-02T09:00:00Z"))).toBeNull();
  });
  it("pins bare monthly and yearly rules to the due date", () => {
    expect(anchorRecurrence("FREQ=MONTHLY", at("2026-01-31T09:00:00Z"))).toBe("FREQ=MONTHLY;BYMONTHDAY=31");
    expect(anchorRecurrence("FREQ=YEARLY", at("2028-02-29T09:00:00Z"))).toBe("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29");
    expect(anchorRecurrence("FREQ=WEEKLY", at("2026-01-31T09:00:00Z"))).toBe("FREQ=WEEKLY");
    expect(anchorRecurrence("FREQ=MONTHLY", null)).toBe("FREQ=MONTHLY");
  });
  it("always moves strictly forward", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          "FREQ=DAILY",
          "FREQ=WEEKLY;BYDAY=MO,FR",
          "FREQ=MONTHLY;BYMONTHDAY=31",
          "FREQ=YEARLY",
          "FREQ=HOURLY",
        ),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }),
        fc.constantFrom("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata"),
        (rule, from, tz) => {
          const next = nextOccurrence(rule, from, tz);
          expect(next).not.toBeNull();
          expect(next!.getTime()).toBeGreaterThan(from.getTime());
        },
      ),
      { numRuns: 200 },
    );
  });
});

// Rules found by the audit to freeze the process (issue 11.1): each must be answered within milliseconds.
describe("hostile rules", () => {
  /**
   * The CPU time (ms) this process spent on `fn`, the fastest of three runs. CPU time, not wall time: other processes
   * on a loaded machine delay a run but do not add to its CPU time, while a rule that loops costs CPU every time.
   */
  const elapsed = (fn: () => unknown) => {
    let fastest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const start = process.cpuUsage();
      try {
        fn();
      } catch {
        // measured either way
      }
      const used = process.cpuUsage(start);
      fastest = Math.min(fastest, (used.user + used.system) / 1000);
      if (fastest < 150) break;
    }
    return fastest;
  };

  it.each([
    ["a non-numeric INTERVAL", "FREQ=DAILY;INTERVAL=abc"],
    ["an INTERVAL with a sign", "FREQ=DAILY;INTERVAL=+2"],
    ["an hourly rule that skips its only hour", "FREQ=HOURLY;INTERVAL=2;BYHOUR=1"],
    ["an hourly rule that skips its only hour from odd starts", "FREQ=HOURLY;INTERVAL=2;BYHOUR=0"],
    ["a day that does not exist", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31"],
    ["a week number that is never in that month", "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=7"],
    ["a numbered weekday in a weekly rule", "FREQ=WEEKLY;BYDAY=2MO"],
    ["BYMONTHDAY in a weekly rule", "FREQ=WEEKLY;BYMONTHDAY=3"],
    ["BYYEARDAY in a monthly rule", "FREQ=MONTHLY;BYYEARDAY=100"],
    ["a key given twice", "FREQ=DAILY;FREQ=WEEKLY"],
    ["BYSETPOS alone", "FREQ=MONTHLY;BYSETPOS=1"],
    ["a BYHOUR of 24", "FREQ=DAILY;BYHOUR=24"],
    ["a BYMONTHDAY of 0", "FREQ=MONTHLY;BYMONTHDAY=0"],
    ["an impossible UNTIL", "FREQ=DAILY;UNTIL=20260231T000000Z"],
    [
      "a list of thousands of values",
      `FREQ=YEARLY;BYYEARDAY=${Array.from({ length: 400 }, (_, i) => (i % 366) + 1).join(",")}`,
    ],
  ])("refuses %s quickly (%s)", (_, rule) => {
    expect(() => normalizeRecurrence(rule)).toThrow(ValidationError);
    expect(elapsed(() => normalizeRecurrence(rule))).toBeLessThan(150);
  });

  it("refuses a rule whose interval never lands on its only day from the task's start", () => {
    // Every four years on a Monday Feb 29 only works from a leap year.
    const rule = normalizeRecurrence("FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO");
    expect(() => assertRepeats(rule, new Date("2024-02-29T09:00:00Z"))).not.toThrow();
    expect(() => assertRepeats(rule, new Date("2025-03-01T09:00:00Z"))).toThrow(ValidationError);
  });

  it("answers a stored rule that cannot come round with no next occurrence, within milliseconds", () => {
    // Stored before validation was strict: nextOccurrence must end, never loop.
    for (const rule of [
      "FREQ=HOURLY;INTERVAL=2;BYHOUR=0",
      "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31",
      "FREQ=DAILY;INTERVAL=abc",
    ]) {
      let next: Date | null = new Date(0);
      const ms = elapsed(() => {
        try {
          next = nextOccurrence(rule, new Date("2026-01-01T01:00:00Z"));
        } catch {
          next = null;
        }
      });
      expect(next).toBeNull();
      expect(ms).toBeLessThan(150);
    }
  });

  it("clamps a month day past the month's end to its last day instead of never repeating", () => {
    expect(
      nextOccurrence(
        normalizeRecurrence("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
        new Date("2026-01-01T09:00:00Z"),
      )?.toISOString(),
    ).toBe("2026-02-28T09:00:00.000Z");
    expect(
      nextOccurrence(
        normalizeRecurrence("FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31"),
        new Date("2026-01-01T09:00:00Z"),
      )?.toISOString(),
    ).toBe("2026-04-30T09:00:00.000Z");
  });

  it("keeps rare but real rules: Feb 29 on a Monday, the last Friday, week 53", () => {
    expect(
      nextOccurrence("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", new Date("2026-01-01T09:00:00Z"))?.toISOString(),
    ).toBe("2044-02-29T09:00:00.000Z");
    expect(nextOccurrence("FREQ=MONTHLY;BYDAY=-1FR", new Date("2026-01-01T09:00:00Z"))?.toISOString()).toBe(
      "2026-01-30T09:00:00.000Z",
    );
    expect(normalizeRecurrence("FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH")).toBe("FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH");
    expect(normalizeRecurrence("FREQ=MONTHLY;BYDAY=1MO")).toBe("FREQ=MONTHLY;BYDAY=+1MO");
  });

  it("bounds the work of any rule the grammar accepts", () => {
    const list = (values: string[]) => fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 4 });
    const nums = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i));
    fc.assert(
      fc.property(
        fc.constantFrom("HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"),
        fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
        fc.option(list(nums(1, 12)), { nil: undefined }),
        fc.option(list([...nums(1, 31), "-1", "-2"]), { nil: undefined }),
        fc.option(list(["MO", "TU", "SA", "1MO", "-1FR", "2WE"]), { nil: undefined }),
        fc.option(list(nums(0, 23)), { nil: undefined }),
        fc.option(list(["1", "-1", "2"]), { nil: undefined }),
        (freq, interval, byMonth, byMonthDay, byDay, byHour, bySetPos) => {
          const parts = [`FREQ=${freq}`];
          if (interval) parts.push(`INTERVAL=${interval}`);
          if (byMonth) parts.push(`BYMONTH=${byMonth.join(",")}`);
          if (byMonthDay) parts.push(`BYMONTHDAY=${byMonthDay.join(",")}`);
          if (byDay) parts.push(`BYDAY=${byDay.join(",")}`);
          if (byHour) parts.push(`BYHOUR=${byHour.join(",")}`);
          if (bySetPos) parts.push(`BYSETPOS=${bySetPos.join(",")}`);
          const rule = parts.join(";");
          const ms = elapsed(() =>
            nextOccurrence(normalizeRecurrence(rule), new Date("2026-05-17T13:00:00Z"), "Europe/Paris"),
          );
          expect(ms, rule).toBeLessThan(150);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("rules refused from the calendar alone", () => {
  it("refuses a month day no listed month has, and a week number never in the listed months", () => {
    for (const rule of [
      "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30,31",
      "FREQ=DAILY;BYMONTH=4,6,9,11;BYMONTHDAY=31",
      "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=7",
      "FREQ=YEARLY;BYWEEKNO=20,21;BYMONTH=1,12",
    ]) {
      expect(() => normalizeRecurrence(rule), rule).toThrow(ValidationError);
    }
  });

  it("keeps every rule whose parts can meet, at the edges of months and years", () => {
    const from = new Date("2026-01-01T09:00:00Z");
    const cases: [string, string][] = [
      ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29", "2028-02-29T09:00:00.000Z"],
      ["FREQ=DAILY;BYMONTH=2,3;BYMONTHDAY=31", "2026-03-31T09:00:00.000Z"],
      ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=-1", "2026-02-28T09:00:00.000Z"],
      // ISO week 1 of 2027 starts on Monday 2027-01-04; week 1 of 2030 starts on 2029-12-31.
      ["FREQ=YEARLY;BYWEEKNO=1;BYMONTH=12;BYDAY=MO", "2029-12-31T09:00:00.000Z"],
      ["FREQ=YEARLY;BYWEEKNO=53;BYMONTH=1;BYDAY=FR", "2027-01-01T09:00:00.000Z"],
      // Week 5 of 2026 starts on January 26, so its Monday is in February only from 2027.
      ["FREQ=YEARLY;BYWEEKNO=5;BYMONTH=2;BYDAY=MO", "2027-02-01T09:00:00.000Z"],
    ];
    for (const [rule, next] of cases) {
      expect(nextOccurrence(normalizeRecurrence(rule), from)?.toISOString(), rule).toBe(next);
    }
  });
});
