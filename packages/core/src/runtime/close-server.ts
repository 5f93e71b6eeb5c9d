// Graceful stop for the services' HTTP servers (issue 11.6). Node's own server.close() also drops idle keep-alive
// connections at once, which resets a request the client is sending on one at that very moment; under load that
// failed 4–161 requests. Here: stop accepting; let every connection finish its current request, answered with
// `Connection: close` so the client opens a new connection (refused, hence safe to retry) for the next one; close
// connections still idle after a short grace; cut what is left only at the timeout.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import net from "node:net";

/** How long a connection that was idle when the stop began may still deliver a request already on its way. */
const IDLE_GRACE_MS = 500;
const SWEEP_EVERY_MS = 250;

interface Tracked {
  active: Set<ServerResponse>;
  stopping: boolean;
}

const tracked = new WeakMap<Server, Tracked>();

function markClosing(res: ServerResponse) {
  if (!res.headersSent) res.setHeader("connection", "close");
  res.shouldKeepAlive = false;
}

/**
 * Tracks the requests in flight, so a later stop can tell each of them to close its connection once answered.
 * Call it when the server is created; closeServer works without it, but then only for requests that arrive later.
 */
export function trackRequests(server: Server): void {
  if (tracked.has(server)) return;
  const state: Tracked = { active: new Set(), stopping: false };
  tracked.set(server, state);
  server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => {
    if (state.stopping) return markClosing(res);
    state.active.add(res);
    res.once("close", () => state.active.delete(res));
  });
}

/** Stops `server`: a node:http Server (what @hono/node-server's serve() returns, typed as a union there). */
export function closeServer(httpServer: object, timeoutMs: number): Promise<void> {
  const server = httpServer as Server;
  trackRequests(server);
  const state = tracked.get(server) as Tracked;
  state.stopping = true;
  for (const res of state.active) markClosing(res);
  state.active.clear();
  return new Promise((resolve) => {
    let sweep: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(grace);
      clearInterval(sweep);
      resolve();
    };
    const timer = setTimeout(() => {
      server.closeAllConnections();
      done();
    }, timeoutMs);
    const grace = setTimeout(
      () => {
        server.closeIdleConnections();
        sweep = setInterval(() => server.closeIdleConnections(), SWEEP_EVERY_MS);
        sweep.unref();
      },
      Math.min(IDLE_GRACE_MS, timeoutMs),
    );
    for (const t of [timer, grace]) t.unref();
    // net.Server's close: stop accepting, and call back once every connection has ended (see the top).
    net.Server.prototype.close.call(server, () => done());
  });
}
