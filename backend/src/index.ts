// Entry point: validates the environment, applies migrations, listens, and shuts down gracefully on SIGTERM.
import { loadConfigOrExit } from "@todo/core/config/env";
import { DataDirInUseError } from "@todo/core/db/data-dir-lock";
import { loadConfig } from "./config";
import { createLogger, openDatabase, startBackend, startEmbeddedMcp } from "./server";

const config = loadConfigOrExit(() => loadConfig());

const logger = createLogger(config, "backend");
for (const warning of config.warnings) logger.warn(warning);

const database = await openDatabase(config).catch((error: unknown) => {
  // Embedded mode refuses a DATA_DIR another process holds: say so plainly and exit non-zero.
  if (error instanceof DataDirInUseError) {
    logger.fatal(error.message);
    logger.flush(() => process.exit(1));
    return new Promise<never>(() => {});
  }
  throw error;
});
if (config.migrateOnStart) {
  await database.migrate();
  logger.info("migrations applied");
}
const backend = startBackend(config, database, logger);
// Embedded mode: PGlite allows one process, so this process serves the MCP endpoint too.
const mcp = config.embeddedMcpPort ? startEmbeddedMcp(config, config.embeddedMcpPort, database, logger) : undefined;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  await Promise.all([backend.stop(), mcp?.stop()]);
  await database.close();
  logger.info("stopped");
  logger.flush(() => process.exit(0));
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
