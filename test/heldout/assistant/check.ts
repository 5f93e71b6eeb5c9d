// Judges one turn: the difference between the tasks (and projects) before and after it must be exactly what the
// case expects, and the reply must ask / mention what it says. Anything else that changed is junk or unrequested.
import { dateMismatch, describeInstant } from "./dates";
import type { Created, Expect, FieldExpect, Outcome, Ref } from "./schema";
import {
  normRule,
  normTags,
  normTitle,
  type ProjectRow,
  ruleParts,
  type Snapshot,
  sameField,
  showField,
  TASK_FIELDS,
  type TaskField,
  type TaskRow,
} from "./snapshot";

export interface TurnContext {
  tz: string;
  now: Date;
  /** ref → task id: setup refs and titles, and the tasks earlier turns created. */
  refs: Map<string, number>;
  /** lowercased email or name → user id, for assignees and members. */
  users: Map<string, string>;
  /** The replies of the earlier turns, first turn first. */
  replies: string[];
  reply: string;
  before: Snapshot;
  after: Snapshot;
}

export interface Verdict {
  pass: boolean;
  problems: string[];
  junk: number;
  unrequested: number;
  /** Refs of the tasks this turn created, to name them in later turns. */
  created: Map<string, number>;
}

type AnyOf<T> = T | { anyOf: T[] };
function options<T>(v: AnyOf<T>): T[] {
  return v !== null && typeof v === "object" && "anyOf" in (v as object) ? (v as { anyOf: T[] }).anyOf : [v as T];
}
/** null when one of the options passes, else the first option's problem. */
function firstPass<T>(v: AnyOf<T>, check: (o: T) => string | null): string | null {
  const problems = options(v).map(check);
  return problems.some((p) => p === null) ? null : problems.join(" / or ");
}

const label = (t: TaskRow) => `#${t.id} "${t.title}"`;

function resolveRef(ref: Ref, ctx: TurnContext): number | string {
  if (typeof ref === "string") {
    const id = ctx.refs.get(ref);
    if (id !== undefined) return id;
    const byTitle = [...ctx.before.tasks.values()].filter((t) => normTitle(t.title) === normTitle(ref));
    return byTitle.length === 1 ? byTitle[0]!.id : `case error: unknown ref "${ref}"`;
  }
  if ("id" in ref) return ref.id;
  const reply = (ref.turn ? (ctx.replies[ref.turn - 1] ?? "") : (ctx.replies.at(-1) ?? "")).toLowerCase();
  const found: { id: number; at: number }[] = [];
  for (const r of ref.of) {
    const id = resolveRef(r, ctx);
    if (typeof id === "string") return id;
    const title = ctx.before.tasks.get(id)?.title.toLowerCase();
    const at = title ? reply.indexOf(title) : -1;
    if (at >= 0) found.push({ id, at });
  }
  found.sort((a, b) => a.at - b.at);
  const pick = ref.nthInReply < 0 ? found[found.length + ref.nthInReply] : found[ref.nthInReply - 1];
  return pick
    ? pick.id
    : `the reply it points at did not list the candidates, so "number ${ref.nthInReply}" names nothing`;
}

function projectByName(snapshot: Snapshot, name: string): ProjectRow | undefined {
  return [...(snapshot.projects?.values() ?? [])].find(
    (p) => p.name.trim().toLowerCase() === name.trim().toLowerCase(),
  );
}

function ruleProblem(
  expect: string | null | { freq: string; interval?: number; byday?: string[] },
  actual: string | null,
) {
  if (expect === null || typeof expect === "string") {
    return normRule(expect) === normRule(actual) ? null : (normRule(expect) ?? "none");
  }
  const parts = ruleParts(actual);
  const ok =
    parts !== null &&
    parts.get("FREQ") === expect.freq &&
    (parts.get("INTERVAL") ?? "1") === String(expect.interval ?? 1) &&
    (expect.byday === undefined ||
      parts.get("BYDAY") === ruleParts(`FREQ=WEEKLY;BYDAY=${expect.byday.join(",")}`)?.get("BYDAY"));
  return ok ? null : `like ${JSON.stringify(expect)}`;
}

