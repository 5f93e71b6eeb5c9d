// Entry point: validates the environment, applies migrations, listens, and shuts down gracefully on SIGTERM.
import { loadConfigOrExit } from "@todo/core/config/env";
import { DataDirInUseError } from "@todo/core/db/data-dir-lock";
import { loadConfig } from "./config";
import { createLogger, openDatabase, startBackend, startEmbeddedMcp, startReminders } from "./server";

const config = loadConfigOrExit(() => loadConfig());

const logger = createLogger(config, "backend");
for (const warning of config.warnings) logger.warn(warning);

/**
 * A start-up that cannot go on says why in one line and exits non-zero, instead of an unhandled rejection or
 * error event whose stack may never reach a log (issue 19: a start that exited without answering /health).
 */
function exitBecause(what: string, error: unknown): Promise<never> {
  const reason = error instanceof Error ? error.message : String(error);
  logger.fatal({ err: error }, `${what}: ${reason}`);
  logger.flush(() => process.exit(1));
  return new Promise<never>(() => {});
}

const database = await openDatabase(config).catch((error: unknown) => {
  // Embedded mode refuses a DATA_DIR another process holds: say so plainly and exit non-zero.
  if (error instanceof DataDirInUseError) return exitBecause("start-up failed", error);
  return exitBecause(
    config.databaseUrl
      ? "start-up failed: cannot open the database at DATABASE_URL"
      : "start-up failed: cannot open the embedded database",
    error,
  );
});
if (config.migrateOnStart) {
  await database
    .migrate()
    .catch((error: unknown) => exitBecause("start-up failed: migrations could not be applied", error));
  logger.info("migrations applied");
}
const backend = startBackend(config, database, logger);
backend.server.once("error", (error: NodeJS.ErrnoException) =>
  exitBecause(
    error.code === "EADDRINUSE"
      ? `start-up failed: ${config.host}:${config.port} is already in use (set PORT)`
      : "start-up failed: cannot listen",
    error,
  ),
);
// Embedded mode: PGlite allows one process, so this process serves the MCP endpoint too.
const mcp = config.embeddedMcpPort ? startEmbeddedMcp(config, config.embeddedMcpPort, database, logger) : undefined;
// Not awaited before the signal handlers exist: pg-boss may take seconds to start (a recovering embedded database),
// while /ready already answers, and a SIGTERM meanwhile must still be a graceful stop, not the default exit.
const reminders = startReminders(config, database, backend.notifier, logger);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  await Promise.all([backend.stop(), mcp?.stop()]);
  await (await reminders).stop();
  await database.close();
  logger.info("stopped");
  logger.flush(() => process.exit(0));
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
