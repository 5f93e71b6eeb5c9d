// End-to-end run: one global stack (backend + MCP + frontend on a fresh data directory), specs one after another.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["e2e/**/*.spec.ts"],
    exclude: ["e2e/artifacts/**", "**/node_modules/**"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 900_000,
    fileParallelism: false,
    pool: "forks",
    maxWorkers: 1,
    reporters: ["default"],
    // The UI answers after the backend does: on a loaded machine that is more than the default second.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
