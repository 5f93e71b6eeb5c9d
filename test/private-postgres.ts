// A private Postgres cluster for fault tests that stop and freeze the database: initdb into a temporary
// directory, run as an unprivileged user when the tests run as root, on its own port and socket directory. Only
// this cluster's own processes are ever signalled; the machine's shared Postgres is never touched.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort, waitFor } from "./net";

const BIN = "/usr/lib/postgresql/15/bin";
const NOBODY = { uid: 65534, gid: 65534 };

export const privatePostgresAvailable = existsSync(join(BIN, "initdb"));

function asUser() {
  return process.getuid?.() === 0 ? NOBODY : {};
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid (after the parenthesised command name).
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

export async function startPrivatePostgres() {
  const dir = mkdtempSync(join(tmpdir(), "todo-pg-"));
  const data = join(dir, "data");
  if (process.getuid?.() === 0) chownSync(dir, NOBODY.uid, NOBODY.gid);
  const init = spawnSync(join(BIN, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"], {
    ...asUser(),
    encoding: "utf8",
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  let server: ChildProcess | undefined;

  async function start() {
    server = spawn(
      join(BIN, "postgres"),
      ["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
      { ...asUser(), stdio: "ignore" },
    );
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await waitFor(
      "the private Postgres accepting connections",
      async () => {
        const client = new pg.Client({ connectionString: url });
        try {
          await client.connect();
          return true;
        } finally {
          await client.end().catch(() => {});
        }
      },
      { timeoutMs: 10_000, intervalMs: 100 },
    );
  }

  await start();
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query("create database todo");
  await admin.end();

  const signalAll = (signal: NodeJS.Signals) => {
    const pid = server?.pid;
    if (!pid) return;
    for (const child of childrenOf(pid)) process.kill(child, signal);
    process.kill(pid, signal);
  };

  async function stop() {
    const running = server;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once("exit", r));
    signalAll("SIGCONT");
    running.kill("SIGINT"); // fast shutdown: disconnects every client
    await exited;
    server = undefined;
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/todo`,
    /** SIGSTOP the postmaster and every backend: connections stay open and nothing answers. */
    freeze: () => signalAll("SIGSTOP"),
    thaw: () => signalAll("SIGCONT"),
    stop,
    start,
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
