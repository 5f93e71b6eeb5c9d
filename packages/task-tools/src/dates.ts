// Date arguments in plain language ("tomorrow 5pm", "next friday"), read by the natural-language engine's date
// parser (packages/assistant) in the call's time zone. ISO 8601 dates arrive parsed already (contract DateArg).
import { findDates, resolveZone } from "@todo/assistant/language/dates";
import { ValidationError } from "@todo/contract/errors";

/** Words around a date phrase that say nothing more ("due by friday", "on the 3rd"). */
const FILLER = /^(?:\s|,|\.|on|at|by|due|before|until|the)*$/i;

/** A Date for an ISO argument or a phrase that is a date and nothing else; null/undefined pass through. */
export function readDateArg(
  field: string,
  value: Date | string | null | undefined,
  timeZone: string | undefined,
  now = new Date(),
): Date | null | undefined {
  if (typeof value !== "string") return value;
  const found = value ? findDates(value, resolveZone({ now, timeZone: timeZone ?? "UTC" })) : [];
  const rest = found.reduce((text, date) => text.replace(date.text, " "), value);
  if (found.length !== 1 || !FILLER.test(rest)) {
    const message = `${field}: could not read "${value}" as a date; send ISO 8601 with an offset (e.g. 2026-12-01T09:00:00+01:00) or a phrase such as "tomorrow 5pm" or "next friday"`;
    throw new ValidationError(message, [{ path: field, message }]);
  }
  return found[0]!.instant;
}

/** The task fields of an add/update call with their dates read; the other fields are unchanged. */
export function withDates<
  T extends { due_at?: Date | string | null; remind_at?: Date | string | null; timezone?: string },
>(fields: T): Omit<T, "due_at" | "remind_at"> & { due_at?: Date | null; remind_at?: Date | null } {
  const now = new Date();
  const { due_at, remind_at, ...rest } = fields;
  return {
    ...rest,
    ...(due_at === undefined ? {} : { due_at: readDateArg("due_at", due_at, fields.timezone, now) }),
    ...(remind_at === undefined ? {} : { remind_at: readDateArg("remind_at", remind_at, fields.timezone, now) }),
  } as never;
}
