// Operations endpoints: /, /health (liveness, no I/O), /ready (database reachable and migrated, answered within
// READY_DEADLINE_MS however the database behaves; 503 while shutting down), /metrics (token or loopback only).
import { timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../http/context";
import { errorResponse } from "../http/errors";
import type { Metrics } from "../http/observability";

const Status = z.object({ status: z.string() });

/** A frozen database must not hold /ready: probes time out at 1–2 s, and a late answer is as bad as none. */
export const READY_DEADLINE_MS = 1_500;

/** Readiness that the shutdown sequence turns off first, so a load balancer stops sending new requests. */
export interface Readiness {
  draining: boolean;
}

async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** /metrics: with METRICS_TOKEN, the bearer token; without, only this machine (or an in-process request). */
function mayReadMetrics(c: Context, token: string | undefined): boolean {
  if (token) {
    const sent = Buffer.from(c.req.header("authorization") ?? "");
    const wanted = Buffer.from(`Bearer ${token}`);
    return sent.length === wanted.length && timingSafeEqual(sent, wanted);
  }
  try {
    return LOOPBACK.test(getConnInfo(c).remote.address ?? "");
  } catch {
    return true; // in-process request: no network peer at all
  }
}

export function healthRoutes({ config, database }: AppDeps, metrics: Metrics, readiness: Readiness) {
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
      if (readiness.draining) return errorResponse(c, 503, "Shutting down");
      const check = (async () => {
        await database.ping();
        return database.isMigrated();
      })();
      check.catch(() => {}); // may settle after the deadline has answered
      let migrated: boolean | "timeout";
      try {
        migrated = await withinDeadline(check, READY_DEADLINE_MS);
      } catch {
        return errorResponse(c, 503, "Database is unreachable");
      }
      if (migrated === "timeout")
        return errorResponse(c, 503, `Database did not answer within ${READY_DEADLINE_MS} ms`);
      if (!migrated) return errorResponse(c, 503, "Database migrations have not been applied");
      return c.json({ status: "ready" }, 200);
    },
  );

  router.get("/metrics", async (c) => {
    if (!mayReadMetrics(c, config.metricsToken)) {
      c.header("WWW-Authenticate", 'Bearer realm="metrics"');
      return errorResponse(c, 401, "Metrics need Authorization: Bearer <METRICS_TOKEN>");
    }
    c.header("Content-Type", metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });

  return router;
}
