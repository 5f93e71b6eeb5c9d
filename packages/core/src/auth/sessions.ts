// The per-request revocation check: one indexed lookup (a named prepared statement) that says whether a session
// still exists and for whom. Sign-out, revoke-sessions and expiry delete or outdate the row, so a cached session
// stops working on the very next request on every replica.
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { executePrepared } from "../db/prepared";

/** The user id of a live (existing, unexpired) session, or null. */
export async function liveSessionUser(db: Database, sessionToken: string): Promise<string | null> {
  const rows = await executePrepared<{ user_id: string }>(
    db,
    sql`select user_id from sessions where token = ${sessionToken} and expires_at > now()`,
  );
  return rows[0]?.user_id ?? null;
}
