// The real entry point as a process: environment validation, start-up migrations and graceful shutdown.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase } from "../../test/databases";
import { freePort, startEntry, waitForHttp } from "../../test/processes";

describe("backend process", () => {
  it("prints every invalid variable at once and exits 1", async () => {
    const proc = startEntry("backend/src/index.ts", {
      NODE_ENV: "production",
      PORT: "not-a-port",
      DATABASE_URL: "mysql://nope",
      LOG_LEVEL: "loud",
      BETTER_AUTH_SECRET: "",
    });
    expect(await proc.exited).toBe(1);
    const out = proc.output();
    for (const name of ["PORT", "DATABASE_URL", "LOG_LEVEL", "BETTER_AUTH_SECRET"]) expect(out).toContain(name);
  });

  describe("on a fresh Postgres database", () => {
    let db: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>;
    let port: number;
    beforeAll(async () => {
      db = await createEmptyPostgresDatabase();
      port = await freePort();
    });
    afterAll(() => db.drop());

    it("migrates at start-up, then on SIGTERM finishes the request in flight and exits 0", async () => {
      const proc = startEntry("backend/src/index.ts", {
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: db.url,
        BETTER_AUTH_SECRET: "a-production-secret-that-is-long-enough",
        LOG_LEVEL: "info",
      });
      const base = `http://127.0.0.1:${port}`;
      await waitForHttp(`${base}/ready`);
      const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Shut", email: "shut@example.test", password: "correct horse 1" }),
      });
      const token = signUp.headers.get("set-auth-token");
      expect(token).toBeTruthy();

      // A request whose body is still arriving when SIGTERM lands.
      const body = JSON.stringify({ title: "Written during shutdown" });
      const response = new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1");
        let data = "";
        socket.on("data", (d) => (data += d));
        socket.on("end", () => resolve(data));
        socket.on("error", reject);
        socket.write(
          `POST /api/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
        );
        setTimeout(() => proc.child.kill("SIGTERM"), 300);
        setTimeout(() => socket.write(body.slice(5)), 800);
      });
      const raw = await response;
      expect(raw).toMatch(/^HTTP\/1.1 201/);
      expect(raw).toContain("Written during shutdown");
      expect(await proc.exited).toBe(0);
      expect(proc.output()).toContain("shutting down");
      // New connections are refused once it has stopped.
      await expect(fetch(`${base}/health`)).rejects.toThrow();
    });
  });
});
