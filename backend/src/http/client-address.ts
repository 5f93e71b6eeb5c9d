// Who the client is, for the sign-in rate limit: the socket's peer, unless that peer is a configured proxy
// (TRUSTED_PROXIES, default loopback: the frontend's own hop in `npm start`), in which case X-Forwarded-For is
// walked from the right past trusted hops (proxy-addr, as Express does). A client-supplied X-Forwarded-For from
// anywhere else is ignored (issue 11.3).
import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

export type TrustProxy = (address: string, hop: number) => boolean;

/** Compiles a TRUSTED_PROXIES list (IPs, CIDRs, or loopback / linklocal / uniquelocal); throws on a bad entry. */
export function compileTrust(entries: readonly string[]): TrustProxy {
  return proxyAddr.compile([...entries]);
}

export function clientAddress(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  const req = { socket: { remoteAddress: peer }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} };
  return proxyAddr(req as unknown as IncomingMessage, trust);
}
