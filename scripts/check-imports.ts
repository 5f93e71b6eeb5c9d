// The import rules that keep the layout's shape (docs/decisions/010-test-layout.md), run by `npm run lint`:
//   1. a frontend feature (frontend/src/features/<name>) never imports another feature;
//   2. packages/contract imports nothing of ours (no @todo/* package, no file outside the package);
//   3. packages/core never imports @todo/assistant, @todo/task-tools, @todo/backend or @todo/mcp-server, nor
//      their files by a relative path.
// Imports are read with the TypeScript compiler's preProcessFile (static, re-export, dynamic import, require),
// relative paths resolved against the file. `tsx scripts/check-imports.ts [root]` prints each violation and exits 1.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs)$/;
const SKIP = new Set(["node_modules", "dist", ".next", "artifacts"]);

function sourceFiles(root: string, folder: string): string[] {
  const start = join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(start, { recursive: true, encoding: "utf8" });
  } catch {
    return []; // the folder does not exist (a fixture without it)
  }
  return entries
    .filter((entry) => SOURCE.test(entry) && !entry.split(sep).some((part) => SKIP.has(part)))
    .map((entry) => join(folder, entry).split(sep).join("/"));
}

function importsOf(root: string, file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), "utf8"), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** The repository path a specifier points into: relative paths resolved, "@/x" as frontend/src/x; else undefined. */
function target(root: string, file: string, specifier: string): string | undefined {
  if (specifier.startsWith("./") || specifier.startsWith("../")) {
    return relative(root, resolve(root, dirname(file), specifier))
      .split(sep)
      .join("/");
  }
  if (specifier.startsWith("@/") && file.startsWith("frontend/")) return `frontend/src/${specifier.slice(2)}`;
  return undefined;
}

const FORBIDDEN_IN_CORE: [string, string][] = [
  ["@todo/assistant", "packages/assistant/"],
  ["@todo/task-tools", "packages/task-tools/"],
  ["@todo/backend", "backend/"],
  ["@todo/mcp-server", "mcp-server/"],
];

const isPackage = (specifier: string, name: string) => specifier === name || specifier.startsWith(`${name}/`);

export function checkImports(root: string): Violation[] {
  const violations: Violation[] = [];

  for (const file of sourceFiles(root, "frontend/src/features")) {
    const feature = file.split("/")[3];
    for (const specifier of importsOf(root, file)) {
      const other = target(root, file, specifier)?.match(/^frontend\/src\/features\/([^/]+)/)?.[1];
      if (other && other !== feature) {
        violations.push({ file, specifier, rule: `frontend feature "${feature}" imports feature "${other}"` });
      }
    }
  }

  for (const file of sourceFiles(root, "packages/contract")) {
    for (const specifier of importsOf(root, file)) {
      const path = target(root, file, specifier);
      if (specifier.startsWith("@todo/") || (path !== undefined && !path.startsWith("packages/contract/"))) {
        violations.push({ file, specifier, rule: "packages/contract imports nothing of ours" });
      }
    }
  }

  for (const file of sourceFiles(root, "packages/core")) {
    for (const specifier of importsOf(root, file)) {
      const path = target(root, file, specifier);
      const hit = FORBIDDEN_IN_CORE.find(([name, folder]) => isPackage(specifier, name) || path?.startsWith(folder));
      if (hit) violations.push({ file, specifier, rule: `packages/core never imports ${hit[0]}` });
    }
  }

  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(process.argv[2] ?? join(import.meta.dirname, ".."));
  const violations = checkImports(root);
  for (const v of violations) console.error(`${v.file}: imports "${v.specifier}": ${v.rule}`);
  if (violations.length > 0) {
    console.error(`check-imports: ${violations.length} violation(s)`);
    process.exit(1);
  }
  console.log("check-imports: frontend features, packages/contract and packages/core keep their import rules");
}
