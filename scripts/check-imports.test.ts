// The import checker on fixtures: a tree that keeps every rule passes, and each kind of violation is reported
// (and only that one), whichever way the import is written.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkImports } from "./check-imports";

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

/** A fixture repository with the given files (path → source). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "check-imports-"));
  roots.push(root);
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  return root;
}

const CLEAN = {
  "packages/contract/src/task.ts": 'import { z } from "zod";\nimport { LIMITS } from "./limits";\n',
  "packages/contract/src/limits.ts": "export const LIMITS = {};\n",
  "packages/core/src/tasks/service.ts":
    'import { Task } from "@todo/contract/task";\nimport { db } from "../db/client";\n',
  "frontend/src/features/tasks/list.tsx":
    'import { Button } from "@/components/ui/button";\nimport { useTasks } from "./use-tasks";\nimport { api } from "../../lib/api";\n',
  "frontend/src/features/chat/panel.tsx": 'import { Task } from "@todo/contract/task";\n',
};

describe("check-imports", () => {
  it("passes a tree that keeps every rule", () => {
    expect(checkImports(tree(CLEAN))).toEqual([]);
  });

  it.each([
    ["an alias", 'import { TaskList } from "@/features/tasks/list";'],
    ["a relative path", 'export { TaskList } from "../tasks/list";'],
    ["a dynamic import", 'const list = await import("@/features/tasks/list");'],
  ])("reports a frontend feature importing another through %s", (_, source) => {
    const violations = checkImports(tree({ ...CLEAN, "frontend/src/features/chat/panel.tsx": source }));
    expect(violations).toEqual([
      expect.objectContaining({
        file: "frontend/src/features/chat/panel.tsx",
        rule: 'frontend feature "chat" imports feature "tasks"',
      }),
    ]);
  });

  it.each([
    ["a workspace package", 'import { LIMITS } from "@todo/core/limits";'],
    ["a file outside the package", 'import { db } from "../../core/src/db/client";'],
  ])("reports packages/contract importing %s", (_, source) => {
    const violations = checkImports(tree({ ...CLEAN, "packages/contract/src/task.ts": source }));
    expect(violations).toEqual([
      expect.objectContaining({
        file: "packages/contract/src/task.ts",
        rule: "packages/contract imports nothing of ours",
      }),
    ]);
  });

  it.each([
    ["@todo/assistant", 'import { planTurn } from "@todo/assistant/planner";'],
    ["@todo/task-tools", 'import { tools } from "@todo/task-tools";'],
    ["@todo/backend", 'import { createApp } from "../../../../backend/src/app";'],
    ["@todo/mcp-server", 'const { serve } = require("@todo/mcp-server/serve");'],
  ])("reports packages/core importing %s", (name, source) => {
    const violations = checkImports(tree({ ...CLEAN, "packages/core/src/tasks/service.ts": source }));
    expect(violations).toEqual([
      expect.objectContaining({
        file: "packages/core/src/tasks/service.ts",
        rule: `packages/core never imports ${name}`,
      }),
    ]);
  });

  it("passes the repository itself", () => {
    expect(checkImports(join(import.meta.dirname, ".."))).toEqual([]);
  });
});
