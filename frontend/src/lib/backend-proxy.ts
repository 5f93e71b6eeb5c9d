// Same-origin proxy: the browser only talks to the frontend, which forwards /api/* to the backend server-side.
// Bodies stream both ways (the chat answer arrives token by token) and every Set-Cookie is passed through.
import { getConfig } from "@/lib/config";

// Hop-by-hop headers (RFC 9110 §7.6.1) and the ones fetch must compute itself.
const DROP_REQUEST = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
  // Undici would decompress the answer but keep its content-encoding header; ask for it uncompressed.
  "accept-encoding",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-forwarded-for",
  "x-real-ip",
  "forwarded",
]);

const DROP_RESPONSE = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "trailer",
  "upgrade",
  "content-encoding",
  "content-length",
  "set-cookie",
]);

const UNREACHABLE = {
  error: { code: "service_unavailable", message: "The backend is unreachable" },
};

export function forwardedRequestHeaders(incoming: Headers, url: URL): Headers {
  const headers = new Headers();
  incoming.forEach((value, key) => {
    if (!DROP_REQUEST.has(key.toLowerCase())) headers.set(key, value);
  });
  // Overwritten, never appended to: the one client address client-address.ts put there before Next.js ran.
  const client = incoming.get("x-forwarded-for")?.split(",").pop()?.trim();
  if (client) headers.set("x-forwarded-for", client);
  headers.set("x-forwarded-host", incoming.get("x-forwarded-host") ?? incoming.get("host") ?? url.host);
  headers.set("x-forwarded-proto", incoming.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, ""));
  return headers;
}

export function responseHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  upstream.forEach((value, key) => {
    if (!DROP_RESPONSE.has(key.toLowerCase())) headers.set(key, value);
  });
  for (const cookie of upstream.getSetCookie()) headers.append("set-cookie", cookie);
  // Never let an intermediary buffer a streamed answer.
  if (upstream.get("content-type")?.includes("text/event-stream")) headers.set("x-accel-buffering", "no");
  return headers;
}

/** Forwards to the same path on the backend: under /api by default, or under `base` (the OAuth /.well-known). */
export async function proxyToBackend(request: Request, path: string[], base = "/api"): Promise<Response> {
  const incoming = new URL(request.url);
  const { backendUrl } = getConfig();
  const target = new URL(`${backendUrl}${base}/${path.map(encodeURIComponent).join("/")}`);
  target.search = incoming.search;

  // A bodiless POST (complete, sign-out) arrives with content-length: 0; forwarding its empty stream would turn
  // it into a chunked request that looks like it carries a body.
  const hasBody =
    request.method !== "GET" &&
    request.method !== "HEAD" &&
    request.body !== null &&
    request.headers.get("content-length") !== "0";
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: forwardedRequestHeaders(request.headers, incoming),
      body: hasBody ? request.body : undefined,
      // Required by Node's fetch to send a streamed body.
      ...(hasBody ? { duplex: "half" } : {}),
      redirect: "manual",
      signal: request.signal,
      cache: "no-store",
    } as RequestInit);
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    console.error(`proxy: ${request.method} ${target.pathname} failed: ${(error as Error).cause ?? error}`);
    return Response.json(UNREACHABLE, { status: 503, headers: { "cache-control": "no-store" } });
  }
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders(upstream.headers),
  });
}
