// Mounts Better Auth at /api/auth/* and gives its failures the design's error body
// (Better Auth's own `code` and `message` stay at the top level for its client library).
import { getConnInfo } from "@hono/node-server/conninfo";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../http/context";
import { errorBody } from "../http/errors";
import type { Auth } from "./auth";
import { credentialOf } from "./credential";
import type { SessionCache } from "./session-cache";

/**
 * Rate limits are per client address. Behind the frontend's proxy the address arrives in X-Forwarded-For;
 * on a direct connection it is the socket's peer, which Better Auth cannot see by itself.
 */
function withClientAddress(c: Context<AppEnv>): Request {
  if (c.req.header("x-forwarded-for")) return c.req.raw;
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return c.req.raw; // not served by a Node socket (in-process requests)
  }
  if (!address) return c.req.raw;
  const headers = new Headers(c.req.raw.headers);
  headers.set("x-forwarded-for", address);
  return new Request(c.req.raw, { headers });
}

export function authRoutes(auth: Auth, sessions: SessionCache) {
  const router = new Hono<AppEnv>();
  router.on(["GET", "POST"], "/*", async (c) => {
    if (c.req.path.endsWith("/sign-out") || c.req.path.endsWith("/revoke-session")) {
      const credential = credentialOf(c.req.raw.headers);
      if (credential) sessions.evictSession(credential.sessionToken);
    }
    const res = await auth.handler(withClientAddress(c));
    if (res.status < 400 || !res.headers.get("content-type")?.includes("application/json")) return res;
    const original = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    const message = original.message ?? res.statusText ?? "Authentication failed";
    const body = { ...errorBody(res.status, message, undefined, original.code?.toLowerCase()), ...original };
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    return new Response(JSON.stringify(body), { status: res.status, headers });
  });
  return router;
}
