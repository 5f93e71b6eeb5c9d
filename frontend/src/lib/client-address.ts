// The browser's address for the backend's sign-in rate limit (issue 11.3). Next.js keeps an X-Forwarded-For the
// browser sent and only fills it in when absent, so a browser could name any address it liked. Before Next.js
// sees a request, this hook replaces the header with the one address we trust: the socket's peer, or — when that
// peer is one of TRUSTED_PROXIES (an ingress in front of the frontend) — the nearest untrusted forwarded hop.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

/** IPv4 clients of a dual-stack socket show as ::ffff:a.b.c.d; the backend should see one form. */
function plain(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

export function clientAddress(req: IncomingMessage, trust: (address: string, hop: number) => boolean): string {
  return plain(proxyAddr(req, trust));
}

let installed = false;

export function installClientAddressHook(trustedProxies: string[]): void {
  if (installed) return;
  installed = true;
  const trust = proxyAddr.compile(trustedProxies);
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    if (!request.socket?.remoteAddress) return;
    request.headers["x-forwarded-for"] = clientAddress(request, trust);
    delete request.headers["x-real-ip"];
  });
}