/** Problems of one task against field expectations; `defaults` fills in what a new task must be when unsaid. */
function fieldProblems(e: FieldExpect, t: TaskRow, ctx: TurnContext, defaults: boolean): string[] {
  const out: string[] = [];
  const add = (field: string, expected: string | null, actual?: string) => {
    if (expected === null) return;
    out.push(actual === undefined ? `${field}: ${expected}` : `${field}: expected ${expected}, got ${actual}`);
  };
  const want = defaults
    ? {
        description: "",
        priority: "none" as const,
        tags: [],
        due: null,
        remind: null,
        recurrence: null,
        completed: false,
        ...e,
      }
    : e;
  if (want.title !== undefined)
    add(
      "title",
      firstPass(want.title, (o) => (normTitle(o) === normTitle(t.title) ? null : JSON.stringify(o))),
      JSON.stringify(t.title),
    );
  if (want.description !== undefined)
    add(
      "description",
      firstPass(want.description, (o) => (normTitle(o) === normTitle(t.description ?? "") ? null : JSON.stringify(o))),
      JSON.stringify(t.description ?? ""),
    );
  if (want.priority !== undefined)
    add(
      "priority",
      firstPass(want.priority, (o) => (o === t.priority ? null : o)),
      t.priority,
    );
  if (want.tags !== undefined)
    add(
      "tags",
      firstPass(want.tags, (o) => (normTags(o) === normTags(t.tags) ? null : `[${o.join(", ")}]`)),
      `[${t.tags.join(", ")}]`,
    );
  if (want.due !== undefined)
    add(
      "due",
      firstPass(want.due, (o) =>
        o === null
          ? t.due_at === null
            ? null
            : `expected none, got ${describeInstant(t.due_at, ctx.tz)}`
          : dateMismatch(o, t.due_at, ctx.tz, ctx.now),
      ),
    );
  if (want.remind !== undefined)
    add(
      "remind",
      firstPass(want.remind, (o) => {
        if (o === null)
          return t.remind_at === null ? null : `expected none, got ${describeInstant(t.remind_at, ctx.tz)}`;
        if ("beforeDue" in o) {
          if (t.due_at === null || t.remind_at === null)
            return `expected ${o.beforeDue} min before due, got due or reminder missing`;
          const gap = (new Date(t.due_at).getTime() - new Date(t.remind_at).getTime()) / 60_000;
          return gap === o.beforeDue
            ? null
            : `expected ${o.beforeDue} min before due, got ${describeInstant(t.remind_at, ctx.tz)} (${gap} min before)`;
        }
        return dateMismatch(o, t.remind_at, ctx.tz, ctx.now);
      }),
    );
  if (want.recurrence !== undefined)
    add(
      "recurrence",
      firstPass(want.recurrence, (o) => ruleProblem(o, t.recurrence)),
      t.recurrence ?? "none",
    );
  if (want.completed !== undefined && want.completed !== t.completed)
    add("completed", String(want.completed), String(t.completed));
  if (e.project !== undefined || (defaults && t.project_id)) {
    add(
      "project",
      firstPass(e.project ?? null, (o) => {
        const id = o === null ? null : (projectByName(ctx.after, o)?.id ?? `(no project named ${o})`);
        return id === (t.project_id ?? null) ? null : (o ?? "inbox");
      }),
      t.project_id ?? "inbox",
    );
  }
  if (e.parent !== undefined || (defaults && t.parent_id)) {
    const id = e.parent === undefined || e.parent === null ? null : resolveRef(e.parent, ctx);
    if (id !== (t.parent_id ?? null)) add("parent", String(id ?? "none"), String(t.parent_id ?? "none"));
  }
  if (e.assignee !== undefined || (defaults && t.assignee)) {
    const id = e.assignee ? (ctx.users.get(e.assignee.toLowerCase()) ?? `(unknown user ${e.assignee})`) : null;
    if (id !== (t.assignee?.id ?? null)) add("assignee", e.assignee ?? "none", showField("assignee", t));
  }
  return out;
}

interface Assignment {
  pairs: Map<number, number>;
  cost: number;
}

/** Pairs expected new tasks with the tasks that appeared, fewest mismatches first (small sets: exhaustive). */
function matchCreated(expected: Created[], added: TaskRow[], ctx: TurnContext) {
  const cost = expected.map((e) => added.map((t) => fieldProblems(e, t, ctx, true)));
  let best: Assignment = { pairs: new Map(), cost: Number.POSITIVE_INFINITY };
  const used = new Set<number>();
  const walk = (i: number, pairs: Map<number, number>, total: number) => {
    if (total >= best.cost) return;
    if (i === expected.length) {
      best = { pairs: new Map(pairs), cost: total };
      return;
    }
    for (let j = 0; j < added.length; j++) {
      if (used.has(j)) continue;
      used.add(j);
      pairs.set(i, j);
      walk(i + 1, pairs, total + cost[i]![j]!.length);
      pairs.delete(i);
      used.delete(j);
    }
    walk(i + 1, pairs, total + 10);
  };
  walk(0, new Map(), 0);
  return { pairs: best.pairs, cost };
}

