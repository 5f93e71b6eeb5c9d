// Fault suite (issue 19): one Postgres-mode start in an audit exited without ever answering /health. Twenty starts
// in a row — every other one on a brand-new database, so half of them migrate from nothing and half find the schema
// in place — must each answer /ready, serve a request, and stop with exit 0 on SIGTERM. A start that dies or hangs
// fails with its whole output.
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase } from "../../../test/databases";
import { freePort, type RunningProcess, startEntry, waitForHttp } from "../../../test/processes";

const SECRET = "twenty-starts-secret-twenty-starts-secret";
const STARTS = 20;
const databases: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>[] = [];
const started: RunningProcess[] = [];

afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  await Promise.all(started.map((p) => p.exited));
  for (const db of databases) await db.drop();
});

describe("twenty starts in a row on Postgres", () => {
  it("every start answers /ready and stops cleanly", async () => {
    const outcomes: string[] = [];
    let url = "";
    for (let i = 0; i < STARTS; i++) {
      if (i % 2 === 0) {
        const db = await createEmptyPostgresDatabase();
        databases.push(db);
        url = db.url;
      }
      const [port, mcpPort] = [await freePort(), await freePort()];
      const proc = startEntry("backend/src/index.ts", {
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        MCP_PORT: String(mcpPort),
        DATABASE_URL: url,
        MCP_SERVER_URL: `http://127.0.0.1:${mcpPort}`,
        BETTER_AUTH_SECRET: SECRET,
        AUTH_RATE_LIMIT: "off",
        LOG_LEVEL: "info",
      });
      started.push(proc);
      const base = `http://127.0.0.1:${port}`;
      const ready = await Promise.race([
        waitForHttp(`${base}/ready`, 60_000).then(() => "ready"),
        proc.exited.then((code) => `exited with ${code} before /ready`),
      ]).catch((error: Error) => `never ready: ${error.message}`);
      expect(ready, `start ${i + 1} of ${STARTS}${i % 2 === 0 ? " (fresh database)" : ""}:\n${proc.output()}`).toBe(
        "ready",
      );
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      const code = await proc.stop(15_000);
      expect(code, `start ${i + 1} did not stop cleanly:\n${proc.output()}`).toBe(0);
      outcomes.push(`${i + 1}: ok`);
    }
    expect(outcomes).toHaveLength(STARTS);
  }, 600_000);
});
