// Starts a service entry point as a real child process (through tsx) and waits until it answers.
//
// tsx runs the entry in a second node process. The pair is started in its own process group, and every signal —
// `stop()`, `signal()`, and `child.kill()` too — goes to the whole group, so a kill -9 cannot leave the inner node
// process behind as an orphan still holding its port or data directory. (tsx does not relay a signal its child
// already received, so a group SIGTERM is still one graceful shutdown.) Whatever is still running when the test
// process exits is killed with it.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export { freePort, waitForHttp } from "./net";

export const ROOT = join(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

export interface RunningProcess {
  /** The tsx process, leader of the group; its kill() signals the whole group. */
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Sends `sig` to the whole process group; false when it is already gone. */
  signal: (sig: NodeJS.Signals) => boolean;
  /** SIGTERM to the group, SIGKILL after graceMs; resolves with the exit code once the group is gone. */
  stop: (graceMs?: number) => Promise<number | null>;
}

const running = new Set<number>();
process.once("exit", () => {
  for (const pid of running) signalGroup(pid, "SIGKILL");
});

function signalGroup(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, sig);
    return true;
  } catch {
    return false; // no such group: everything in it has exited
  }
}

/** true while any process of the group is alive (signal 0 only checks). */
function groupAlive(pid: number): boolean {
  return signalGroup(pid, 0 as unknown as NodeJS.Signals);
}

export function startEntry(entry: string, env: Record<string, string>): RunningProcess {
  let out = "";
  const child = spawn(TSX, [join(ROOT, entry)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pid = child.pid as number;
  running.add(pid);
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      // The leader is gone; anything left in its group (an inner process that ignored the signal) goes too.
      signalGroup(pid, "SIGKILL");
      running.delete(pid);
      resolve(code);
    }),
  );
  const signal = (sig: NodeJS.Signals) => signalGroup(pid, sig);
  child.kill = (sig?: NodeJS.Signals | number) => signalGroup(pid, (sig ?? "SIGTERM") as NodeJS.Signals);
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    }
    for (let i = 0; i < 100 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    return exited;
  };
  return { child, output: () => out, exited, signal, stop };
}
