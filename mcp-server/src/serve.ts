// The MCP server's public entry (the package's main export): starts the MCP HTTP server, for the standalone entry
// and for the backend in embedded mode, which must not reach into this package's other files.
import { serve } from "@hono/node-server";
import type { DatabaseHandle } from "@todo/core/db/client";
import { closeServer } from "@todo/core/runtime/close-server";
import type { Logger } from "pino";
import { createMcpApp } from "./app";
import { loadConfig, type McpConfig } from "./config";

export function startMcpServer(config: McpConfig, database: DatabaseHandle, logger: Logger) {
  const app = createMcpApp({ config, database, logger });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  logger.info({ host: config.host, port: config.port, database: database.kind }, "mcp-server listening on /mcp");
  return {
    server,
    stop: () => closeServer(server, 10_000),
  };
}

/** What the embedding process decides; every other setting keeps the MCP server's own default. */
export interface EmbeddedMcpOptions {
  env: McpConfig["env"];
  host: string;
  port: number;
  dataDir: string;
  authSecret: string;
  allowedOrigins: string[];
  logLevel: McpConfig["logLevel"];
  /** The endpoint's public URL (OAuth resource) and the backend's public base URL (OAuth issuer). */
  publicUrl?: string;
  authUrl?: string;
}

/** Embedded mode: the MCP endpoint served by another service's process, on that process's database. */
export function startEmbeddedMcpServer(options: EmbeddedMcpOptions, database: DatabaseHandle, logger: Logger) {
  const config = loadConfig({
    NODE_ENV: options.env,
    HOST: options.host,
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    BETTER_AUTH_SECRET: options.authSecret,
    MCP_ALLOWED_ORIGINS: options.allowedOrigins.join(","),
    LOG_LEVEL: options.logLevel,
    MCP_PUBLIC_URL: options.publicUrl,
    BETTER_AUTH_URL: options.authUrl,
  });
  return startMcpServer(config, database, logger);
}
