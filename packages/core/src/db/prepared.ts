// Raw SQL run as a named prepared statement. On node-postgres a named statement is parsed and planned once per
// connection and afterwards only bound and executed, which more than halves the database's work for the list
// query (see npm run bench and docs/decisions/008). PGlite runs the same SQL unnamed.
import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "./client";

const dialect = new PgDialect();
/** Statement names by SQL text: one per distinct query shape (filters and sort), so the set stays small. */
const names = new Map<string, string>();
const MAX_NAMES = 1_000;

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name) return name;
  // Shapes beyond the bound (not reachable through the API's filters today) run unnamed rather than growing
  // every connection's statement cache without limit.
  if (names.size >= MAX_NAMES) return undefined;
  name = `todo_${createHash("sha256").update(text).digest("base64url").slice(0, 22)}`;
  names.set(text, name);
  return name;
}

/**
 * Runs `query` as a prepared statement named after its text and returns the rows as the driver gives them.
 * `planEachTime` runs it unnamed instead, so Postgres plans it for its values every time: for a statement whose
 * best plan depends on a value's selectivity (a search pattern, a tag), where a generic plan would scan.
 */
export async function executePrepared<Row>(
  db: Pick<Database, "_">,
  query: SQL,
  options: { planEachTime?: boolean } = {},
): Promise<Row[]> {
  const built = dialect.sqlToQuery(query);
  const name = options.planEachTime ? undefined : statementName(built.sql);
  const prepared = db._.session.prepareQuery(built, undefined, name, false);
  const result = (await prepared.execute()) as { rows: Row[] };
  return result.rows;
}
