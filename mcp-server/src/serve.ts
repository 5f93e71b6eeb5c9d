// Starts the MCP HTTP server; used by the standalone entry and by the backend in embedded mode.
import { serve } from "@hono/node-server";
import type { DatabaseHandle } from "@todo/core/db/client";
import { closeServer } from "@todo/core/runtime/close-server";
import type { Logger } from "pino";
import { createMcpApp } from "./app";
import type { McpConfig } from "./config";

export function startMcpServer(config: McpConfig, database: DatabaseHandle, logger: Logger) {
  const app = createMcpApp({ config, database, logger });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  logger.info({ host: config.host, port: config.port, database: database.kind }, "mcp-server listening on /mcp");
  return {
    server,
    stop: () => closeServer(server, 10_000),
  };
}
