import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { defineConfig } from "vitest/config";

// Three projects over the tests beside the code (docs/decisions/010-test-layout.md):
//   unit                  pure tests: no database, no process, no socket. `npm run test:unit`, seconds.
//   integration           everything else, on PGlite (TEST_DATABASES=pglite).
//   integration-postgres  the files that run per database kind (`databaseKinds`) or need Postgres itself,
//                         on the machine's Postgres (TEST_DATABASES=postgres).
// A file is sorted by what it imports, so a new test lands in the right project without being listed here.
// End-to-end (e2e/), Kubernetes (deploy/k8s) and container (scripts/containers) suites have their own configs.

const ROOT = import.meta.dirname;
const FOLDERS = ["packages", "backend", "mcp-server", "scripts", "frontend/src/lib"];

/** Imports that make a test an integration test: the test harness, a database, a process or the network. */
const IMPURE =
  /from "[^"]*\/test\/(databases|backend|processes|mcp|private-postgres|tcp-proxy|probe|fake-openai|users|net)"|from "node:(child_process|net|http|https|dgram)"|from "(pg|@electric-sql\/pglite[^"]*|@todo\/core\/db\/client)"/;
/** What makes an integration test worth running on Postgres as well. */
const POSTGRES = /\bdatabaseKinds\b|\bcreateEmptyPostgresDatabase\b|\/test\/private-postgres"/;
/** Files that only ever talk to Postgres: the PGlite run has nothing to do in them. */
const POSTGRES_ONLY = (source: string) => POSTGRES.test(source) && !/\bdatabaseKinds\b|"pglite"/.test(source);

function testFiles(): { file: string; source: string }[] {
  const found: { file: string; source: string }[] = [];
  for (const folder of FOLDERS) {
    for (const entry of readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })) {
      if (!entry.endsWith(".test.ts") || /(^|\/)(node_modules|dist|\.next|containers)\//.test(entry)) continue;
      const file = relative(ROOT, join(ROOT, folder, entry));
      found.push({ file, source: readFileSync(join(ROOT, file), "utf8") });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

const files = testFiles();
const unit = files.filter((f) => !IMPURE.test(f.source)).map((f) => f.file);
const integration = files.filter((f) => IMPURE.test(f.source) && !POSTGRES_ONLY(f.source)).map((f) => f.file);
const postgres = files.filter((f) => IMPURE.test(f.source) && POSTGRES.test(f.source)).map((f) => f.file);

export default defineConfig({
  test: {
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: unit, env: { TEST_DATABASES: "" } } },
      { extends: true, test: { name: "integration", include: integration, env: { TEST_DATABASES: "pglite" } } },
      {
        extends: true,
        test: { name: "integration-postgres", include: postgres, env: { TEST_DATABASES: "postgres" } },
      },
    ],
  },
});
