// Issue 11, items 2, 7 and 11: a session is resolved from the one credential that was verified, revocation takes
// effect on the next request on every replica, and cookie-authenticated writes must come from our own origin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackendOn, type TestBackend } from "../../../test/backend";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../test/databases";

const ORIGIN = "http://localhost:3000";

describe.each(databaseKinds)("sessions on %s", (kind) => {
  let database: TestDatabase;
  let replicaA: TestBackend;
  let replicaB: TestBackend;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // Two replicas on one database, each with its own session cache (the default TTL).
    replicaA = await createTestBackendOn(database);
    replicaB = await createTestBackendOn(database);
  });
  afterAll(() => database.drop());

  async function signUpWithCookie(name: string) {
    const user = await replicaA.signUp(name);
    const signIn = await replicaA.request("POST", "/api/auth/sign-in/email", {
      body: { email: user.email, password: "correct horse 1" },
      headers: { origin: ORIGIN },
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(cookie).toContain("better-auth.session_token=");
    return { ...user, cookie, sessionToken: signIn.headers.get("set-auth-token") as string };
  }

  it("never takes a forged bearer sent beside a victim's cookie for the victim, not even later", async () => {
    const victim = await signUpWithCookie("Victim");
    await replicaA.request("POST", "/api/tasks", { headers: victim.headers, body: { title: "Victim's secret" } });
    const forged = { authorization: "Bearer forged-token.forged-signature" };
    for (const replica of [replicaA, replicaB]) {
      const both = await replica.request("GET", "/api/tasks", { headers: { ...forged, cookie: victim.cookie } });
      expect(both.status).toBe(401);
      const alone = await replica.request("GET", "/api/tasks", { headers: forged });
      expect(alone.status).toBe(401);
      const write = await replica.request("POST", "/api/tasks", { headers: forged, body: { title: "Planted" } });
      expect(write.status).toBe(401);
    }
    const list = await replicaA.request("GET", "/api/tasks", { headers: victim.headers });
    expect(list.json.tasks.map((t: { title: string }) => t.title)).toEqual(["Victim's secret"]);
  });

  it("stops a signed-out session on the next request on another replica, reads and writes alike", async () => {
    const user = await signUpWithCookie("Leaver");
    expect((await replicaB.request("GET", "/api/tasks", { headers: user.headers })).status).toBe(200); // cached on B
    expect((await replicaB.request("GET", "/api/tasks", { headers: { cookie: user.cookie } })).status).toBe(200);
    const out = await replicaA.request("POST", "/api/auth/sign-out", { headers: user.headers, body: {} });
    expect(out.status).toBe(200);
    expect((await replicaB.request("GET", "/api/tasks", { headers: user.headers })).status).toBe(401);
    const write = await replicaB.request("POST", "/api/tasks", { headers: user.headers, body: { title: "Late" } });
    expect(write.status).toBe(401);
  });

  it("stops every session at once after revoke-sessions, on every replica", async () => {
    const user = await signUpWithCookie("Revoker");
    for (const replica of [replicaA, replicaB]) {
      expect((await replica.request("GET", "/api/tasks", { headers: user.headers })).status).toBe(200);
      expect((await replica.request("GET", "/api/tasks", { headers: { cookie: user.cookie } })).status).toBe(200);
    }
    const revoke = await replicaA.request("POST", "/api/auth/revoke-sessions", {
      headers: { cookie: user.cookie, origin: ORIGIN },
      body: {},
    });
    expect(revoke.status).toBe(200);
    for (const replica of [replicaA, replicaB]) {
      expect((await replica.request("GET", "/api/tasks", { headers: user.headers })).status).toBe(401);
      const write = await replica.request("POST", "/api/tasks", {
        headers: { cookie: user.cookie, origin: ORIGIN },
        body: { title: "After revoke" },
      });
      expect(write.status).toBe(401);
    }
  });

  it("refuses cookie-authenticated writes from a foreign origin, body-less ones included", async () => {
    const user = await signUpWithCookie("Csrf");
    const created = await replicaA.request("POST", "/api/tasks", {
      headers: { cookie: user.cookie, origin: ORIGIN },
      body: { title: "Mine" },
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    const foreign: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of foreign) {
      for (const [method, path] of [
        ["POST", `/api/tasks/${id}/complete`],
        ["POST", `/api/tasks/${id}/reopen`],
        ["DELETE", `/api/tasks/${id}`],
        ["PATCH", `/api/${user.id}/tasks/${id}/complete`],
      ] as const) {
        const res = await replicaA.request(method, path, { headers: { cookie: user.cookie, ...headers } });
        expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(res.json.error.code).toBe("forbidden");
      }
      const post = await replicaA.request("POST", "/api/tasks", {
        headers: { cookie: user.cookie, ...headers },
        body: { title: "Planted" },
      });
      expect(post.status).toBe(403);
    }
    const task = await replicaA.request("GET", `/api/tasks/${id}`, { headers: { cookie: user.cookie } });
    expect(task.json.completed).toBe(false);
    // Reads with the cookie, same-origin writes, and writes with a bearer token from anywhere are fine.
    expect((await replicaA.request("GET", "/api/tasks", { headers: { cookie: user.cookie } })).status).toBe(200);
    const same = { cookie: user.cookie, origin: ORIGIN, "sec-fetch-site": "same-origin" };
    expect((await replicaA.request("POST", `/api/tasks/${id}/complete`, { headers: same })).status).toBe(200);
    const bearer = { ...user.headers, origin: "https://elsewhere.example" };
    expect((await replicaA.request("POST", `/api/tasks/${id}/reopen`, { headers: bearer })).status).toBe(200);
  });

  it("answers malformed session cookies with 401, never 500", async () => {
    for (const value of ["%", "%E0%A4%A", "%%%", "a%ZZb", ""]) {
      for (const name of ["better-auth.session_token", "__Secure-better-auth.session_token"]) {
        const res = await replicaA.request("GET", "/api/tasks", { headers: { cookie: `${name}=${value}` } });
        expect(res.status, `${name}=${value}`).toBe(401);
        expect(res.json.error.code).toBe("unauthorized");
      }
    }
    const bearer = await replicaA.request("GET", "/api/tasks", { headers: { authorization: "Bearer %E0%A4%A" } });
    expect(bearer.status).toBe(401);
  });
});
