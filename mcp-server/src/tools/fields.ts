// Input fields shared by add_task and update_task, described for models. They stay plain (no transforms) so
// they convert to JSON Schema; the core task service does the real validation.
import { z } from "zod";

export const taskFields = {
  title: z.string().describe('Short title, 1–200 characters, e.g. "Buy groceries"'),
  description: z.string().describe("Optional longer notes, up to 4000 characters"),
  priority: z.enum(["none", "low", "medium", "high"]).describe('Priority: "none", "low", "medium" or "high"'),
  tags: z
    .array(z.string())
    .describe('Tags without "#", lowercase letters/digits/-/_ (e.g. ["home", "finance"]); at most 20'),
  due_at: z
    .string()
    .nullable()
    .describe('When it is due, ISO 8601 with a time zone offset, e.g. "2026-12-01T09:00:00+01:00"; null clears it'),
  remind_at: z
    .string()
    .nullable()
    .describe("When to remind, ISO 8601 with offset, not later than due_at; null clears it"),
  recurrence: z
    .string()
    .nullable()
    .describe(
      'Repeat rule: an RFC 5545 RRULE such as "FREQ=WEEKLY;BYDAY=MO" or "FREQ=MONTHLY;BYMONTHDAY=1", or daily|weekly|monthly|yearly; completing the task creates the next one; null stops repeating',
    ),
  timezone: z.string().describe('IANA time zone the recurrence follows, e.g. "Europe/Paris" (default UTC)'),
};
