// The HTTP side of the MCP server: /health, and POST /mcp guarded by origin check, authentication, body size and
// rate limits, then served statelessly for the authenticated caller (packages/task-tools): 2025-era requests
// (2025-06-18, 2025-11-25 and older) by the SDK v1 Streamable HTTP transport with JSON responses, 2026-07-28
// requests (per-request envelope, server/discover) by the SDK v2 handler. GET and DELETE /mcp answer 405: there is
// no session and no server-to-client stream, so clients must not keep a GET stream open (issue 16).
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { createMcpHandler, isLegacyRequest } from "@modelcontextprotocol/server";
import { OAUTH_SCOPES } from "@todo/contract/oauth";
import { type DatabaseHandle, isConnectionError } from "@todo/core/db/client";
import { RateLimiter } from "@todo/core/runtime/rate-limit";
import { createModernToolServer, createToolServer } from "@todo/task-tools/mcp-server";
import type { ToolContext } from "@todo/task-tools/tool";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "pino";
import { authenticate, resourceMetadataUrl } from "./auth";
import type { McpConfig } from "./config";

/** Oversized bodies up to this size are drained so the 413 arrives; larger ones just lose their connection. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

export interface CreateMcpAppOptions {
  config: McpConfig;
  database: DatabaseHandle;
  logger: Logger;
}

function rpcError(
  c: Context,
  status: 400 | 401 | 403 | 404 | 405 | 413 | 429 | 500 | 503,
  message: string,
  code = -32000,
) {
  return c.json({ jsonrpc: "2.0", error: { code, message }, id: null }, status);
}

/** How many `tools/call` messages a JSON-RPC body holds (a batch counts each); a body that is not JSON counts one. */
export function toolCallCount(body: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 1;
  }
  const messages = Array.isArray(parsed) ? parsed : [parsed];
  return messages.filter(
    (m) => typeof m === "object" && m !== null && (m as { method?: unknown }).method === "tools/call",
  ).length;
}

/**
 * What the activity log records for a call: the backend's agent token is the builtin assistant acting for its user,
 * any other credential an MCP client.
 */
function viaOf(credential: string | undefined): ToolContext["via"] {
  return credential === "agent_token" ? "assistant" : "mcp";
}

export function createMcpApp({ config, database, logger }: CreateMcpAppOptions) {
  const app = new Hono();
  const limiter = new RateLimiter(database.db, "mcp-tool-calls", config.rateLimitPerMinute, 60_000);
  // The 2026-07-28 leg: one handler, a fresh server per request for the user the credential names.
  const modern = createMcpHandler(
    ({ authInfo }) =>
      createModernToolServer(
        { db: database.db, userId: String(authInfo?.extra?.userId), logger, via: viaOf(authInfo?.clientId) },
        config.version,
      ),
    {
      legacy: "reject",
      maxRequestBodySize: config.maxBodyBytes,
      onerror: (err) => logger.debug({ err }, "mcp request rejected"),
    },
  );

  app.get("/health", (c) => c.json({ status: "ok" }));
  // RFC 9728: where an OAuth client learns which authorization server issues tokens for this endpoint. Served at
  // the root and path-suffixed (/.well-known/oauth-protected-resource/mcp, the address every 401 names); public,
  // so browser-based clients may read it.
  const resourceMetadata = {
    resource: config.publicUrl,
    authorization_servers: [config.oauthIssuer],
    scopes_supported: [...OAUTH_SCOPES],
    bearer_methods_supported: ["header"],
    resource_name: "todo-app",
  };
  const metadataPath = new URL(resourceMetadataUrl(config.publicUrl)).pathname;
  for (const path of new Set(["/.well-known/oauth-protected-resource", metadataPath])) {
    app.get(path, (c) => {
      c.header("Access-Control-Allow-Origin", "*");
      c.header("Cache-Control", "public, max-age=300");
      return c.json(resourceMetadata);
    });
  }
  const authSettings = { secret: config.authSecret, resource: config.publicUrl, issuer: config.oauthIssuer };
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
  // Stateless: no GET event stream and no session to delete (without this, SDK clients reconnect a GET stream about
  // once a second and run into the rate limit).
  app.on(["GET", "DELETE"], "/mcp", (c) => {
    c.header("Allow", "POST");
    return rpcError(c, 405, `Method ${c.req.method} is not allowed on /mcp; send JSON-RPC with POST`);
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
      const auth = await authenticate(database.db, authSettings, c.req.header("authorization"));
      if (!auth.ok) {
        c.header("WWW-Authenticate", auth.challenge);
        return rpcError(c, 401, auth.message);
      }
      const userId = auth.caller.userId;
      c.set("userId" as never, userId as never);
      // The limit counts tool calls, not protocol requests: a client's initialize, tools/list and notifications
      // are free (issue 19).
      // The backend's own assistant (agent tokens) is not an external client: its turns are limited by the chat
      // route (CHAT_RATE_LIMIT_PER_MINUTE), so a busy MCP client cannot starve the in-app assistant, nor it them.
      const retryAfter =
        auth.caller.via === "agent_token"
          ? 0
          : await limiter.take(userId, toolCallCount(await c.req.raw.clone().text()));
      if (retryAfter > 0) {
        c.header("Retry-After", String(Math.ceil(retryAfter / 1000)));
        return rpcError(c, 429, "Too many requests; slow down");
      }
      if (!(await isLegacyRequest(c.req.raw, undefined, { maxRequestBodySize: config.maxBodyBytes }))) {
        return modern.fetch(c.req.raw, {
          authInfo: { token: "", clientId: auth.caller.clientId ?? auth.caller.via, scopes: [], extra: { userId } },
        });
      }
      const server = createToolServer({ db: database.db, userId, logger, via: viaOf(auth.caller.via) }, config.version);
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
