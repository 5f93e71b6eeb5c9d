// Mounts Better Auth at /api/auth/* and gives its failures the design's error body
// (Better Auth's own `code` and `message` stay at the top level for its client library).
import { getConnInfo } from "@hono/node-server/conninfo";
import { type Context, Hono } from "hono";
import { clientAddress, type TrustProxy } from "../http/client-address";
import type { AppEnv } from "../http/context";
import { errorBody } from "../http/errors";
import type { Auth } from "./auth";
import { credentialOf } from "./credential";
import { untrustedOriginHint } from "./same-origin";
import type { SessionCache } from "./session-cache";

/**
 * Rate limits are per client address, which Better Auth reads from X-Forwarded-For: it gets exactly one address,
 * the one client-address.ts trusts. Requests made in-process (app.request, no socket) carry headers this process
 * wrote itself and pass as they are.
 */
function withClientAddress(c: Context<AppEnv>, trust: TrustProxy): Request {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    return c.req.raw; // not served by a Node socket
  }
  const headers = new Headers(c.req.raw.headers);
  headers.delete("x-real-ip");
  // The served origin (same-origin.ts) is believed only from a trusted proxy.
  if (!peer || !trust(peer, 0)) {
    headers.delete("x-forwarded-host");
    headers.delete("x-forwarded-proto");
  }
  if (peer) headers.set("x-forwarded-for", clientAddress(peer, c.req.header("x-forwarded-for"), trust));
  else headers.delete("x-forwarded-for");
  return new Request(c.req.raw, { headers });
}

export function authRoutes(auth: Auth, sessions: SessionCache, trust: TrustProxy) {
  const router = new Hono<AppEnv>();
  router.on(["GET", "POST"], "/*", async (c) => {
    if (c.req.path.endsWith("/sign-out") || c.req.path.endsWith("/revoke-session")) {
      const credential = credentialOf(c.req.raw.headers);
      if (credential) sessions.evictSession(credential.sessionToken);
    }
    const res = await auth.handler(withClientAddress(c, trust));
    if (res.status < 400 || !res.headers.get("content-type")?.includes("application/json")) return res;
    const original = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    let message = original.message ?? res.statusText ?? "Authentication failed";
    // Better Auth's "Invalid origin" says nothing about the fix; say what to set (issue 18.1).
    if (res.status === 403 && /origin/i.test(message)) message = untrustedOriginHint(c.req.header("origin") ?? null);
    const body = {
      ...errorBody(res.status, message, undefined, original.code?.toLowerCase()),
      ...original,
      message,
    };
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    return new Response(JSON.stringify(body), { status: res.status, headers });
  });
  return router;
}
