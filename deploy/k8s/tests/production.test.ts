import type { IIngress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { describe, expect, it } from "vitest";
import { PRODUCTION_FLOWS } from "./contract";
import { checkNetworkFlows, computeFlows } from "./network-flows";
import { checkAll, checkProduction, ofKind } from "./policies";
import { renderComposition, renderOverlay } from "./render";

describe("production overlay", () => {
  const { objects } = renderOverlay("production");

  it("has 2+ replicas, an HPA and a PDB per Deployment, topology spread, TLS ingress and no bundled database", () => {
    expect(checkProduction(objects)).toEqual([]);
  });

  it("allows exactly the intended network flows", () => {
    expect(checkNetworkFlows(objects, PRODUCTION_FLOWS)).toEqual([]);
  });

  it("routes the MCP endpoint and its OAuth resource metadata to the MCP server and everything else to the UI", () => {
    const paths = ofKind<IIngress>(objects, "Ingress").flatMap((i) => i.spec?.rules?.[0]?.http?.paths ?? []);
    expect(paths.map((p) => [p.path, p.pathType, p.backend.service?.name])).toEqual([
      ["/mcp", "Exact", "mcp-server"],
      ["/.well-known/oauth-protected-resource", "Prefix", "mcp-server"],
      ["/", "Prefix", "frontend"],
    ]);
  });
});

describe("production with the llm-egress component", () => {
  const { objects } = renderComposition(["overlays/production"], ["components/llm-egress"]);

  it("adds only HTTPS from the backend to public addresses", () => {
    const added = computeFlows(objects).filter((f) => !PRODUCTION_FLOWS.includes(f));
    expect(added).toEqual([
      "backend -> cidr[0.0.0.0/0 except 10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,169.254.0.0/16]:443/TCP",
    ]);
  });

  it("still passes every other policy", () => {
    expect([...checkAll(objects), ...checkProduction(objects)]).toEqual([]);
  });
});
