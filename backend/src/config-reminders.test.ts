// Reminder settings of the environment (design section 13): VAPID keys as a validated pair, or generated once and
// kept in DATA_DIR.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import webpush from "web-push";
import { ConfigError, loadConfig } from "./config";

const base = () => ({
  NODE_ENV: "test",
  BETTER_AUTH_SECRET: "config-test-secret-config-test-secret-0123",
  DATA_DIR: mkdtempSync(join(tmpdir(), "todo-vapid-")),
});

describe("VAPID configuration", () => {
  it("takes a key pair and subject from the environment", () => {
    const keys = webpush.generateVAPIDKeys();
    const config = loadConfig({
      ...base(),
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      VAPID_SUBJECT: "mailto:ops@example.com",
    });
    expect(config.vapid).toEqual({ ...keys, subject: "mailto:ops@example.com" });
    expect(config.warnings.join()).not.toContain("VAPID");
  });

  it("generates keys once into DATA_DIR and keeps them across restarts", () => {
    const env = base();
    const first = loadConfig(env);
    expect(existsSync(join(env.DATA_DIR, "vapid-keys.json"))).toBe(true);
    expect(first.warnings.join()).toContain("VAPID_PUBLIC_KEY");
    expect(first.vapid.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(loadConfig(env).vapid).toEqual(first.vapid);
  });

  it("refuses half a pair, malformed keys and a bad subject, naming each variable", () => {
    const keys = webpush.generateVAPIDKeys();
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base(), ...env });
        return "";
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
    };
    expect(problems({ VAPID_PUBLIC_KEY: keys.publicKey })).toContain("VAPID_PRIVATE_KEY");
    expect(problems({ VAPID_PUBLIC_KEY: "short", VAPID_PRIVATE_KEY: keys.privateKey })).toContain("VAPID_PUBLIC_KEY");
    expect(problems({ VAPID_SUBJECT: "ops@example.com" })).toContain("VAPID_SUBJECT");
  });
});
