// A fixed-window limit per key (an MCP caller's tool calls, a user's assistant turns), counted in the database so
// that every replica of the backend and the MCP server spends from the same window (issue 19: several replicas on
// one Postgres). The common case is one statement; a refusal costs at most five.
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";

async function rows(db: Database, query: SQL): Promise<Record<string, unknown>[]> {
  return ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

export class RateLimiter {
  constructor(
    private readonly db: Database,
    /** Names the limit, so two limits never share a key's window. */
    private readonly scope: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /**
   * Spends `units` of the key's window: 0 when the request may go ahead, otherwise the milliseconds until the
   * window resets. A request that costs nothing (`units` 0) is never refused and costs no query; one that costs
   * more than the whole limit is refused.
   */
  async take(key: string, units = 1, now = Date.now()): Promise<number> {
    if (units <= 0) return 0;
    const id = `${this.scope}:${key}`;
    const windowFrom = now - this.windowMs;
    if (units > this.limit) return this.windowMs;
    // Twice at most: a concurrent caller may open the window between this caller's update and insert.
    for (let attempt = 0; attempt < 2; attempt++) {
      // Inside the current window with room left: spend.
      const spent = await rows(
        this.db,
        sql`
        update request_windows set count = count + ${units}
        where key = ${id} and window_start > ${windowFrom} and count + ${units} <= ${this.limit}
        returning count`,
      );
      if (spent.length > 0) return 0;
      // No window yet, or the last one is over: open a new one with these units.
      const opened = await rows(
        this.db,
        sql`
        insert into request_windows (key, window_start, count) values (${id}, ${now}, ${units})
        on conflict (key) do update set window_start = excluded.window_start, count = excluded.count
        where request_windows.window_start <= ${windowFrom}
        returning count`,
      );
      if (opened.length > 0) return 0;
    }
    // The current window is full.
    const current = await rows(this.db, sql`select window_start from request_windows where key = ${id}`);
    const start = Number(current[0]?.window_start ?? now);
    return Math.max(1, start + this.windowMs - now);
  }
}
