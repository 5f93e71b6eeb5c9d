// Container acceptance, one container with no flags (issue 18, design section 16): the backend image alone is a
// working server. The checks live in one-container.ts (also runnable alone) and build on each other, so they run
// once, in order, and each becomes a test here with its outcome.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { log, TAG } from "./harness";
import { built } from "./images";
import { oneContainerChecks } from "./one-container";

const { preparation } = inject("containers");
const NAMES = [
  "one container: embedded server with a /data volume, no other flags",
  "one container: the task and the session survive docker restart (secret kept in /data)",
  "one container: docker run -e MCP_SERVER_URL=http://mcp-server:8080 todo-backend, then /health",
  "one container: with DATABASE_URL, BETTER_AUTH_SECRET stays mandatory",
];

describe("the backend image alone", () => {
  const outcomes = new Map<string, string>();
  const backend = preparation.reports.find((r) => r.service === "backend");

  beforeAll(async () => {
    if (!backend || !built(backend)) return;
    await oneContainerChecks(`todo-backend:${TAG}`, async (name, fn) => {
      try {
        const detail = await fn();
        log(`  ✓ ${name}${detail ? ` — ${detail}` : ""}`);
        outcomes.set(name, "");
        return true;
      } catch (error) {
        log(`  ✗ ${name} — ${(error as Error).message}`);
        outcomes.set(name, (error as Error).message);
        return false;
      }
    });
  }, 900_000);

  it.each(NAMES)("%s", (name) => {
    expect(backend && built(backend) ? "" : "the backend image did not build").toBe("");
    expect(outcomes.get(name) ?? "not run").toBe("");
  });
});
