// Issue 11.13: common passwords are refused, and sign-up answers an email that already has an account the same
// way it answers a new one (the decoy session works nowhere; the owner is told; the owner's own password signs in).
import { Writable } from "node:stream";
import { createDatabase, type DatabaseHandle } from "@todo/core/db/client";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend } from "../../../test/backend";
import { MCP_TEST_SECRET } from "../../../test/mcp";
import { createApp } from "../app";
import { loadConfig } from "../config";

describe("common passwords", () => {
  let api: TestBackend;
  beforeAll(async () => {
    api = await createTestBackend("pglite");
  });
  afterAll(() => api.close());

  it("are refused on sign-up with 400 and a code, however they are cased or spaced", async () => {
    for (const password of ["password1", "PassWord1", "iloveyou", "qwerty uiop", "1234567890"]) {
      const res = await api.request("POST", "/api/auth/sign-up/email", {
        body: { name: "Common", email: `common-${password.length}-${Math.random()}@example.test`, password },
      });
      expect(res.status, password).toBe(400);
      expect(res.json.error.code).toBe("password_too_common");
    }
    const fine = await api.request("POST", "/api/auth/sign-up/email", {
      body: { name: "Fine", email: "fine@example.test", password: "correct horse 1" },
    });
    expect(fine.status).toBe(200);
  });
});

describe("sign-up for an email that is already registered", () => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof createApp>["app"];
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createDatabase({ dataDir: "memory://" });
    await database.migrate();
    const config = loadConfig({
      NODE_ENV: "test",
      BETTER_AUTH_SECRET: MCP_TEST_SECRET,
      AUTH_RATE_LIMIT: "off",
      LOG_LEVEL: "info",
    });
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    ({ app } = createApp({ config, database, logger: pino({ level: "info" }, sink) }));
  });
  afterAll(() => database.close());

  const signUp = (email: string, password: string, name = "Someone") =>
    app.request("/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, email, password }),
    });

  /** Everything about an answer except the random values in it. */
  async function shape(res: Response) {
    const body = (await res.json()) as { token: string; user: Record<string, unknown> };
    const cookie = res.headers.get("set-cookie") ?? "";
    return {
      status: res.status,
      headers: [...res.headers.keys()].sort(),
      cookie: cookie.replace(/=[^;]+;/, "=…;"),
      cookieValue: /^better-auth\.session_token=[A-Za-z0-9]{32}\.[A-Za-z0-9%]+;/.test(cookie),
      authToken: /^[A-Za-z0-9]{32}\.[A-Za-z0-9+/=]+$/.test(res.headers.get("set-auth-token") ?? ""),
      bodyKeys: Object.keys(body),
      token: /^[A-Za-z0-9]{32}$/.test(body.token),
      user: Object.fromEntries(Object.entries(body.user).map(([k, v]) => [k, v === null ? "null" : typeof v])),
    };
  }

  it("is answered exactly like a new sign-up, with a session that works nowhere, and the owner is told", async () => {
    const fresh = await signUp("owner@example.test", "correct horse 1", "Owner");
    const freshToken = fresh.headers.get("set-auth-token");
    const freshShape = await shape(fresh);
    const again = await signUp("Owner@Example.test", "a different secret 9", "Intruder");
    const decoyToken = again.headers.get("set-auth-token");
    expect(await shape(again)).toEqual(freshShape);
    expect(freshShape.status).toBe(200);

    const tasks = (token: string | null) =>
      app.request("/api/tasks", { headers: { authorization: `Bearer ${token}` } });
    expect((await tasks(freshToken)).status).toBe(200);
    expect((await tasks(decoyToken)).status).toBe(401);
    expect(lines.join("")).toContain("sign-up attempted with the email of an existing account");
    expect(lines.join("")).not.toContain("owner@example.test");

    // The intruder's password did not become the account's.
    const signIn = await app.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "owner@example.test", password: "a different secret 9" }),
    });
    expect(signIn.status).toBe(401);
  });

  it("signs the owner in when it is their own password", async () => {
    const first = await signUp("twice@example.test", "correct horse 1", "Twice");
    const firstBody = (await first.json()) as { user: { id: string } };
    const second = await signUp("twice@example.test", "correct horse 1", "Twice");
    expect(second.status).toBe(200);
    const body = (await second.json()) as { user: { id: string } };
    expect(body.user.id).toBe(firstBody.user.id);
    const res = await app.request("/api/tasks", {
      headers: { authorization: `Bearer ${second.headers.get("set-auth-token")}` },
    });
    expect(res.status).toBe(200);
  });
});
