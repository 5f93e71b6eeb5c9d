// The shared request limit, on each database kind: one window per key and scope, spent in units, reset after the
// window, and shared by two limiters on one database (two replicas) without spending more than the limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../test/databases";
import { RateLimiter } from "./rate-limit";

describe.each(databaseKinds)("RateLimiter on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  it("spends units per key and refuses what would pass the limit until the window resets", async () => {
    const limiter = new RateLimiter(database.handle.db, "t1", 3, 60_000);
    expect(await limiter.take("a", 2, 0)).toBe(0);
    expect(await limiter.take("a", 2, 1_000)).toBe(59_000);
    expect(await limiter.take("a", 1, 1_000)).toBe(0);
    expect(await limiter.take("a", 1, 2_000)).toBe(58_000);
    expect(await limiter.take("b", 1, 2_000)).toBe(0);
    expect(await limiter.take("a", 1, 60_000)).toBe(0);
    expect(await limiter.take("a", 4, 60_001)).toBeGreaterThan(0);
  });

  it("never refuses a request that costs nothing, and keeps scopes apart", async () => {
    const tools = new RateLimiter(database.handle.db, "t2", 1, 60_000);
    const turns = new RateLimiter(database.handle.db, "t3", 1, 60_000);
    expect(await tools.take("a", 1, 0)).toBe(0);
    expect(await tools.take("a", 0, 1)).toBe(0);
    expect(await tools.take("a", 1, 2)).toBeGreaterThan(0);
    expect(await turns.take("a", 1, 2)).toBe(0);
  });

  it("two replicas on one database share the window: 40 concurrent calls against 30 let exactly 30 through", async () => {
    const replicas = [
      new RateLimiter(database.handle.db, "t4", 30, 60_000),
      new RateLimiter(database.handle.db, "t4", 30, 60_000),
    ];
    const now = Date.now();
    const waits = await Promise.all(Array.from({ length: 40 }, (_, i) => replicas[i % 2]?.take("shared", 1, now)));
    expect(waits.filter((w) => w === 0)).toHaveLength(30);
    expect(waits.filter((w) => (w ?? 0) > 0)).toHaveLength(10);
  });
});
