import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findClosestWord, maskQuotes, measureEditDistance, stemWord, truncateText, unmaskQuotes } from "./words";

describe("measureEditDistance", () => {
  it("counts edits, an adjacent swap as one", () => {
    expect(measureEditDistance("mark", "mark")).toBe(0);
    expect(measureEditDistance("mrak", "mark")).toBe(1);
    expect(measureEditDistance("delet", "delete")).toBe(1);
    expect(measureEditDistance("kitten", "sitting")).toBe(3);
  });

  it("is symmetric and bounded by the longer word", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = measureEditDistance(a, b);
        expect(measureEditDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});

describe("findClosestWord", () => {
  const lexicon = ["delete", "complete", "reschedule", "hello", "help"];
  it("forgives a typo in a word long enough to carry one", () => {
    expect(findClosestWord("delte", lexicon)).toBe("delete");
    expect(findClosestWord("compelte", lexicon)).toBe("complete");
  });

  it("refuses far words, and a closer limit when asked", () => {
    expect(findClosestWord("schedule", lexicon)).toBe("reschedule");
    expect(findClosestWord("schedule", lexicon, 1)).toBeNull();
    expect(findClosestWord("banana", lexicon)).toBeNull();
  });

  it("breaks a tie towards the word missing a letter, or not at all", () => {
    expect(findClosestWord("helo", lexicon)).toBe("hello");
    expect(findClosestWord("hell", ["hello", "hells"])).toBeNull();
  });
});

describe("stemWord", () => {
  it.each([
    ["groceries", "grocery"],
    ["meetings", "meet"],
    ["called", "call"],
    ["shopping", "shop"],
    ["paid", "pay"],
    ["dress", "dress"],
  ])("%s → %s", (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });
});

describe("quote masking", () => {
  it("hides quoted text and gives it back without the marks", () => {
    const masked = maskQuotes(`rename "buy milk" to 'buy oat milk' — don't panic`);
    expect(masked.quotes).toEqual(["buy milk", "buy oat milk"]);
    expect(masked.text).not.toContain("milk");
    expect(unmaskQuotes(masked.text, masked.quotes)).toBe("rename buy milk to buy oat milk — don't panic");
  });
});

describe("truncateText", () => {
  it("never splits a surrogate pair", () => {
    const text = `${"a".repeat(199)}😀`;
    expect(truncateText(text, 200)).toBe("a".repeat(199));
  });
});
