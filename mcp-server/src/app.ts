// The HTTP side of the MCP server: /health, and /mcp guarded by origin check, authentication, body size and
// rate limits, then handed to the SDK's Streamable HTTP transport (stateless, JSON responses) and a tool server for
// the authenticated caller (packages/task-tools).
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { type DatabaseHandle, isConnectionError } from "@todo/core/db/client";
import { createToolServer } from "@todo/task-tools/mcp-server";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "pino";
import { authenticate } from "./auth";
import type { McpConfig } from "./config";
import { RateLimiter } from "./rate-limit";

/** Oversized bodies up to this size are drained so the 413 arrives; larger ones just lose their connection. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

export interface CreateMcpAppOptions {
  config: McpConfig;
  database: DatabaseHandle;
  logger: Logger;
}

function rpcError(c: Context, status: 400 | 401 | 403 | 404 | 413 | 429 | 500 | 503, message: string, code = -32000) {
  return c.json({ jsonrpc: "2.0", error: { code, message }, id: null }, status);
}

export function createMcpApp({ config, database, logger }: CreateMcpAppOptions) {
  const app = new Hono();
  const limiter = new RateLimiter(config.rateLimitPerMinute, 60_000);

  app.get("/health", (c) => c.json({ status: "ok" }));
  app.get("/", (c) => c.json({ name: "todo-app mcp-server", version: config.version, endpoint: "/mcp" }));

  app.use("/mcp", async (c, next) => {
    const start = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        path: "/mcp",
        status: c.res.status,
        user: c.get("userId" as never),
        ms: Math.round(performance.now() - start),
      },
      "request",
    );
  });

  // A body announced as too large is read and thrown away before the 413: answering while the client is still
  // sending makes the kernel reset the connection, and the client sees the reset instead of the answer (issue 11.12).
  // Past DRAIN_LIMIT the connection is cut anyway.
  app.use("/mcp", async (c, next) => {
    const length = Number(c.req.header("content-length") ?? 0);
    if (!(length > config.maxBodyBytes)) return next();
    if (length <= DRAIN_LIMIT && c.req.raw.body) {
      try {
        for await (const _ of c.req.raw.body) {
          // discard
        }
      } catch {
        // the client gave up; nothing to answer
      }
    }
    c.header("Connection", "close");
    return rpcError(c, 413, `Request body is larger than ${config.maxBodyBytes} bytes`);
  });
  app.all(
    "/mcp",
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: (c) => rpcError(c, 413, `Request body is larger than ${config.maxBodyBytes} bytes`),
    }),
    async (c) => {
      const origin = c.req.header("origin");
      if (origin && !config.allowedOrigins.includes(origin)) {
        return rpcError(c, 403, `Origin ${origin} is not allowed (set MCP_ALLOWED_ORIGINS)`);
      }
      const auth = await authenticate(database.db, config.authSecret, c.req.header("authorization"));
      if (!auth.ok) {
        c.header("WWW-Authenticate", auth.challenge);
        return rpcError(c, 401, auth.message);
      }
      const userId = auth.caller.userId;
      c.set("userId" as never, userId as never);
      const retryAfter = limiter.take(userId);
      if (retryAfter > 0) {
        c.header("Retry-After", String(Math.ceil(retryAfter / 1000)));
        return rpcError(c, 429, "Too many requests; slow down");
      }
      const server = createToolServer({ db: database.db, userId, logger }, config.version);
      const transport = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      try {
        await server.connect(transport);
        return await transport.handleRequest(c.req.raw);
      } finally {
        await server.close();
      }
    },
  );

  app.notFound((c) => rpcError(c, 404, `No route for ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    // The database is down or too slow (issue 11.9): a retryable 503, as the REST API answers.
    if (isConnectionError(err)) {
      logger.warn({ err }, "database unreachable");
      c.header("Retry-After", "5");
      return rpcError(c, 503, "The database is unreachable right now; retry in a few seconds");
    }
    logger.error({ err }, "unhandled error");
    return rpcError(c, 500, "Internal error", -32603);
  });
  return app;
}
