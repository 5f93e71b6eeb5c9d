// npm run eval:assistant: the held-out assistant cases (test/heldout/assistant) through the real stack — backend app
// and MCP server on a fresh database, one user and one conversation per case — judged only by what the REST API
// shows before and after each turn. Prints per-case results and the scores, and writes a JSON report.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { createTestStack } from "../test/backend";
import { cases as allCases } from "../test/heldout/assistant/cases";
import { type CaseResult, runCase } from "../test/heldout/assistant/run-case";
import { Case } from "../test/heldout/assistant/schema";
import { ROOT } from "../test/processes";

const program = new Command()
  .name("eval-assistant")
  .argument("[report]", "where to write the JSON report", join(ROOT, "test/heldout/assistant/last-report.json"))
  .option("--postgres", "run on a fresh database on the machine's Postgres instead of PGlite")
  .option("--only <ids>", "comma-separated case ids")
  .option("--area <area>", "only the cases of one area")
  .option("-v, --verbose", "print every turn, not only the failing ones")
  .parse();

const opts = program.opts<{ postgres?: boolean; only?: string; area?: string; verbose?: boolean }>();
const reportPath = resolve(program.args[0] ?? join(ROOT, "test/heldout/assistant/last-report.json"));

function loadCases(): Case[] {
  const problems: string[] = [];
  const parsed = allCases.map((raw, i) => {
    const r = Case.safeParse(raw);
    if (!r.success) problems.push(`case ${raw.id ?? i}: ${z.prettifyError(r.error)}`);
    return r.data as Case;
  });
  const ids = allCases.map((c) => c.id);
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length) problems.push(`duplicate ids: ${dup.join(", ")}`);
  if (problems.length) throw new Error(`invalid cases:\n${problems.join("\n")}`);
  const only = opts.only ? new Set(opts.only.split(",")) : null;
  return parsed.filter((c) => (!only || only.has(c.id)) && (!opts.area || c.area === opts.area));
}

/** The provider under test comes from the environment, as in production: unset → the builtin model. */
function providerEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ["OPENAI_API_KEY", "OPENAI_MODEL", "OPENAI_BASE_URL"]) {
    const value = process.env[key];
    if (value) env[key] = value;
  }
  return env;
}

const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\n/g, " ⏎ ");

function printCase(r: CaseResult) {
  const mark = { pass: "PASS", fail: "FAIL", unsupported: "UNSUP", error: "ERROR" }[r.status];
  console.log(`${mark.padEnd(5)} ${r.id} [${r.area}${r.needs ? `, needs ${r.needs}` : ""}] ${r.reason ?? ""}`);
  for (const [i, t] of r.turns.entries()) {
    if (t.pass && !opts.verbose) continue;
    console.log(`      turn ${i + 1}: ${JSON.stringify(t.say)}`);
    console.log(`        reply: ${clip(t.reply)}${t.tools.length ? `  [tools: ${t.tools.join(", ")}]` : ""}`);
    for (const p of t.problems) console.log(`        - ${p}`);
  }
}

function summarise(results: CaseResult[]) {
  const score = (list: CaseResult[]) => ({ total: list.length, pass: list.filter((r) => r.status === "pass").length });
  const singles = score(results.filter((r) => r.kind === "single"));
  const multis = score(results.filter((r) => r.kind === "multi"));
  const withoutProjects = score(results.filter((r) => !r.needs));
  const areas: Record<string, { total: number; pass: number }> = {};
  for (const r of results) {
    const a = areas[r.area] ?? { total: 0, pass: 0 };
    areas[r.area] = a;
    a.total++;
    if (r.status === "pass") a.pass++;
  }
  return {
    single: { ...singles, accuracy: singles.total ? singles.pass / singles.total : null },
    conversation: { ...multis, accuracy: multis.total ? multis.pass / multis.total : null },
    without_projects: {
      ...withoutProjects,
      accuracy: withoutProjects.total ? withoutProjects.pass / withoutProjects.total : null,
    },
    junk_tasks: results.reduce((n, r) => n + r.junk, 0),
    unrequested_changes: results.reduce((n, r) => n + r.unrequested, 0),
    unsupported: results.filter((r) => r.status === "unsupported").length,
    errors: results.filter((r) => r.status === "error").length,
    areas,
  };
}

async function main() {
  const cases = loadCases();
  const kind = opts.postgres ? "postgres" : "pglite";
  const env = providerEnv();
  console.log(
    `${cases.length} cases on ${kind}, provider ${env.OPENAI_API_KEY ? `openai-compatible (${env.OPENAI_MODEL ?? "default model"})` : "builtin"}`,
  );
  const stack = await createTestStack(kind, env);
  const results: CaseResult[] = [];
  const started = Date.now();
  try {
    for (const c of cases) {
      const r = await runCase(stack.request, c);
      results.push(r);
      printCase(r);
    }
  } finally {
    await stack.close();
  }
  const summary = summarise(results);
  console.log("\nby area:");
  for (const [area, s] of Object.entries(summary.areas)) console.log(`  ${area.padEnd(18)} ${s.pass}/${s.total}`);
  console.log(`
single-command accuracy: ${summary.single.pass}/${summary.single.total} (${pct(summary.single.pass, summary.single.total)})
conversation accuracy:   ${summary.conversation.pass}/${summary.conversation.total} (${pct(summary.conversation.pass, summary.conversation.total)})
without needs:projects:  ${summary.without_projects.pass}/${summary.without_projects.total} (${pct(summary.without_projects.pass, summary.without_projects.total)})
junk tasks created:      ${summary.junk_tasks}
unrequested changes:     ${summary.unrequested_changes}
unsupported / errors:    ${summary.unsupported} / ${summary.errors}
time:                    ${((Date.now() - started) / 1000).toFixed(1)} s`);
  mkdirSync(dirname(reportPath), { recursive: true });
  const report = {
    ran_at: new Date().toISOString(),
    database: kind,
    provider: env.OPENAI_API_KEY ? "openai" : "builtin",
    summary,
    results,
  };
  writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`report: ${reportPath}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
