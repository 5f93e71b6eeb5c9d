// Runs only the Kubernetes manifest tests (`npm run test:k8s`): they need kubectl, not the app's test setup.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["deploy/k8s/**/*.test.ts"],
    // Rendering shells out to kubectl and the unknown-field pass runs the TypeScript compiler.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
