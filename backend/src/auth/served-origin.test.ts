// Issue 18.1: the app opened by any address (a LAN IP, a hostname, 127.0.0.1 on another port) can write with its
// session cookie: the origin the frontend reports it served the page from is trusted. CSRF protection stays: a
// foreign Origin is refused even when the forwarding headers name our host, and forwarding headers from a peer
// that is not a trusted proxy are ignored. (Better Auth's own origin check on sign-up is off under NODE_ENV=test;
// e2e/first-run.spec.ts covers sign-up in a real browser against a production-mode stack.)
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackendOn, type TestBackend } from "../../../test/backend";
import { createTestDatabase, type TestDatabase } from "../../../test/databases";
import { forwardedOrigin, isForeignWrite, untrustedOriginHint } from "./same-origin";

const LAN = "http://192.168.1.20:3001";
const forwardedFrom = (origin: string) => {
  const url = new URL(origin);
  return { "x-forwarded-host": url.host, "x-forwarded-proto": url.protocol.replace(":", "") };
};

async function signUpWithCookie(backend: TestBackend) {
  const user = await backend.signUp("Lan User");
  const signIn = await backend.request("POST", "/api/auth/sign-in/email", {
    body: { email: user.email, password: "correct horse 1" },
  });
  return signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

describe("the origin the frontend served the page from", () => {
  let database: TestDatabase;
  let backend: TestBackend;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    // What `npm start` configures: BETTER_AUTH_URL names localhost, nothing else is trusted explicitly.
    backend = await createTestBackendOn(database, { BETTER_AUTH_URL: "http://localhost:3000" });
  });
  afterAll(() => database.drop());

  it("lets a cookie write come from a LAN address, a hostname, another port or https, and refuses a foreign one", async () => {
    const cookie = await signUpWithCookie(backend);
    for (const origin of [LAN, "http://todo.lan:8123", "http://127.0.0.1:3001", "https://todo.example.com"]) {
      const created = await backend.request("POST", "/api/tasks", {
        body: { title: "From the LAN" },
        headers: { cookie, origin, ...forwardedFrom(origin) },
      });
      expect(created.status, `${origin}: ${created.text}`).toBe(201);
      // The same cookie sent by a foreign page: its Origin is the foreign site, never the host it addressed.
      const forged = await backend.request("POST", "/api/tasks", {
        body: { title: "Planted" },
        headers: { cookie, origin: "https://evil.example", ...forwardedFrom(origin) },
      });
      expect(forged.status).toBe(403);
      // Not through the frontend (no forwarding headers): only the configured origins count.
      const bare = await backend.request("POST", "/api/tasks", {
        body: { title: "Bare" },
        headers: { cookie, origin },
      });
      expect(bare.status).toBe(403);
    }
  });

  it("ignores forwarding headers from a peer that is not a trusted proxy", async () => {
    const strict = await createTestBackendOn(database, {
      BETTER_AUTH_URL: "http://localhost:3000",
      TRUSTED_PROXIES: "none",
    });
    const cookie = await signUpWithCookie(strict);
    const server = serve({ fetch: strict.app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (headers: Record<string, string>) =>
        fetch(`${url}/api/tasks`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, ...headers },
          body: JSON.stringify({ title: "Over the socket" }),
        });
      expect((await post({ origin: LAN, ...forwardedFrom(LAN) })).status).toBe(403);
      expect((await post({ origin: "http://localhost:3000" })).status).toBe(201);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("same-origin pieces", () => {
  it("reads the forwarded origin, normalising default ports and refusing what is not a host", () => {
    const h = (host: string, proto?: string) =>
      new Headers({ "x-forwarded-host": host, ...(proto ? { "x-forwarded-proto": proto } : {}) });
    expect(forwardedOrigin(h("192.168.1.20:3001"))).toBe("http://192.168.1.20:3001");
    expect(forwardedOrigin(h("Todo.Example.com:443", "https"))).toBe("https://todo.example.com");
    expect(forwardedOrigin(h("a.example, b.example", "https, http"))).toBe("https://a.example");
    expect(forwardedOrigin(h("[::1]:3000"))).toBe("http://[::1]:3000");
    for (const bad of ["evil.example/path", "user@evil.example", "a.example?x", "a b"]) {
      expect(forwardedOrigin(h(bad))).toBeUndefined();
    }
    expect(forwardedOrigin(h("a.example", "javascript"))).toBeUndefined();
    expect(forwardedOrigin(new Headers())).toBeUndefined();
  });

  it("never trusts the opaque origin, even when the served origin is unknown", () => {
    const headers = new Headers({ origin: "null" });
    expect(isForeignWrite("POST", headers, ["http://localhost:3000"], undefined)).toBe(true);
    expect(isForeignWrite("POST", headers, ["http://localhost:3000"], "null")).toBe(true);
  });

  it("names the address and the variables to set", () => {
    const hint = untrustedOriginHint("http://10.0.0.5:3000");
    expect(hint).toContain("http://10.0.0.5:3000");
    expect(hint).toContain("TRUSTED_ORIGINS");
    expect(hint).toContain("BETTER_AUTH_URL");
  });
});
