// Evaluates the NetworkPolicies the way the API defines them and lists every flow they allow, so a test can
// compare the result with the intended architecture exactly: a missing policy shows up as an unexpected flow,
// a broken one as a missing flow. Flows are strings such as "frontend -> backend:8000/TCP"; peers outside the
// namespace are named by their selector ("namespace[kubernetes.io/metadata.name=kube-system] pod[k8s-app=kube-dns]")
// or address block ("cidr[0.0.0.0/0]"); "*" means anything.
import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { INamespace } from "kubernetes-models/v1/Namespace";
import { NAMESPACE } from "./contract";
import { type LabelSelector, matchesSelector, ofKind, podTemplates } from "./policies";
import type { K8sObject } from "./render";

type PolicySpec = NonNullable<INetworkPolicy["spec"]>;
type Rule = { peers: Peer[] | undefined; ports: RulePort[] | undefined };
type Peer = NonNullable<NonNullable<PolicySpec["ingress"]>[number]["from"]>[number];
type RulePort = NonNullable<NonNullable<PolicySpec["ingress"]>[number]["ports"]>[number];
type Direction = "Ingress" | "Egress";

interface Endpoint {
  name: string;
  labels: Record<string, string>;
  ports: { name?: string; port: number; protocol: string }[];
}

function formatSelector(selector: LabelSelector | undefined): string {
  const parts = [
    ...Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(selector?.matchExpressions ?? []).map((e) => `${e.key} ${e.operator} (${(e.values ?? []).join("|")})`),
  ].sort();
  return parts.length > 0 ? parts.join(",") : "*";
}

function describePeer(peer: Peer): string {
  if (peer.ipBlock) {
    const except = peer.ipBlock.except?.length ? ` except ${peer.ipBlock.except.join(",")}` : "";
    return `cidr[${peer.ipBlock.cidr}${except}]`;
  }
  const ns = `namespace[${formatSelector(peer.namespaceSelector)}]`;
  return peer.podSelector ? `${ns} pod[${formatSelector(peer.podSelector)}]` : ns;
}

function policyTypes(spec: PolicySpec): Direction[] {
  if (spec.policyTypes?.length) return spec.policyTypes as Direction[];
  return spec.egress ? ["Ingress", "Egress"] : ["Ingress"];
}

function rulesOf(spec: PolicySpec, direction: Direction): Rule[] {
  if (direction === "Ingress") return (spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }));
  return (spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
}

function portMatches(rulePorts: RulePort[] | undefined, port: Endpoint["ports"][number]): boolean {
  if (!rulePorts || rulePorts.length === 0) return true;
  return rulePorts.some((rp) => {
    if ((rp.protocol ?? "TCP") !== port.protocol) return false;
    if (rp.port === undefined) return true;
    if (typeof rp.port === "string") return rp.port === port.name;
    if (rp.endPort !== undefined) return port.port >= rp.port && port.port <= rp.endPort;
    return rp.port === port.port;
  });
}

