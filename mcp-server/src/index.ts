// Standalone entry of the MCP server (with DATABASE_URL; in embedded mode the backend process serves MCP).
import { loadConfigOrExit } from "@todo/core/config/env";
import { createDatabase } from "@todo/core/db/client";
import pino from "pino";
import { loadConfig } from "./config";
import { startMcpServer } from "./serve";

const config = loadConfigOrExit(() => loadConfig());

const logger = pino({ name: "mcp-server", level: config.logLevel });
for (const warning of config.warnings) logger.warn(warning);
if (!config.databaseUrl) {
  logger.warn("no DATABASE_URL: using the embedded database; run it through `npm start` to share it with the backend");
}
const database = await createDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax });
const mcp = startMcpServer(config, database, logger);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  await mcp.stop();
  await database.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
