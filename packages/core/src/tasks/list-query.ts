// The list's query (decision 019): the page is chosen on indexes and bounded by the page, not by the history.
//
// Every task lives in one container: its owner's Inbox or its project. A user sees exactly the tasks of their
// Inbox and of the projects they are a member of (task_numbers holds a row for each, see projects/numbering.ts),
// so the list reads each of the caller's containers in the list's order from an index on
// (container, sort key…, created_at) (migration 0004), takes at most the page from each, and sorts only those.
// The order is the sort key, then the creation time, then the caller's number (in the sort's direction); the
// index holds all but the number, so each container's read takes its rows "with ties" on the index key and the
// number settles the rest. Keyset paging (`cursor`) starts each container's read right after the last task of
// the previous page: one index range per place in the key, so a deep page costs what the first one does.
// `total` is counted on the same indexes without formatting anything, or, for a list filtered by status alone,
// summed from the per-container counters a trigger keeps (migration 0010). Everything is one statement.

import { AppError, ValidationError } from "@todo/contract/errors";
import { LIMITS } from "@todo/contract/limits";
import type { ListTasksFilter } from "@todo/contract/task";
import { and, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { executePrepared } from "../db/prepared";
import { containerCounts, projectMembers, taskNumbers, tasks } from "../db/schema";
import { pageTasksJson } from "./task-rows";

/** A task's container, exactly as migration 0004's indexes spell it. */
export const containerOf = sql`(case when ${tasks.projectId} is null then 'u:' || ${tasks.userId} else 'p:' || ${tasks.projectId} end)`;

type Dir = "asc" | "desc";
type Kind = "time" | "priority" | "text" | "number";

/** One column of the list's order (an index column). Nullable terms put nulls last in either direction. */
interface Term {
  expr: SQL;
  dir: Dir;
  nullable: boolean;
  kind: Kind;
}

export type ListSortName = NonNullable<ListTasksFilter["sort"]>;

/** The index columns of a sort, in order: the sort's key, then created_at. */
function termsOf(sort: ListSortName, dir: Dir): Term[] {
  const created: Term = { expr: sql`${tasks.createdAt}`, dir, nullable: false, kind: "time" };
  switch (sort) {
    case "due":
      return [{ expr: sql`${tasks.dueAt}`, dir, nullable: true, kind: "time" }, created];
    case "priority":
      return [
        { expr: sql`${tasks.priority}`, dir, nullable: false, kind: "priority" },
        { expr: sql`${tasks.dueAt}`, dir: "asc", nullable: true, kind: "time" },
        created,
      ];
    case "title":
      return [{ expr: sql`lower(${tasks.title})`, dir, nullable: false, kind: "text" }, created];
    case "position":
      return [{ expr: sql`${tasks.position}`, dir, nullable: false, kind: "number" }, created];
    default:
      return [created];
  }
}

/** A term in ORDER BY, spelled as the indexes are (a NOT NULL column keeps the default nulls placement). */
const orderOf = (term: Term, expr: SQL = term.expr) =>
  term.dir === "asc" ? sql`${expr} asc` : term.nullable ? sql`${expr} desc nulls last` : sql`${expr} desc`;

/** A cursor value as the SQL value of its term. */
function literal(term: Term, value: string | number): SQL {
  switch (term.kind) {
    case "time":
      return sql`${value}::timestamptz`;
    case "priority":
      return sql`${value}::task_priority`;
    case "number":
      return sql`${value}::float8`;
    default:
      return sql`${value}::text`;
  }
}

/** A term's value in a cursor: exact text for times (microseconds), the value itself otherwise. */
function cursorValue(term: Term, column: SQL): SQL {
  return term.kind === "time" ? sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : column;
}

type Value = string | number | null;

interface Cursor {
  /** Sort, order and a fingerprint of the filters the cursor was made for. */
  s: string;
  f: string;
  /** The last task's index key (one value per term) and the caller's number for it. */
  v: Value[];
  n: number;
}

/** A short fingerprint (FNV-1a) of everything but the paging: a cursor is refused for another list. */
function fingerprint(filter: ListTasksFilter, timeZone: string): string {
  const { limit: _l, offset: _o, cursor: _c, ...rest } = filter;
  const text = JSON.stringify(Object.entries({ ...rest, tz: timeZone }).sort(([a], [b]) => a.localeCompare(b)));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** A cursor that this list did not give out (opaque text, so any other is malformed): 400 bad_request. */
function badCursor(): AppError {
  const message = "cursor is not one this list gave out for these filters and this sort; start again without cursor";
  return new AppError("bad_request", message, [{ path: "cursor", message }]);
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const PRIORITIES = new Set(["none", "low", "medium", "high"]);

function validInstant(v: string): boolean {
  const ms = Date.parse(v);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 23) === v.slice(0, 23);
}

function validValue(term: Term, v: unknown): boolean {
  if (v === null) return term.nullable;
  switch (term.kind) {
    case "time":
      // A real instant (no 30 February): it reads back as itself to the millisecond.
      return typeof v === "string" && TIME.test(v) && validInstant(v);
    case "priority":
      return typeof v === "string" && PRIORITIES.has(v);
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    default:
      return typeof v === "string" && v.length <= LIMITS.title * 4 && !v.includes("\u0000");
  }
}

function decodeCursor(text: string, terms: Term[], shape: string, print: string): Cursor {
  let value: unknown;
  try {
    const bytes = Buffer.from(text, "base64url");
    // Only the canonical spelling: base64 decoders skip stray characters, a cursor must not.
    if (bytes.toString("base64url") !== text) throw badCursor();
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw badCursor();
  }
  const c = value as Cursor;
  const ok =
    typeof c === "object" &&
    c !== null &&
    c.s === shape &&
    c.f === print &&
    Number.isSafeInteger(c.n) &&
    c.n >= 1 &&
    c.n <= 2_147_483_647 &&
    Array.isArray(c.v) &&
    c.v.length === terms.length &&
    terms.every((term, i) => validValue(term, c.v[i]));
  if (!ok) throw badCursor();
  return c;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

/**
 * The conditions that split "after the cursor" into index ranges, in the list's order: the same key and a later
 * number; then, from the last term to the first, the same key before that term and a later value of it (and, for
 * a nullable term, null, which comes last). Each range is one index scan in order.
 */
function afterCursor(terms: Term[], cursor: Cursor, numberDir: Dir): SQL[] {
  const equal = (i: number) => {
    const v = cursor.v[i] as Value;
    const term = terms[i] as Term;
    return v === null ? sql`${term.expr} is null` : sql`${term.expr} = ${literal(term, v)}`;
  };
  const prefix = (i: number) => Array.from({ length: i }, (_, j) => equal(j));
  const ranges: SQL[] = [
    and(
      ...prefix(terms.length),
      numberDir === "asc" ? sql`n.number > ${cursor.n}` : sql`n.number < ${cursor.n}`,
    ) as SQL,
  ];
  for (let i = terms.length - 1; i >= 0; i--) {
    const term = terms[i] as Term;
    const v = cursor.v[i] as Value;
    if (v === null) continue; // nothing comes after null in this term
    const later =
      term.dir === "asc" ? sql`${term.expr} > ${literal(term, v)}` : sql`${term.expr} < ${literal(term, v)}`;
    ranges.push(and(...prefix(i), later) as SQL);
    if (term.nullable) ranges.push(and(...prefix(i), sql`${term.expr} is null`) as SQL);
  }
  return ranges;
}

export interface ListQuery {
  userId: string;
  /** Conditions on "tasks" (the filters). */
  where: SQL | undefined;
  sort: ListSortName;
  order: Dir;
  limit: number;
  offset: number;
  cursor: string | undefined;
  /** Which containers to read: the Inbox, the caller's projects, or one project. */
  inbox: boolean;
  projects: boolean | string;
  filter: ListTasksFilter;
  timeZone: string;
  /**
   * Set when the filters are only status and parent=none (and the project, which is the containers): `total` is
   * then read from container_counts (migration 0010), a row per container, instead of counted over the history.
   */
  counter?: { status: ListTasksFilter["status"]; topOnly: boolean };
}

/** The container_counts expression for a list's total (decision 026). */
function counterTotal(counter: NonNullable<ListQuery["counter"]>): SQL {
  const [live, pending] = counter.topOnly ? ["cc.top_live", "cc.top_pending"] : ["cc.live", "cc.pending"];
  const expr = counter.status === "pending" ? pending : counter.status === "completed" ? `${live} - ${pending}` : live;
  return sql.raw(`coalesce(sum(${expr}), 0)`);
}

/**
 * Search and tag lists are planned for their values each time: a rare word is best found on the trigram (or tags)
 * index and a common one by reading the list's order, and a generic plan cannot tell them apart (measured: it
 * read the order and filtered 50,000 rows for a rare word).
 */
export const planEachTime = (filter: ListTasksFilter) => Boolean(filter.q || filter.tag?.length);

interface ListRow {
  tasks: string;
  total: string | number;
  last: Value[] | null;
}

/** The JSON text `{"tasks":[Task…],"total":n,"next_cursor":…}` of a page of the caller's list. */
export async function listJson(db: Pick<Database, "_">, q: ListQuery): Promise<string> {
  const { statement, body } = listStatement(q);
  const [row] = await executePrepared<ListRow>(db, statement, { planEachTime: planEachTime(q.filter) });
  return body(row);
}

/** The list's one statement, and how its row becomes the body (exported for the plan test). */
export function listStatement(q: ListQuery): { statement: SQL; body: (row: ListRow | undefined) => string } {
  const terms = termsOf(q.sort, q.order);
  const shape = `${q.sort}.${q.order}`;
  const print = fingerprint(q.filter, q.timeZone);
  let cursor: Cursor | undefined;
  if (q.cursor !== undefined) {
    if (q.offset !== 0) {
      throw new ValidationError("Give either cursor or offset, not both", [
        { path: "offset", message: "Leave offset out when paging with cursor" },
      ]);
    }
    cursor = decodeCursor(q.cursor, terms, shape, print);
  }
  // Each container gives at most offset + limit + 1 rows (plus ties on the index key): the one extra row tells
  // whether there is a next page.
  const take = q.offset + q.limit + 1;
  const ranges = cursor ? afterCursor(terms, cursor, q.order) : [undefined];
  const keys = terms.map((term, i) => sql`${term.expr} as ${sql.raw(`k${i}`)}`);
  const indexOrder = sql.join(
    terms.map((term) => orderOf(term)),
    sql`, `,
  );
  const outerOrder = sql.join(
    [
      ...terms.map((term, i) => orderOf(term, sql.raw(`x.k${i}`))),
      q.order === "asc" ? sql`x.num asc` : sql`x.num desc`,
    ],
    sql`, `,
  );
  // With a cursor, a container's rows after it are several index ranges, each in the list's order: merged in
  // that order (a Merge Append, lazily) and cut at the same bound, so a container still gives at most the page.
  const unionOrder = sql.join(
    terms.map((term, i) => orderOf(term, sql.raw(`u.k${i}`))),
    sql`, `,
  );
  const visible = and(sql`${containerOf} = cs.c`, sql`${tasks.deletedAt} is null`, q.where);
  const branches = ranges.map(
    (range) => sql`(select ${tasks.id} as tid, n.number as num, ${sql.join(keys, sql`, `)}
         from ${tasks} join ${taskNumbers} n on n.user_id = ${q.userId} and n.task_id = ${tasks.id}
        where ${and(visible, range)}
        order by ${indexOrder}
        fetch first (${take}::bigint) rows with ties)`,
  );
  const containers: SQL[] = [];
  if (q.inbox) containers.push(sql`select 'u:' || ${q.userId}::text as c`);
  if (q.projects !== false) {
    containers.push(
      sql`select 'p:' || ${projectMembers.projectId} as c from ${projectMembers}
           where ${projectMembers.userId} = ${q.userId}${
             typeof q.projects === "string" ? sql` and ${projectMembers.projectId} = ${q.projects}` : sql``
           }`,
    );
  }
  if (containers.length === 0) containers.push(sql`select null::text as c where false`);
  const lastKey = sql.join(
    [...terms.map((term, i) => cursorValue(term, sql.raw(`page.k${i}`))), sql`page.num`],
    sql`, `,
  );
  const statement = sql`
    with cs as (${sql.join(containers, sql` union all `)}),
    ranked as (
      select x.*, row_number() over (order by ${outerOrder}) as ord
        from cs cross join lateral (${
          branches.length === 1
            ? branches[0]
            : sql`select * from (${sql.join(branches, sql` union all `)}) u
                   order by ${unionOrder} fetch first (${take}::bigint) rows with ties`
        }) x
       order by ord
       limit ${q.limit + 1} offset ${q.offset}
    ),
    page as (select * from ranked where ord <= ${q.offset + q.limit}),
    counted as materialized (${
      q.counter
        ? sql`select ${counterTotal(q.counter)} as total from cs join ${containerCounts} cc on cc.container = cs.c`
        : sql`select count(*) as total from cs join ${tasks} on ${and(sql`${containerOf} = cs.c`, sql`${tasks.deletedAt} is null`, q.where)}`
    })
    ${pageTasksJson(
      q.userId,
      sql`,
      (select total from counted) as total,
      (select json_build_array(${lastKey}) from page
        where page.ord = ${q.offset + q.limit} and exists (select 1 from ranked where ranked.ord > ${q.offset + q.limit})) as last`,
    )}`;
  const body = (row: ListRow | undefined) => {
    const total = Number(row?.total ?? 0);
    const last = row?.last ?? null;
    let next: string | null = null;
    if (last) {
      const n = last.pop() as number;
      next = encodeCursor({ s: shape, f: print, v: last, n });
    }
    return `{${row?.tasks ?? '"tasks":[]'},"total":${total},"next_cursor":${next === null ? "null" : `"${next}"`}}`;
  };
  return { statement, body };
}