export function computeFlows(objects: K8sObject[]): string[] {
  const namespace = ofKind<INamespace>(objects, "Namespace").find((n) => n.metadata?.name === NAMESPACE);
  // The API server adds this label to every namespace.
  const namespaceLabels = { ...(namespace?.metadata?.labels ?? {}), "kubernetes.io/metadata.name": NAMESPACE };
  // A policy without a spec selects nothing; the schema pass reports it.
  const policies = ofKind<INetworkPolicy>(objects, "NetworkPolicy").flatMap((p) => (p.spec ? [p.spec] : []));
  const endpoints: Endpoint[] = podTemplates(objects).map((t) => ({
    name: t.name,
    labels: t.labels,
    ports: t.spec.containers.flatMap((c) =>
      (c.ports ?? []).map((p) => ({ name: p.name, port: p.containerPort, protocol: p.protocol ?? "TCP" })),
    ),
  }));

  const selecting = (ep: Endpoint, direction: Direction) =>
    policies.filter((p) => matchesSelector(p.podSelector, ep.labels) && policyTypes(p).includes(direction));
  /** Peers that can denote pods of this namespace; a namespaceSelector reaching elsewhere is external too. */
  const matchesLocal = (peer: Peer, ep: Endpoint) =>
    !peer.ipBlock &&
    (!peer.namespaceSelector || matchesSelector(peer.namespaceSelector, namespaceLabels)) &&
    matchesSelector(peer.podSelector, ep.labels);
  const isExternal = (peer: Peer) => Boolean(peer.ipBlock || peer.namespaceSelector);
  const allowed = (
    ep: Endpoint,
    direction: Direction,
    peerMatches: (peer: Peer) => boolean,
    port: Endpoint["ports"][number],
  ) => {
    const applicable = selecting(ep, direction);
    if (applicable.length === 0) return true;
    return applicable.some((spec) =>
      rulesOf(spec, direction).some(
        (rule) =>
          (!rule.peers || rule.peers.length === 0 || rule.peers.some(peerMatches)) && portMatches(rule.ports, port),
      ),
    );
  };
  const describePorts = (rulePorts: RulePort[] | undefined, target?: Endpoint) => {
    if (!rulePorts || rulePorts.length === 0)
      return target ? target.ports.map((p) => `${p.port}/${p.protocol}`) : ["*"];
    return rulePorts.map((rp) => {
      const named = typeof rp.port === "string" ? target?.ports.find((p) => p.name === rp.port)?.port : undefined;
      const range = rp.endPort !== undefined ? `-${rp.endPort}` : "";
      return `${named ?? rp.port ?? "*"}${range}/${rp.protocol ?? "TCP"}`;
    });
  };

  const flows = new Set<string>();
  for (const src of endpoints)
    for (const dst of endpoints)
      for (const port of dst.ports)
        if (
          allowed(src, "Egress", (peer) => matchesLocal(peer, dst), port) &&
          allowed(dst, "Ingress", (peer) => matchesLocal(peer, src), port)
        )
          flows.add(`${src.name} -> ${dst.name}:${port.port}/${port.protocol}`);

  for (const ep of endpoints) {
    const egress = selecting(ep, "Egress");
    if (egress.length === 0) flows.add(`${ep.name} -> *:*`);
    for (const rule of egress.flatMap((spec) => rulesOf(spec, "Egress"))) {
      const targets = !rule.peers || rule.peers.length === 0 ? ["*"] : rule.peers.filter(isExternal).map(describePeer);
      for (const target of targets)
        for (const port of describePorts(rule.ports)) flows.add(`${ep.name} -> ${target}:${port}`);
    }
    const ingress = selecting(ep, "Ingress");
    if (ingress.length === 0) flows.add(`* -> ${ep.name}:*`);
    for (const rule of ingress.flatMap((spec) => rulesOf(spec, "Ingress"))) {
      const sources = !rule.peers || rule.peers.length === 0 ? ["*"] : rule.peers.filter(isExternal).map(describePeer);
      for (const source of sources)
        for (const port of describePorts(rule.ports, ep)) flows.add(`${source} -> ${ep.name}:${port}`);
    }
  }
  return [...flows].sort();
}

/** Differences between the allowed flows and the intended ones, plus policies that select nothing. */
export function checkNetworkFlows(objects: K8sObject[], expected: readonly string[]): string[] {
  const actual = computeFlows(objects);
  const v = [
    ...expected.filter((f) => !actual.includes(f)).map((f) => `missing flow: ${f}`),
    ...actual.filter((f) => !expected.includes(f)).map((f) => `unexpected flow: ${f}`),
  ];
  const templates = podTemplates(objects);
  for (const policy of ofKind<INetworkPolicy>(objects, "NetworkPolicy")) {
    const selector = policy.spec?.podSelector;
    if (!templates.some((t) => matchesSelector(selector, t.labels)))
      v.push(`NetworkPolicy/${policy.metadata?.name}: selects no pods`);
  }
  return v;
}
