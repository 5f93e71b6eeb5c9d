// One-shot migration runner (Kubernetes Job, CI): applies pending migrations and exits.
import { ConfigError, loadConfig } from "./config";
import { createLogger, openDatabase } from "./server";

try {
  const config = loadConfig();
  const logger = createLogger(config, "migrate");
  const database = await openDatabase(config);
  await database.migrate();
  logger.info({ database: database.kind }, "migrations applied");
  await database.close();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
