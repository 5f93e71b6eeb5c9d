// Docker, base images and the three image builds (clean, then after a one-line change), done once per run by
// global-setup.ts. Nothing here asserts: the outcome of each step is recorded and images.test.ts judges it.
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import {
  BASE_IMAGE,
  COLD,
  DOCKER_SCRIPTS,
  dockerApi,
  inspectImage,
  log,
  MB,
  must,
  PROBE_FILES,
  REUSE,
  run,
  SERVICES,
  type Service,
  TAG,
  tail,
} from "./harness";
import type { Workspace } from "./workspace";

/** One step's outcome: what it printed, or why it failed. */
export type Outcome = { ok: true; detail: string } | { ok: false; error: string };

async function outcome(fn: () => Promise<string>): Promise<Outcome> {
  try {
    return { ok: true, detail: await fn() };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export interface BuildResult {
  ms: number;
  /** The end of the build log when it failed. */
  error?: string;
  log: string;
}

export interface ImageReport {
  service: Service;
  reused: boolean;
  clean?: BuildResult;
  rebuild?: BuildResult;
  size?: number;
  aboveBase?: number;
}

export interface Preparation {
  docker: Outcome;
  baseImages?: Outcome;
  reports: ImageReport[];
}

export function built(report: ImageReport): boolean {
  return (
    report.reused || (report.clean?.error === undefined && report.rebuild?.error === undefined && !!report.rebuild)
  );
}

async function buildImage(ws: Workspace, service: Service, phase: "clean" | "rebuild"): Promise<BuildResult> {
  const logFile = join(ws.logs, `build-${service}-${phase}.log`);
  const args = [
    join(DOCKER_SCRIPTS, "docker-build.sh"),
    "--progress=plain",
    ...(phase === "clean" ? ["--no-cache"] : []),
    "--build-arg",
    `NODE_IMAGE=${BASE_IMAGE}`,
    "-f",
    `${service}/Dockerfile`,
    "-t",
    `todo-${service}:${TAG}`,
    ".",
  ];
  const res = await run("bash", args, { cwd: ws.snapshot, timeoutMs: 15 * 60_000, logFile });
  return { ms: res.ms, log: logFile, ...(res.code === 0 ? {} : { error: tail(res.stdout + res.stderr, 30) }) };
}

interface BuildCacheRecord {
  ID: string;
  Type: string;
  Description: string;
  InUse: boolean;
}

/** Empties BuildKit cache mounts: always Next.js's build cache; with CONTAINERS_TEST_COLD=1 every one (npm too). */
async function emptyCacheMounts() {
  const df = await dockerApi<{ BuildCache?: BuildCacheRecord[] }>("/system/df");
  const mounts = (df.BuildCache ?? []).filter(
    (c) => c.Type === "exec.cachemount" && (COLD || c.Description.includes("/.next/cache")),
  );
  for (const mount of mounts) await run("docker", ["builder", "prune", "-f", "--filter", `id=${mount.ID}`]);
  return mounts.length;
}

/** Docker, base images, then each image from a clean cache and again after a one-line change in the snapshot. */
export async function prepareImages(ws: Workspace): Promise<Preparation> {
  const reports: ImageReport[] = SERVICES.map((service) => ({ service, reused: REUSE }));
  log("ensuring Docker (scripts/docker/ensure-docker.sh)");
  const docker = await outcome(async () => {
    const res = await must("bash", [join(DOCKER_SCRIPTS, "ensure-docker.sh")], { timeoutMs: 600_000 });
    return tail(res.stderr, 1).replace(/^==> /, "");
  });
  if (!docker.ok) return { docker, reports };
  log("base images (scripts/docker/build-base-images.sh; skips the ones present)");
  const baseImages = await outcome(async () => {
    const res = await must("bash", [join(DOCKER_SCRIPTS, "build-base-images.sh")], {
      timeoutMs: 1_200_000,
      logFile: join(ws.logs, "base-images.log"),
    });
    await inspectImage(BASE_IMAGE);
    await inspectImage("postgres:17");
    return tail(res.stderr, 1).replace(/^==> /, "");
  });
  if (!baseImages.ok || REUSE) {
    if (REUSE) log(`CONTAINERS_TEST_REUSE=1: using the existing todo-*:${TAG} images, no build timings`);
    return { docker, baseImages, reports };
  }
  const emptied = await emptyCacheMounts();
  log(
    `clean builds (--no-cache; ${emptied} build-cache mount(s) emptied${COLD ? ", npm cache included" : ", npm download cache kept"})`,
  );
  for (const report of reports) {
    log(`building todo-${report.service} from a clean cache`);
    report.clean = await buildImage(ws, report.service, "clean");
  }
  for (const report of reports) {
    if (report.clean?.error) continue;
    const file = join(ws.snapshot, PROBE_FILES[report.service]);
    appendFileSync(file, `// containers test: one-line change ${Date.now()}\n`);
    log(`rebuilding todo-${report.service} after a one-line change in ${PROBE_FILES[report.service]} (snapshot only)`);
    report.rebuild = await buildImage(ws, report.service, "rebuild");
  }
  return { docker, baseImages, reports };
}

export function printTable(reports: ImageReport[]) {
  const rows = [
    ["image", "base", "above base", "total", "clean build", "rebuild (1-line change)"],
    ...reports.map((r) => {
      const mb = (n?: number) => (n === undefined ? "—" : `${(n / MB).toFixed(1)} MB`);
      const s = (b?: BuildResult) => (b === undefined ? "—" : b.error ? "FAILED" : `${(b.ms / 1000).toFixed(1)} s`);
      return [`todo-${r.service}`, BASE_IMAGE, mb(r.aboveBase), mb(r.size), s(r.clean), s(r.rebuild)];
    }),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(
    [
      "",
      line(rows[0] ?? []),
      `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
      ...rows.slice(1).map(line),
      `limits: clean build < 5 min, rebuild < 60 s, above base < 60 MB, total < 500 MB. "above base" is what ` +
        `the project adds; the ${BASE_IMAGE} layers are shared by the three images.`,
      "",
    ].join("\n"),
  );
}
