import { defineConfig } from "vitest/config";

// Unit and integration tests beside the code. End-to-end (e2e/) and Kubernetes (deploy/k8s) suites have
// their own configs and scripts.
export default defineConfig({
  test: {
    include: [
      "packages/**/*.test.ts",
      "backend/**/*.test.ts",
      "mcp-server/**/*.test.ts",
      "scripts/**/*.test.ts",
      "frontend/src/lib/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
