import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IService } from "kubernetes-models/v1/Service";
import { describe, expect, it } from "vitest";
import { checkMinikube, findObject, ofKind } from "./policies";
import { renderOverlay } from "./render";

describe("minikube overlay", () => {
  const { objects } = renderOverlay("minikube");

  it("runs one replica of each service, local images and a bundled Postgres with a claim", () => {
    expect(checkMinikube(objects)).toEqual([]);
  });

  it("exposes the UI on the NodePort the runbook names", () => {
    const frontend = findObject<IService>(objects, "Service", "frontend");
    expect(frontend?.spec?.ports?.[0]?.nodePort).toBe(30300);
  });

  it("trusts the origins the runbook opens the app at", () => {
    const data = ofKind<IConfigMap>(objects, "ConfigMap")[0]?.data ?? {};
    const origins = (data.TRUSTED_ORIGINS ?? "").split(",");
    expect(origins).toContain(data.BETTER_AUTH_URL);
    expect(origins).toContain("http://localhost:3000");
  });

  it("ships no NetworkPolicy, HPA or Ingress (production concerns)", () => {
    const kinds = new Set(objects.map((o) => o.kind));
    for (const kind of ["NetworkPolicy", "HorizontalPodAutoscaler", "Ingress", "PodDisruptionBudget"])
      expect(kinds.has(kind)).toBe(false);
  });
});
