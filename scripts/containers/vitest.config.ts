// The containers acceptance suite (`npm run test:containers`): global-setup.ts snapshots the working tree, makes sure
// of Docker and the base images and builds the three images once; images.test.ts and stack.test.ts check them, one
// file after the other (they share the Docker engine and the host's ports). Takes minutes; needs root for Docker.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["scripts/containers/*.test.ts"],
    globalSetup: ["scripts/containers/global-setup.ts"],
    // Builds happen in the global setup (up to 15 min each, cold); single checks wait for containers to restart.
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: "forks",
    maxWorkers: 1,
  },
});
