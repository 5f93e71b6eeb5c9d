// Embedded mode: one process per DATA_DIR (issue 11.5). PGlite has no lock of its own, and two processes on one
// directory both acknowledged writes that were gone on reopen. proper-lockfile holds a lock directory whose mtime
// the holder refreshes; a lock left by a crashed process (kill -9) goes stale and is taken over.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import lockfile from "proper-lockfile";

const STALE_MS = 10_000;
const UPDATE_MS = 2_000;
/** A lock refreshed this recently has a live holder: refuse at once instead of waiting for it to go stale. */
const FRESH_MS = 2 * UPDATE_MS + 1_000;

export class DataDirInUseError extends Error {
  readonly code = "DATA_DIR_IN_USE";
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

function readOwner(dataDir: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(dataDir, ".lock-owner"), "utf8")) as LockOwner;
    return typeof owner.pid === "number" && typeof owner.host === "string" ? owner : undefined;
  } catch {
    return undefined;
  }
}

function describeOwner(owner: LockOwner | undefined): string {
  return owner ? `process ${owner.pid} on ${owner.host}, since ${owner.since}` : "another process";
}

/**
 * false only when the holder is known to be gone: a process on this host whose pid no longer runs (a kill -9,
 * a crash), or this very pid (a container restarted with the same hostname, where the new process has the old one's
 * pid). Any other holder, or one on another host, counts as alive and only a stale lock says otherwise.
 */
function holderMayBeAlive(owner: LockOwner | undefined): boolean {
  if (!owner || owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
  return !isZombie(owner.pid);
}

/** A killed process whose parent has not reaped it yet still answers signal 0, but it holds nothing. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return /^[ZX]$/.test(stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3));
  } catch {
    return false; // no /proc (not Linux): trust the signal
  }
}

function lockAge(lockPath: string): number {
  try {
    return Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY; // gone meanwhile
  }
}

/** Takes the DATA_DIR lock or throws DataDirInUseError; resolves to the release function. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = join(dataDir, ".lock");
  const options = {
    stale: STALE_MS,
    update: UPDATE_MS,
    lockfilePath: lockPath,
    onCompromised: (error: Error) => {
      // Someone else took the directory over (or this process stalled past the stale limit): writing on would
      // corrupt it, so stop the process loudly.
      throw new DataDirInUseError(`Lost the lock on DATA_DIR ${dataDir}: ${error.message}`);
    },
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    const age = lockAge(lockPath);
    if (age < FRESH_MS && holderMayBeAlive(readOwner(dataDir))) throw inUse(dataDir);
    // Left by a crash (its process is gone, or it has not refreshed the lock): wait until it is stale for certain,
    // then take it over — or find it refreshed by a live holder after all, and refuse.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, STALE_MS - age) + 500));
    try {
      release = await lockfile.lock(dataDir, options);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === "ELOCKED") throw inUse(dataDir);
      throw again;
    }
  }
  const since = new Date().toISOString();
  writeFileSync(join(dataDir, ".lock-owner"), JSON.stringify({ pid: process.pid, host: hostname(), since }));
  return release;
}

function inUse(dataDir: string): DataDirInUseError {
  return new DataDirInUseError(
    `DATA_DIR ${dataDir} is in use by ${describeOwner(readOwner(dataDir))}: only one process may open the embedded database. ` +
      "Stop that process, use DATABASE_URL, or point DATA_DIR somewhere else.",
  );
}
