// Graceful stop for the services' HTTP servers: stop accepting, let in-flight requests finish, and cut what is
// still open once the timeout has passed. Shared by the backend and the MCP server.

interface ClosableServer {
  close(callback: () => void): unknown;
  closeAllConnections?(): void;
  closeIdleConnections?(): void;
}

export function closeServer(server: ClosableServer, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections?.();
      resolve();
    }, timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections?.();
  });
}
