// CSRF: a write that a browser sends with the session cookie must come from one of our own origins. Browsers
// send Origin on every POST/PUT/PATCH/DELETE and Sec-Fetch-Site on every request; a script with a bearer token or
// an API key is not exposed to CSRF and is not checked (require-user.ts only calls this for cookie credentials).
//
// "Our own origins" are the configured ones (BETTER_AUTH_URL, TRUSTED_ORIGINS, localhost:3000) plus the origin
// the page was actually served from, as the frontend's proxy reports it in X-Forwarded-Proto/-Host (issue 18.1:
// the app opened by a LAN address, a hostname or another port). Those headers are believed only from a trusted
// proxy (TRUSTED_PROXIES, the frontend's hop); a cross-site page cannot set them, and its Origin (the foreign
// site) never equals the host the browser addressed, so a foreign write is still refused.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { TrustProxy } from "../http/client-address";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origin named by X-Forwarded-Proto and X-Forwarded-Host (first hop of each), or undefined. */
export function forwardedOrigin(headers: Headers): string | undefined {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const proto = (headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http").toLowerCase();
  // A host with a path, credentials or a query in it is not a host.
  if (!host || /[\s/\\?#@]/.test(host) || (proto !== "http" && proto !== "https")) return undefined;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/** True when the forwarding headers of this request may be believed: its peer is a trusted proxy. */
export function fromTrustedProxy(c: Context, trust: TrustProxy): boolean {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    return true; // not served by a Node socket: app.request in-process, headers this process wrote itself
  }
  return peer !== undefined && trust(peer, 0);
}

/** The origin the browser addressed (through the frontend), when a trusted proxy says so. */
export function servedOrigin(c: Context, trust: TrustProxy): string | undefined {
  return fromTrustedProxy(c, trust) ? forwardedOrigin(c.req.raw.headers) : undefined;
}

/** True when a cookie-authenticated request is a write that a foreign page could have made the browser send. */
export function isForeignWrite(
  method: string,
  headers: Headers,
  trustedOrigins: readonly string[],
  served?: string,
): boolean {
  if (SAFE_METHODS.has(method)) return false;
  const origin = headers.get("origin");
  // "null" (sandboxed or opaque origins) is never trusted.
  if (origin === "null") return true;
  if (origin !== null) return !(trustedOrigins.includes(origin) || origin === served);
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site !== "same-origin" && site !== "none";
  return false; // neither header: not a browser (curl with a copied cookie)
}

/** The hint an "Invalid origin" answer carries: what to set so that this address is trusted. */
export function untrustedOriginHint(origin: string | null): string {
  const named = origin && origin !== "null" ? origin : "this address";
  return (
    `The app was opened at ${named}, which the server does not trust. Open it at its configured address, or add ` +
    `${named} to TRUSTED_ORIGINS (comma-separated) on the backend; behind a reverse proxy set BETTER_AUTH_URL to ` +
    "the public address, or forward X-Forwarded-Host and X-Forwarded-Proto."
  );
}
