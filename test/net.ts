// Free ports and waiting, for every test, script and suite (unit/integration, e2e, containers, bench): the one
// copy. Only 127.0.0.1.
import net from "node:net";

/** A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it; we let go of it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface WaitOptions {
  /** How long to keep trying, in ms (default 30 s). */
  timeoutMs?: number;
  /** Pause between tries, in ms (default 250). */
  intervalMs?: number;
  /** Checked before each try: a reason to give up at once (e.g. "the backend exited with code 1"). */
  abortIf?: () => string | undefined;
}

/**
 * Calls `probe` until it returns something other than undefined, and returns that. A probe that throws counts as
 * "not yet" and its last message is quoted when the time is up. Bounded by timeoutMs.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 30_000, intervalMs = 250, abortIf }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    const reason = abortIf?.();
    if (reason) throw new Error(`${what}: gave up, ${reason}`);
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) {
      throw new Error(`${what}: not within ${timeoutMs / 1000}s${last ? ` (last: ${last})` : ""}`);
    }
    await sleep(intervalMs);
  }
}

export interface HttpWaitOptions extends WaitOptions {
  /** The status that counts as up (default: any 2xx). */
  status?: number;
  /** Timeout of each single request, in ms (default 5 s). */
  requestTimeoutMs?: number;
}

/** Waits until `url` answers (2xx, or exactly `status`). A number is taken as timeoutMs. */
export async function waitForHttp(url: string, options: number | HttpWaitOptions = {}): Promise<void> {
  const { status, requestTimeoutMs = 5_000, ...wait } = typeof options === "number" ? { timeoutMs: options } : options;
  await waitFor(
    `${url} answering ${status ?? "2xx"}`,
    async () => {
      const res = await fetch(url, { signal: AbortSignal.timeout(requestTimeoutMs) });
      await res.arrayBuffer();
      if (status === undefined ? res.ok : res.status === status) return true;
      throw new Error(`answered ${res.status}`);
    },
    wait,
  );
}
