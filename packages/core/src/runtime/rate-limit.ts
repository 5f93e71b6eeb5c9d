// A fixed-window limit per key, kept in this replica's memory: it protects the process and the database from one
// runaway caller (an MCP client's tool calls, a user's chat turns); it is not a quota shared across replicas.
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /**
   * Spends `units` of the key's window: 0 when the request may go ahead, otherwise the milliseconds until the
   * window resets. A request that costs nothing (`units` 0) is never refused.
   */
  take(key: string, units = 1, now = Date.now()): number {
    if (units <= 0) return 0;
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(key, { start: now, count: Math.min(units, this.limit) });
      return 0;
    }
    if (w.count + units > this.limit) return w.start + this.windowMs - now;
    w.count += units;
    return 0;
  }
}
