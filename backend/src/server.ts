// Wires config, logger, database and app together; shared by the standalone entry and embedded mode.
import { serve } from "@hono/node-server";
import { createDatabase, type DatabaseHandle } from "@todo/core/db/client";
import { closeServer } from "@todo/core/runtime/close-server";
import { loadConfig as loadMcpConfig } from "@todo/mcp-server/config";
import { startMcpServer } from "@todo/mcp-server/serve";
import pino, { type Logger } from "pino";
import { createApp } from "./app";
import type { Config } from "./config";

export function createLogger(config: Pick<Config, "logLevel">, name: string): Logger {
  // Asynchronous, buffered writes: a synchronous write per request line costs more than the request itself.
  return pino(
    { name, level: config.logLevel, redact: ["req.headers.authorization", "req.headers.cookie"] },
    pino.destination({ dest: 1, sync: false }),
  );
}

export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  return createDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax });
}

/**
 * Starts the backend HTTP server. On stop(): stop accepting, let in-flight requests finish (up to the timeout),
 * then the caller closes the database.
 */
export function startBackend(config: Config, database: DatabaseHandle, logger: Logger) {
  const { app } = createApp({ config, database, logger });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  logger.info({ host: config.host, port: config.port, database: database.kind }, "backend listening");
  return {
    app,
    server,
    stop: () => closeServer(server, config.shutdownTimeoutMs),
  };
}

/** Embedded mode: the MCP server in this process, on the same database, configured from the backend's config. */
export async function startEmbeddedMcp(config: Config, database: DatabaseHandle, logger: Logger) {
  const mcpConfig = loadMcpConfig({
    NODE_ENV: config.env,
    HOST: config.host,
    PORT: String(config.embeddedMcpPort),
    DATA_DIR: config.dataDir,
    BETTER_AUTH_SECRET: config.authSecret,
    MCP_ALLOWED_ORIGINS: config.trustedOrigins.join(","),
    LOG_LEVEL: config.logLevel,
  });
  return startMcpServer(mcpConfig, database, logger.child({ service: "mcp-server" }));
}
