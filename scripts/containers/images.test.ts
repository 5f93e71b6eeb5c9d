// Container acceptance, the images (issue 6): Docker and the base images are there, each image builds from a clean
// layer cache in under 5 min and again after a one-line change in under 60 s (builds done once by global-setup.ts),
// sits on node:26-slim under 60 MB above it and 500 MB in all, runs as a non-root user, and carries no secret.
import { afterAll, describe, expect, inject, it } from "vitest";
import {
  assert,
  BASE_IMAGE,
  docker,
  inspectImage,
  LIMIT_ABOVE_BASE,
  LIMIT_CLEAN_BUILD_MS,
  LIMIT_REBUILD_MS,
  LIMIT_TOTAL,
  MB,
  REUSE,
  secretFindings,
  TAG,
} from "./harness";
import { built, printTable } from "./images";

const { ws, preparation } = inject("containers");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

afterAll(() => printTable(preparation.reports));

describe("docker", () => {
  it("has an engine and compose available", () => {
    expect(preparation.docker.ok ? "" : preparation.docker.error).toBe("");
  });
  it(`has the base images ${BASE_IMAGE} and postgres:17`, () => {
    const base = preparation.baseImages;
    expect(base ? (base.ok ? "" : base.error) : "not tried: no Docker engine").toBe("");
  });
});

describe.each(preparation.reports.map((report) => [report.service, report] as const))("todo-%s", (_, report) => {
  const ref = `todo-${report.service}:${TAG}`;

  it.skipIf(REUSE)("builds from a clean cache in under 5 min", () => {
    const clean = report.clean;
    assert(clean, "not built: Docker or the base images are missing");
    assert(!clean.error, `build failed after ${seconds(clean.ms)} (log: ${clean.log}):\n${clean.error}`);
    expect(clean.ms, seconds(clean.ms)).toBeLessThan(LIMIT_CLEAN_BUILD_MS);
  });

  it.skipIf(REUSE)("rebuilds after a one-line change in under 60 s", () => {
    const rebuild = report.rebuild;
    assert(rebuild, "not rebuilt: the clean build did not succeed");
    assert(!rebuild.error, `rebuild failed (log: ${rebuild.log}):\n${rebuild.error}`);
    expect(rebuild.ms, seconds(rebuild.ms)).toBeLessThan(LIMIT_REBUILD_MS);
  });

  const image = async () => {
    assert(built(report), `${ref} was not built`);
    return inspectImage(ref);
  };

  it(`is built on ${BASE_IMAGE}, under 60 MB above it and 500 MB in all`, async () => {
    const [img, base] = [await image(), await inspectImage(BASE_IMAGE)];
    const layers = img.RootFS.Layers ?? [];
    const baseLayers = base.RootFS.Layers ?? [];
    expect(layers.slice(0, baseLayers.length), `its first layers are not those of ${BASE_IMAGE}`).toEqual(baseLayers);
    report.size = img.Size;
    report.aboveBase = img.Size - base.Size;
    const detail = `+${(report.aboveBase / MB).toFixed(1)} MB in ${layers.length - baseLayers.length} layers, ${(img.Size / MB).toFixed(1)} MB total`;
    expect(report.aboveBase, detail).toBeLessThan(LIMIT_ABOVE_BASE);
    expect(img.Size, detail).toBeLessThan(LIMIT_TOTAL);
  });

  it("runs as a non-root user", async () => {
    const user = (await image()).Config.User ?? "";
    expect(user && !/^(0|root)(:|$)/.test(user), `USER is "${user || "(unset: root)"}"`).toBe(true);
    const id = await docker(["run", "--rm", "--network", "none", "--entrypoint", "id", ref, "-u"]);
    expect(id.stdout.trim(), "id -u in the container").not.toBe("0");
  });

  it("has EXPOSE, HEALTHCHECK and an exec-form CMD", async () => {
    const { Config } = await image();
    const port = { backend: "8000/tcp", "mcp-server": "8080/tcp", frontend: "3000/tcp" }[report.service];
    expect(Config.ExposedPorts?.[port], `does not expose ${port}`).toBeDefined();
    expect(["CMD", "CMD-SHELL"], "no HEALTHCHECK").toContain(Config.Healthcheck?.Test?.[0]);
    const cmd = Config.Cmd ?? [];
    expect(cmd[0], `CMD ${JSON.stringify(cmd)}`).toBe("node");
    expect(cmd).not.toContain("/bin/sh");
  });

  it("has no secret in docker history or docker inspect", async () => {
    await image();
    const history = await docker(["history", "--no-trunc", "--format", "{{.CreatedBy}}", ref]);
    const inspect = await docker(["image", "inspect", ref]);
    const known = Object.values(ws.secrets);
    expect([
      ...secretFindings(history.stdout, known).map((f) => `history: ${f}`),
      ...secretFindings(inspect.stdout, known).map((f) => `inspect: ${f}`),
    ]).toEqual([]);
  });

  it("has no .env, .npmrc, key or certificate file in /app", async () => {
    await image();
    const find = await docker([
      "run",
      "--rm",
      "--network",
      "none",
      "--entrypoint",
      "find",
      ref,
      "/app",
      "(",
      "-name",
      ".env*",
      "-o",
      "-name",
      ".npmrc",
      "-o",
      "-name",
      "*.pem",
      "-o",
      "-name",
      "*.key",
      ")",
    ]);
    expect(find.stdout.trim()).toBe("");
  });
});
