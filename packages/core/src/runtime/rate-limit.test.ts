import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.js";

describe("RateLimiter", () => {
  it("spends units per key and refuses what would pass the limit until the window resets", () => {
    const limiter = new RateLimiter(3, 60_000);
    expect(limiter.take("a", 2, 0)).toBe(0);
    expect(limiter.take("a", 2, 1_000)).toBe(59_000);
    expect(limiter.take("a", 1, 1_000)).toBe(0);
    expect(limiter.take("a", 1, 2_000)).toBe(58_000);
    expect(limiter.take("b", 1, 2_000)).toBe(0);
    expect(limiter.take("a", 1, 60_000)).toBe(0);
  });

  it("never refuses a request that costs nothing", () => {
    const limiter = new RateLimiter(1, 60_000);
    expect(limiter.take("a", 1, 0)).toBe(0);
    expect(limiter.take("a", 0, 1)).toBe(0);
    expect(limiter.take("a", 1, 2)).toBeGreaterThan(0);
  });
});
