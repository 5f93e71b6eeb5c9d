// Wires config, logger, database and app together; shared by the standalone entry and embedded mode.

import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createDatabase, type DatabaseHandle } from "@todo/core/db/client";
import type { Notifier } from "@todo/core/reminders/channels";
import { createReminderScheduler } from "@todo/core/reminders/scheduler";
import { closeServer, trackRequests } from "@todo/core/runtime/close-server";
import { logSafeError } from "@todo/core/runtime/log-safe-error";
import { startEmbeddedMcpServer } from "@todo/mcp-server";
import pino, { type Logger } from "pino";
import { createApp } from "./app";
import type { Config } from "./config";

/** Failed queries are logged with their SQL and codes, never their parameters (issue 11.12). */
export const logSerializers = { err: logSafeError };

export function createLogger(config: Pick<Config, "logLevel">, name: string): Logger {
  // Asynchronous, buffered writes: a synchronous write per request line costs more than the request itself.
  return pino(
    {
      name,
      level: config.logLevel,
      redact: ["req.headers.authorization", "req.headers.cookie"],
      serializers: logSerializers,
    },
    pino.destination({ dest: 1, sync: false }),
  );
}

export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  return createDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.dbPoolMax,
    statementTimeoutMs: config.dbStatementTimeoutMs,
  });
}

/**
 * Starts the backend HTTP server. On stop(): /ready answers 503 at once (and for SHUTDOWN_DELAY_MS while still
 * serving, so a load balancer drains), then stop accepting and let in-flight requests finish (up to
 * SHUTDOWN_TIMEOUT_MS); the caller closes the database afterwards.
 */
export function startBackend(config: Config, database: DatabaseHandle, logger: Logger) {
  const readiness = { draining: false };
  const { app, notifier } = createApp({ config, database, logger, readiness });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }) as Server;
  trackRequests(server);
  logger.info({ host: config.host, port: config.port, database: database.kind }, "backend listening");
  return {
    app,
    server,
    notifier,
    async stop() {
      readiness.draining = true;
      if (config.shutdownDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
      await closeServer(server, config.shutdownTimeoutMs);
    },
  };
}

/**
 * The reminder scheduler (pg-boss on the same database; docs/decisions/020-reminder-scheduler.md). Every replica
 * runs one; each reminder still goes out once per channel. A failure to start is logged, the API keeps serving.
 */
export async function startReminders(config: Config, database: DatabaseHandle, notifier: Notifier, logger: Logger) {
  const log = logger.child({ component: "reminders" });
  const scheduler = createReminderScheduler({
    handle: database,
    databaseUrl: config.databaseUrl,
    notifier,
    logger: { info: (o, m) => log.info(o, m), warn: (o, m) => log.warn(o, m), error: (o, m) => log.error(o, m) },
  });
  try {
    await scheduler.start();
  } catch (error) {
    log.error({ err: error }, "reminder scheduler could not start; reminders are not sent");
  }
  return scheduler;
}

/**
 * Embedded mode: the MCP endpoint for outside clients (API keys) served by this process, on the same database,
 * through the MCP server's public entry. The agent itself does not use it: it calls the tools in-process.
 */
export function startEmbeddedMcp(config: Config, port: number, database: DatabaseHandle, logger: Logger) {
  return startEmbeddedMcpServer(
    {
      env: config.env,
      host: config.host,
      port,
      dataDir: config.dataDir,
      authSecret: config.authSecret,
      allowedOrigins: config.trustedOrigins,
      logLevel: config.logLevel,
      publicUrl: config.mcpPublicUrl,
      authUrl: config.authUrl,
    },
    database,
    logger.child({ service: "mcp-server" }),
  );
}
