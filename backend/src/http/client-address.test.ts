// Issue 11.3: X-Forwarded-For is believed only from TRUSTED_PROXIES, so a client cannot reset the sign-in rate
// limit by inventing addresses; behind a trusted proxy, each forwarded client still has its own limit.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend } from "../../../test/backend";
import { clientAddress, compileTrust } from "./client-address";

describe("clientAddress", () => {
  const loopback = compileTrust(["loopback"]);

  it("is the socket's peer when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.7", "1.2.3.4", loopback)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", undefined, loopback)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", "1.2.3.4", compileTrust([]))).toBe("127.0.0.1");
  });

  it("walks X-Forwarded-For from the right past trusted hops", () => {
    expect(clientAddress("127.0.0.1", "1.2.3.4", loopback)).toBe("1.2.3.4");
    // The browser prepended a made-up address; the frontend's hop appended the real one.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.2", loopback)).toBe("198.51.100.2");
    const two = compileTrust(["loopback", "10.0.0.0/8"]);
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.2, 10.1.2.3", two)).toBe("198.51.100.2");
  });

  it("refuses entries that are not addresses, ranges or proxy-addr's names", () => {
    expect(() => compileTrust(["frontend.example"])).toThrow();
    expect(() => compileTrust(["10.0.0.0/99"])).toThrow();
  });
});

describe("the sign-in rate limit over a real socket", () => {
  const running: { api: TestBackend; server: ReturnType<typeof serve> }[] = [];
  afterAll(async () => {
    for (const { api, server } of running) {
      await new Promise((resolve) => server.close(resolve));
      await api.close();
    }
  });

  async function start(trustedProxies: string) {
    const api = await createTestBackend("pglite", { AUTH_RATE_LIMIT: "on", TRUSTED_PROXIES: trustedProxies });
    const server = serve({ fetch: api.app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise((resolve) => server.once("listening", resolve));
    running.push({ api, server });
    const user = await api.signUp("Limited");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return (forwardedFor: string) =>
      fetch(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor, "x-real-ip": forwardedFor },
        body: JSON.stringify({ email: user.email, password: "wrong password" }),
      }).then((res) => res.status);
  }

  it("ignores X-Forwarded-For from a client that is not a trusted proxy", async () => {
    // Loopback is not trusted here, so this test's own connections are "a client on the internet".
    const attempt = await start("192.0.2.1");
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push(await attempt(`10.0.${i}.1`));
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("believes the trusted proxy's X-Forwarded-For: one limit per forwarded client", async () => {
    const attempt = await start("loopback");
    for (let i = 0; i < 10; i++) expect(await attempt("198.51.100.9")).toBe(401);
    expect(await attempt("198.51.100.9")).toBe(429);
    expect(await attempt("198.51.100.10")).toBe(401);
    // A forged entry prepended by the browser does not make a new client: the proxy's last entry counts.
    expect(await attempt("6.6.6.6, 198.51.100.9")).toBe(429);
  });
});
