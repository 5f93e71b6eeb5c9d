// Small constructors that keep the case files readable: they only build the plain data that schema.ts checks.
import type { z } from "zod";
import type { Case, DateSpec, Expect, SetupTask } from "../schema";

export type CaseInput = z.input<typeof Case>;
type More = Partial<Pick<CaseInput, "setup" | "needs" | "note" | "users" | "projects">>;

/** A local date-time; `time` null means the person gave no time (expected 09:00). */
export function at(
  day: string | string[] | { from: string; to: string },
  time: string | string[] | "any" | null = null,
): DateSpec {
  return { day, time } as DateSpec;
}

/** A weekday someone names for a new date: the next one after today, or today itself when today is that day
 * (people disagree on what "friday" means on a Friday). */
export function wd(name: string): string[] {
  return [`this-${name}`, name];
}

/** "remind me …" with one time: a reminder at that time is welcome, none is acceptable too. */
export function remindOrNot(spec: DateSpec) {
  return { anyOf: [null, spec] };
}

export function one(
  id: string,
  area: CaseInput["area"],
  timezone: string,
  say: string,
  expect: Expect,
  more: More = {},
): CaseInput {
  return { id, kind: "single", area, timezone, setup: [], ...more, turns: [{ say, expect }] };
}

export function conv(
  id: string,
  area: CaseInput["area"],
  timezone: string,
  turns: [string, Expect][],
  more: More = {},
): CaseInput {
  return {
    id,
    kind: "multi",
    area,
    timezone,
    setup: [],
    ...more,
    turns: turns.map(([say, expect]) => ({ say, expect })),
  };
}

export type { SetupTask };
