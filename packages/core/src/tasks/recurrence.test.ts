import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { anchorRecurrence, nextOccurrence, normalizeRecurrence } from "./recurrence";

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
