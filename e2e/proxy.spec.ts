// The same-origin proxy over plain HTTP: health, cookies passed through, errors and 401s in the design's shape.
import { describe, expect, inject, it } from "vitest";

const base = () => inject("baseUrl");

describe("frontend proxy", () => {
  it("answers /healthz without touching the backend", async () => {
    const response = await fetch(`${base()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("passes Set-Cookie through on sign-up and forwards the cookie back", async () => {
    const email = `proxy-${Date.now()}@example.com`;
    const signUp = await fetch(`${base()}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base() },
      body: JSON.stringify({ name: "Proxy", email, password: "correct horse battery" }),
    });
    expect(signUp.status).toBe(200);
    const cookies = signUp.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith("better-auth.session_token="))).toBe(true);
    const cookie = cookies.map((c) => c.split(";")[0]).join("; ");

    const session = await fetch(`${base()}/api/auth/get-session`, { headers: { cookie } });
    expect(((await session.json()) as { user: { email: string } }).user.email).toBe(email);

    const created = await fetch(`${base()}/api/tasks?source=proxy-test`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ title: "Through the proxy", tags: ["proxy"] }),
    });
    expect(created.status).toBe(201);
    const list = await fetch(`${base()}/api/tasks?tag=proxy&status=all`, { headers: { cookie } });
    expect(((await list.json()) as { total: number }).total).toBe(1);

    // A bodiless POST goes through as one.
    const { id } = (await created.json()) as { id: number };
    const complete = await fetch(`${base()}/api/tasks/${id}/complete`, { method: "POST", headers: { cookie } });
    expect(complete.status).toBe(200);
  });

  it("returns the backend's 401 error body for a request without a session", async () => {
    const response = await fetch(`${base()}/api/tasks`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("unauthorized");
  });

  it("sends app pages without a session cookie to sign-in", async () => {
    const response = await fetch(`${base()}/tasks?status=all`, { redirect: "manual" });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toMatch(/\/sign-in\?next=%2Ftasks%3Fstatus%3Dall$/);
  });
});
