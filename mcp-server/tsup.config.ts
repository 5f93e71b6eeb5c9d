import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// Bundles the workspace's own code (@todo/core included); npm dependencies, the core's too, stay external.
const core = JSON.parse(readFileSync(new URL("../packages/core/package.json", import.meta.url), "utf8"));

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  noExternal: [/^@todo\//],
  external: Object.keys(core.dependencies ?? {}),
});
