import { describe, expect, it } from "vitest";
import { APP_UID, MIGRATION, WORKLOADS } from "./contract";
import {
  checkContract,
  checkHardening,
  checkLabels,
  checkNamespace,
  checkProbesAndResources,
  checkRestrictedProfile,
  checkSecretsByReference,
  podTemplates,
} from "./policies";
import { renderOverlay } from "./render";

describe.each(["minikube", "production"] as const)("%s overlay policies", (overlay) => {
  const { objects } = renderOverlay(overlay);
  const templates = podTemplates(objects);
  const appOwners = new Set([...WORKLOADS.map((w) => `Deployment/${w.name}`), `Job/${MIGRATION.job}`]);

  it("has a pod template for every service and the migration", () => {
    for (const owner of appOwners) expect(templates.map((t) => t.owner)).toContain(owner);
  });

  it.each(templates.map((t) => [t.owner, t] as const))("%s meets the restricted Pod Security Standard", (_, t) => {
    expect(checkRestrictedProfile(t)).toEqual([]);
  });

  it.each(templates.map((t) => [t.owner, t] as const))(
    "%s sets both security contexts and a read-only root filesystem",
    (owner, t) => {
      expect(checkHardening(t, appOwners.has(owner) ? APP_UID : undefined)).toEqual([]);
    },
  );

  it.each(templates.map((t) => [t.owner, t] as const))("%s has probes, requests and limits", (_, t) => {
    expect(checkProbesAndResources(t)).toEqual([]);
  });

  it("labels every object with app.kubernetes.io/* and wires every Service to pods", () => {
    expect(checkLabels(objects)).toEqual([]);
  });

  it("matches the images, ports, probe paths and environment of the contract", () => {
    expect(checkContract(objects)).toEqual([]);
  });

  it("passes credentials only by reference to todo-secrets", () => {
    expect(checkSecretsByReference(objects)).toEqual([]);
  });

  it("keeps everything in a namespace that enforces the restricted profile", () => {
    expect(checkNamespace(objects)).toEqual([]);
  });
});
