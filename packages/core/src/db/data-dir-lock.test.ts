// The DATA_DIR lock with a real second process as the holder: refused at once while the holder lives, taken over
// once it is killed with -9 (its pid gone, its lock still fresh), without waiting for a start-up to give up.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir } from "./data-dir-lock";

const TSX = join(import.meta.dirname, "..", "..", "..", "..", "node_modules", ".bin", "tsx");
const HOLDER = `
import(${JSON.stringify(join(import.meta.dirname, "data-dir-lock.ts"))})
  .then((lock) => lock.lockDataDir(process.argv[1]))
  .then(() => console.log("locked"));
setInterval(() => {}, 1000);
`;

function startHolder(dataDir: string): Promise<ChildProcess> {
  const child = spawn(TSX, ["--eval", HOLDER, dataDir], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => d.toString().includes("locked") && resolve(child));
    child.once("exit", (code) => reject(new Error(`the holder exited (${code}) before it took the lock`)));
  });
}

describe("the DATA_DIR lock", () => {
  let dataDir: string;
  let holder: ChildProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "todo-lock-"));
    holder = await startHolder(dataDir);
  });
  afterAll(() => {
    holder?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is refused at once, naming the holder, while the holder runs", async () => {
    const started = Date.now();
    const error = await lockDataDir(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toMatch(/in use by process \d+ on /);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("is taken over after the holder is killed with -9, although its lock was refreshed a moment ago", async () => {
    const { pid } = JSON.parse(readFileSync(join(dataDir, ".lock-owner"), "utf8")) as { pid: number };
    const exited = new Promise((resolve) => holder.once("exit", resolve));
    process.kill(pid, "SIGKILL"); // the process that holds the lock (tsx's inner node process)
    holder.kill("SIGKILL");
    await exited;
    const release = await lockDataDir(dataDir);
    await release();
  }, 30_000);
});
