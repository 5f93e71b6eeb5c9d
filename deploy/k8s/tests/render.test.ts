import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { K8S_DIR, renderOverlay } from "./render";

describe("kustomize rendering", () => {
  it.each(["base", "minikube", "production"] as const)("renders %s without errors or deprecation warnings", (name) => {
    const { objects, warnings } = renderOverlay(name);
    expect(objects.length).toBeGreaterThan(0);
    expect(warnings).toBe("");
  });

  it.each(["minikube", "production"] as const)("gives every object in %s a unique kind and name", (name) => {
    const keys = renderOverlay(name).objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps secret.example.yaml out of every kustomization", () => {
    for (const dir of ["base", "overlays/minikube", "overlays/production"]) {
      const kustomization = parse(readFileSync(join(K8S_DIR, dir, "kustomization.yaml"), "utf8")) as {
        resources?: string[];
      };
      expect(kustomization.resources ?? []).not.toContainEqual(expect.stringContaining("secret"));
    }
  });
});
