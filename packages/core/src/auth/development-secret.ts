// Development only: an auth secret generated once and kept in DATA_DIR, so sessions and agent tokens survive
// restarts and the backend and MCP server (same DATA_DIR) agree on it without configuration.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function developmentSecret(dataDir: string): { secret: string; file: string } {
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) return { secret: readFileSync(file, "utf8").trim(), file };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return { secret, file };
}
