import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";

describe.each(databaseKinds)("auth on %s", (kind) => {
  let api: TestBackend;
  beforeAll(async () => {
    api = await createTestBackend(kind, { AUTH_RATE_LIMIT: "on" });
  });
  afterAll(() => api.close());

  it("signs up, signs in with a bearer token, reads the session and signs out", async () => {
    const user = await api.signUp("Dana");
    const signIn = await api.request("POST", "/api/auth/sign-in/email", {
      body: { email: user.email, password: "correct horse 1" },
      headers: { "x-forwarded-for": "10.0.0.1" },
    });
    expect(signIn.status).toBe(200);
    const token = signIn.headers.get("set-auth-token");
    expect(token).toBeTruthy();
    const headers = { authorization: `Bearer ${token}` };
    const session = await api.request("GET", "/api/auth/get-session", { headers });
    expect(session.json.user.email).toBe(user.email);
    expect((await api.request("GET", "/api/tasks", { headers })).status).toBe(200);
    expect((await api.request("POST", "/api/auth/sign-out", { headers, body: {} })).status).toBe(200);
    expect((await api.request("GET", "/api/tasks", { headers })).status).toBe(401);
  });

  it("answers a wrong password with 401 in the design's error body", async () => {
    const user = await api.signUp("Eve");
    const res = await api.request("POST", "/api/auth/sign-in/email", {
      body: { email: user.email, password: "wrong password" },
      headers: { "x-forwarded-for": "10.0.0.2" },
    });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it("gives a duplicate email only a dead session and refuses a short password", async () => {
    const user = await api.signUp("Fay");
    const dup = await api.request("POST", "/api/auth/sign-up/email", {
      body: { name: "Fay", email: user.email, password: "another pass 1" },
      headers: { "x-forwarded-for": "10.0.0.3" },
    });
    // Issue 11.13 changed this answer: a registered email is answered like a new one (sign-up.test.ts), and the
    // session it gets works nowhere.
    expect(dup.status).toBe(200);
    const dupAuth = { authorization: `Bearer ${dup.headers.get("set-auth-token")}` };
    expect((await api.request("GET", "/api/tasks", { headers: dupAuth })).status).toBe(401);
    const short = await api.request("POST", "/api/auth/sign-up/email", {
      body: { name: "G", email: "g@example.test", password: "short" },
      headers: { "x-forwarded-for": "10.0.0.3" },
    });
    expect(short.status).toBe(400);
  });

  it("rate-limits repeated sign-in attempts from one address with 429, leaving other addresses alone", async () => {
    const user = await api.signUp("Gus");
    const attempt = (ip: string) =>
      api.request("POST", "/api/auth/sign-in/email", {
        body: { email: user.email, password: "wrong password" },
        headers: { "x-forwarded-for": ip },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt("10.9.9.9")).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await attempt("10.9.9.9");
    expect(limited.json.error.code).toBeTruthy();
    expect((await attempt("10.8.8.8")).status).toBe(401);
  });
});
