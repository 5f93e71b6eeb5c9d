// Request logging (pino, one JSON line per request with its id) and Prometheus metrics.
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { Logger } from "pino";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { AppEnv } from "./context";

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration in seconds",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  return { registry, duration, requests };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function observe(logger: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    const requestId = c.get("requestId");
    // The shared logger, not a per-request child: error logs carry req_id themselves, and a child per request
    // is measurable on the hot path.
    c.set("logger", logger);
    await next();
    const ms = performance.now() - start;
    const route = routePath(c) || "unmatched";
    const labels = { method: c.req.method, route, status: String(c.res.status) };
    metrics.duration.observe(labels, ms / 1000);
    metrics.requests.inc(labels);
    logger.info(
      { req_id: requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(ms * 10) / 10 },
      "request",
    );
  };
}
