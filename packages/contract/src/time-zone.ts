// The one time-zone policy of every entry point: a zone, when given, must be an IANA name the runtime knows (else
// 422); when none is given, UTC.
import { z } from "zod";
import { LIMITS } from "./limits";

export const DEFAULT_TIME_ZONE = "UTC";

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > LIMITS.timeZone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .max(LIMITS.timeZone)
  .refine(isValidTimeZone, "Unknown time zone (use an IANA name such as Europe/Paris)")
  .meta({ description: "IANA time zone, e.g. Europe/Paris (default UTC)", example: "Europe/Paris" });
export type TimeZone = z.infer<typeof TimeZone>;