function replyProblems(o: Outcome, ctx: TurnContext): string[] {
  const out: string[] = [];
  const text = ctx.reply
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
  const has = (word: string) => {
    const w = word.toLowerCase();
    return /^\d+$/.test(w) ? new RegExp(`(^|\\D)${w}(\\D|$)`).test(text) : text.includes(w);
  };
  if (o.asks === true && !text.includes("?")) out.push("reply should ask a question");
  if (o.asks === false && text.includes("?")) out.push("reply should not ask a question");
  for (const m of o.mentions ?? []) {
    const words = Array.isArray(m) ? m : [m];
    if (!words.some(has)) out.push(`reply should mention ${words.map((w) => JSON.stringify(w)).join(" or ")}`);
  }
  for (const m of o.notMentions ?? []) if (has(m)) out.push(`reply should not mention ${JSON.stringify(m)}`);
  return out;
}

function projectProblems(o: Outcome, ctx: TurnContext, tally: { junk: number; unrequested: number }): string[] {
  const before = ctx.before.projects;
  const after = ctx.after.projects;
  const want = o.projects ?? {};
  if (!before || !after) return Object.keys(want).length ? ["projects routes are missing (404)"] : [];
  const out: string[] = [];
  const expectedNew = new Set((want.created ?? []).map((p) => p.name.toLowerCase()));
  for (const p of after.values()) {
    if (before.has(p.id)) continue;
    if (expectedNew.delete(p.name.trim().toLowerCase())) continue;
    out.push(`junk project created: "${p.name}"`);
    tally.junk++;
  }
  for (const name of expectedNew) out.push(`expected project "${name}" created`);
  const deleted = new Set((want.deleted ?? []).map((n) => projectByName(ctx.before, n)?.id ?? n));
  const renamed = new Map(
    (want.renamed ?? []).map((r) => [projectByName(ctx.before, r.project)?.id ?? r.project, r.to]),
  );
  const members = want.members ?? [];
  for (const p of before.values()) {
    const now = after.get(p.id);
    if (!now) {
      if (!deleted.delete(p.id)) {
        out.push(`unrequested: project "${p.name}" deleted`);
        tally.unrequested++;
      }
      continue;
    }
    const to = renamed.get(p.id);
    renamed.delete(p.id);
    if (to !== undefined ? now.name.trim() !== to : now.name !== p.name) {
      out.push(
        to !== undefined
          ? `project "${p.name}": expected name "${to}", got "${now.name}"`
          : `unrequested: project "${p.name}" renamed to "${now.name}"`,
      );
      if (to === undefined) tally.unrequested++;
    }
    const key = (m: { user_id: string; role: string }) => `${m.user_id}:${m.role}`;
    const was = new Set(p.members.map(key));
    for (const m of now.members) {
      if (was.has(key(m))) continue;
      const wanted = members.some(
        (w) =>
          projectByName(ctx.after, w.project)?.id === p.id &&
          ctx.users.get(w.email.toLowerCase()) === m.user_id &&
          options(w.role).includes(m.role as never),
      );
      if (!wanted) {
        out.push(`unrequested: member ${m.email ?? m.user_id} as ${m.role} in "${now.name}"`);
        tally.unrequested++;
      }
    }
  }
  for (const id of deleted) out.push(`expected project ${id} deleted`);
  for (const w of members) {
    const p = projectByName(ctx.after, w.project);
    const uid = ctx.users.get(w.email.toLowerCase());
    if (!p?.members.some((m) => m.user_id === uid && options(w.role).includes(m.role as never)))
      out.push(`expected ${w.email} to be ${options(w.role).join("/")} of "${w.project}"`);
  }
  return out;
}

