// Operations endpoints: /, /health (liveness, no I/O), /ready (database reachable and migrated), /metrics.
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../http/context";
import { errorResponse } from "../http/errors";
import type { Metrics } from "../http/observability";

const Status = z.object({ status: z.string() });

export function healthRoutes({ config, database }: AppDeps, metrics: Metrics) {
  const router = new OpenAPIHono<AppEnv>();

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["operations"],
      summary: "Service name, version and links",
      responses: {
        200: {
          description: "About this service",
          content: {
            "application/json": {
              schema: z.object({ name: z.string(), version: z.string(), links: z.record(z.string(), z.string()) }),
            },
          },
        },
      },
    }),
    (c) =>
      c.json({
        name: "todo-app backend",
        version: config.version,
        links: {
          health: "/health",
          ready: "/ready",
          docs: "/docs",
          openapi: "/openapi.json",
          metrics: "/metrics",
          auth: "/api/auth",
          tasks: "/api/tasks",
        },
      }),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/health",
      tags: ["operations"],
      summary: "Liveness: the process is up (no I/O)",
      responses: { 200: { description: "Alive", content: { "application/json": { schema: Status } } } },
    }),
    (c) => c.json({ status: "ok" }),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/ready",
      tags: ["operations"],
      summary: "Readiness: the database is reachable and migrated",
      responses: {
        200: { description: "Ready", content: { "application/json": { schema: Status } } },
        503: { description: "Database unreachable or not migrated" },
      },
    }),
    async (c) => {
      try {
        await database.ping();
      } catch {
        return errorResponse(c, 503, "Database is unreachable");
      }
      if (!(await database.isMigrated())) return errorResponse(c, 503, "Database migrations have not been applied");
      return c.json({ status: "ready" }, 200);
    },
  );

  router.get("/metrics", async (c) => {
    c.header("Content-Type", metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });

  return router;
}
