import { describe, expect, it } from "vitest";
import { isDayFirst, isValidLocale, Locale } from "./locale";

describe("locale", () => {
  it("knows which locales write the day first", () => {
    for (const locale of ["en-GB", "fr-FR", "de", "en-AU", "es", "pt-BR", "en-IN"])
      expect(isDayFirst(locale), locale).toBe(true);
    for (const locale of ["en-US", "en", undefined, "not a locale"])
      expect(isDayFirst(locale), String(locale)).toBe(false);
  });

  it("accepts BCP 47 tags and refuses anything else with a sentence", () => {
    expect(isValidLocale("en-GB")).toBe(true);
    expect(isValidLocale("")).toBe(false);
    expect(isValidLocale("x".repeat(40))).toBe(false);
    const bad = Locale.safeParse("12/03");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/Unknown locale/);
  });
});