/** One alternative of a turn's expectation against what happened. */
function judge(o: Outcome, ctx: TurnContext): Verdict {
  const problems: string[] = [];
  const tally = { junk: 0, unrequested: 0 };
  const ids = (refs: Ref[] | undefined) =>
    (refs ?? []).map((r) => {
      const id = resolveRef(r, ctx);
      if (typeof id === "string") problems.push(id);
      return typeof id === "number" ? id : -1;
    });
  const deleted = new Set(ids(o.deleted));
  const completed = new Set(ids(o.completed));
  const reopened = new Set(ids(o.reopened));
  const changed = new Map<number, FieldExpect>();
  for (const c of o.changed ?? []) {
    const [id] = ids([c.task]);
    if (id !== undefined && id >= 0) changed.set(id, { ...changed.get(id), ...c.set });
  }

  const { before, after } = ctx;
  for (const id of deleted)
    if (id >= 0 && after.tasks.has(id)) problems.push(`expected ${label(after.tasks.get(id)!)} deleted`);
  const recurredFrom: TaskRow[] = [];
  for (const [id, was] of before.tasks) {
    const now = after.tasks.get(id);
    if (!now) {
      if (!deleted.has(id)) {
        problems.push(`unrequested: ${label(was)} deleted`);
        tally.unrequested++;
      }
      continue;
    }
    if (completed.has(id) && !(now.completed && !was.completed)) problems.push(`expected ${label(was)} completed`);
    if (reopened.has(id) && !(!now.completed && was.completed)) problems.push(`expected ${label(was)} reopened`);
    if (!was.completed && now.completed && was.recurrence) recurredFrom.push(was);
    const set = changed.get(id);
    if (set) {
      problems.push(...fieldProblems(set, now, ctx, false).map((p) => `${label(was)} ${p}`));
      if (TASK_FIELDS.every((f) => sameField(f, was, now))) problems.push(`expected ${label(was)} changed; it was not`);
    }
    const allowed = new Set<TaskField>();
    if (completed.has(id) || reopened.has(id)) allowed.add("completed");
    for (const k of Object.keys(set ?? {})) {
      const map: Record<string, TaskField> = {
        due: "due_at",
        remind: "remind_at",
        project: "project_id",
        parent: "parent_id",
      };
      allowed.add(map[k] ?? (k as TaskField));
    }
    for (const f of TASK_FIELDS) {
      if (allowed.has(f) || sameField(f, was, now)) continue;
      problems.push(`unrequested: ${label(was)} ${f} ${showField(f, was)} → ${showField(f, now)}`);
      tally.unrequested++;
    }
  }

  // A completed recurring task's next occurrence is the app's own doing, not the assistant's.
  let added = [...after.tasks.values()].filter((t) => !before.tasks.has(t.id));
  for (const src of recurredFrom) {
    const next = added.find(
      (t) => !t.completed && t.title === src.title && normRule(t.recurrence) === normRule(src.recurrence),
    );
    if (next) added = added.filter((t) => t !== next);
  }
  const expected = o.created ?? [];
  const { pairs, cost } = matchCreated(expected, added, ctx);
  const createdRefs = new Map<string, number>();
  expected.forEach((e, i) => {
    const j = pairs.get(i);
    const ref = e.ref ?? options(e.title)[0]!;
    if (j === undefined) {
      const near = added.length ? ` (closest: ${label(added[0]!)}: ${cost[i]![0]!.join("; ")})` : "";
      problems.push(`expected a new task ${JSON.stringify(options(e.title)[0])}${near}`);
      return;
    }
    createdRefs.set(ref, added[j]!.id);
    problems.push(...cost[i]![j]!.map((p) => `new ${label(added[j]!)} ${p}`));
  });
  const matched = new Set(pairs.values());
  added.forEach((t, j) => {
    if (matched.has(j)) return;
    problems.push(`junk task created: ${label(t)}`);
    tally.junk++;
  });
  problems.push(...projectProblems(o, ctx, tally));
  problems.push(...replyProblems(o, ctx));
  return {
    pass: problems.length === 0,
    problems,
    junk: tally.junk,
    unrequested: tally.unrequested,
    created: createdRefs,
  };
}

/** The turn passes when the expectation or one of its `allow` alternatives (inheriting what it leaves out) does. */
export function judgeTurn(expect: Expect, ctx: TurnContext): Verdict {
  const { allow, ...main } = expect;
  const verdicts = [main, ...(allow ?? []).map((a) => ({ ...main, ...a }))].map((o) => judge(o, ctx));
  return verdicts.find((v) => v.pass) ?? verdicts.reduce((a, b) => (b.problems.length < a.problems.length ? b : a));
}
