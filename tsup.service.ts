// The one tsup configuration of the Node services (backend, mcp-server); each service's tsup.config.ts names
// its entry points.
//
// Default build (npm start, tests): bundles the workspace's own code (@todo/*); npm dependencies stay external
// and are loaded from node_modules.
// TODO_BUNDLE=standalone (set by the services' Dockerfiles): inlines every npm dependency too, so an image needs no
// node_modules, only the files read from disk at run time (SQL migrations, Swagger UI assets; see
// docs/decisions/006-container-images.md). PGlite is replaced by a stub (the MCP image runs on Postgres only),
// except where a service asks for it (the backend image's embedded mode: docs/decisions/018-first-run.md).
import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const core = JSON.parse(readFileSync(new URL("./packages/core/package.json", import.meta.url), "utf8"));

const postgresOnly: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "postgres-only",
  setup(build) {
    build.onResolve({ filter: /^@electric-sql\/pglite(\/.*)?$/ }, (args) => ({
      path: args.path,
      namespace: "postgres-only",
    }));
    build.onLoad({ filter: /.*/, namespace: "postgres-only" }, () => ({
      contents: 'throw new Error("This build has no embedded database (PGlite): set DATABASE_URL to a Postgres URL.");',
      loader: "js",
    }));
  },
};

/**
 * `embedded`: the standalone bundle keeps PGlite as a real dependency (left external, copied beside the bundle by
 * the Dockerfile) instead of the stub, so the image can run without DATABASE_URL (design section 16).
 */
export function defineServiceConfig(entry: string[], options: { embedded?: boolean } = {}) {
  // biome-ignore lint/style/noProcessEnv: a build-time switch for the bundler, not application configuration
  const standalone = process.env.TODO_BUNDLE === "standalone";
  return defineConfig({
    entry,
    format: ["esm"],
    platform: "node",
    target: "node20",
    outDir: "dist",
    clean: true,
    ...(standalone
      ? {
          sourcemap: false,
          // Everything but pg's optional native binding, which pg only tries inside a try/catch.
          noExternal: options.embedded ? [/^(?!pg-native$|@electric-sql\/pglite(\/|$))/] : [/^(?!pg-native$)/],
          external: options.embedded ? ["pg-native", /^@electric-sql\/pglite(\/|$)/] : ["pg-native"],
          esbuildPlugins: options.embedded ? [] : [postgresOnly],
          // CommonJS dependencies call require() for Node's built-in modules.
          banner: {
            js: 'import { createRequire as __todoCreateRequire } from "node:module"; const require = __todoCreateRequire(import.meta.url);',
          },
        }
      : {
          sourcemap: true,
          noExternal: [/^@todo\//],
          external: Object.keys(core.dependencies ?? {}),
        }),
  });
}
