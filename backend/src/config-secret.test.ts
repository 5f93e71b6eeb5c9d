// Design section 16: in production the auth secret is mandatory on Postgres; embedded (no DATABASE_URL, the
// one-container image) generates one once into DATA_DIR, keeps it across starts, and warns.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("BETTER_AUTH_SECRET in production", () => {
  it("is generated once into DATA_DIR in embedded mode, with a warning, and reused", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "todo-secret-"));
    const first = loadConfig({ NODE_ENV: "production", DATA_DIR: dataDir });
    const file = join(dataDir, "auth-secret");
    expect(first.authSecret).toBe(readFileSync(file, "utf8").trim());
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o077).toBe(0); // readable by the owner only
    expect(first.warnings.join("\n")).toMatch(/BETTER_AUTH_SECRET is not set.*auth-secret/);
    expect(loadConfig({ NODE_ENV: "production", DATA_DIR: dataDir }).authSecret).toBe(first.authSecret);
  });

  it("stays mandatory with DATABASE_URL", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "todo-secret-"));
    const load = () =>
      loadConfig({ NODE_ENV: "production", DATA_DIR: dataDir, DATABASE_URL: "postgres://todo@127.0.0.1:5432/todo" });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/BETTER_AUTH_SECRET: is required when NODE_ENV=production with DATABASE_URL/);
  });
});
