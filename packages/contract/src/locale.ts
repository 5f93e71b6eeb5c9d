// The one locale policy of quick add and the assistant: a BCP 47 tag the runtime knows (else 422). It decides how a
// numeric date is read — "12/03" is 12 March where the locale writes the day first (en-GB, fr, de…), 3 December
// where it writes the month first (en-US) — the same way the UI, formatting with that locale, shows dates.
import { z } from "zod";
import { LIMITS } from "./limits";

export function isValidLocale(locale: string): boolean {
  if (!locale || locale.length > LIMITS.locale) return false;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

/** True when the locale writes a numeric date day first (en-GB: 12/03 is 12 March); false for month first (en-US). */
export function isDayFirst(locale: string | undefined): boolean {
  if (!locale || !isValidLocale(locale)) return false;
  const parts = new Intl.DateTimeFormat(locale, { day: "numeric", month: "numeric", timeZone: "UTC" }).formatToParts(
    new Date(Date.UTC(2026, 11, 24)),
  );
  return parts.findIndex((p) => p.type === "day") < parts.findIndex((p) => p.type === "month");
}

export const Locale = z
  .string()
  .max(LIMITS.locale)
  .refine(isValidLocale, "Unknown locale (use a BCP 47 tag such as en-GB)")
  .meta({
    description: "BCP 47 locale; decides whether 12/03 is 12 March (en-GB) or 3 December (en-US, the default)",
    example: "en-GB",
  });
