// The read-only iCalendar feeds (design section 14): one per user and one per project, at secret URLs that
// rotating the secret replaces. Calendar apps subscribe to them; due tasks appear as events.
import { z } from "zod";

export const CalendarFeeds = z
  .object({
    url: z.string().meta({
      description: "Every task you can see that has a due date",
      example: "https://todo.example/feed/abc.ics",
    }),
    projects: z.array(z.object({ id: z.string(), name: z.string(), url: z.string() })),
    created_at: z.string().meta({ description: "When the current secret was made" }),
  })
  .meta({ id: "CalendarFeeds" });
export type CalendarFeeds = z.infer<typeof CalendarFeeds>;
