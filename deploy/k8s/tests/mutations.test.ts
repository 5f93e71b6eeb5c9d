// Proves the checks can fail: each case takes the rendered manifests, removes or weakens one required thing and
// expects the responsible check to report it. A check that passes both before and after would be a defect.
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import { describe, expect, it } from "vitest";
import { APP_UID, MIGRATION, PRODUCTION_FLOWS, WORKLOADS } from "./contract";
import { checkNetworkFlows } from "./network-flows";
import {
  checkContract,
  checkHardening,
  checkLabels,
  checkMinikube,
  checkNamespace,
  checkProbesAndResources,
  checkProduction,
  checkRestrictedProfile,
  checkSecretsByReference,
  podTemplates,
} from "./policies";
import { type K8sObject, type OverlayName, renderOverlay } from "./render";
import { findUnknownFields, validateObject } from "./schema";

type Check = (objects: K8sObject[]) => string[];

const appOwners = new Set([...WORKLOADS.map((w) => `Deployment/${w.name}`), `Job/${MIGRATION.job}`]);
const checks = {
  restricted: (o) => podTemplates(o).flatMap((t) => checkRestrictedProfile(t)),
  hardening: (o) => podTemplates(o).flatMap((t) => checkHardening(t, appOwners.has(t.owner) ? APP_UID : undefined)),
  probesAndResources: (o) => podTemplates(o).flatMap((t) => checkProbesAndResources(t)),
  labels: checkLabels,
  contract: checkContract,
  secrets: checkSecretsByReference,
  namespace: checkNamespace,
  minikube: checkMinikube,
  production: checkProduction,
  flows: (o) => checkNetworkFlows(o, PRODUCTION_FLOWS),
  schema: (o) => o.flatMap(validateObject),
  unknownFields: findUnknownFields,
} satisfies Record<string, Check>;

// ---------------------------------------------------------------------------------------------------------------
// Helpers that reach into rendered objects; they throw when the target is missing so a case cannot silently
// mutate nothing.

// biome-ignore lint/suspicious/noExplicitAny: the cases reach arbitrary paths of objects the schema pass already typed.
function get(objects: K8sObject[], kind: string, name: string): K8sObject & Record<string, any> {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} is not in the rendered manifests`);
  return found;
}

function podSpec(objects: K8sObject[], kind: string, name: string): IPodSpec {
  return get(objects, kind, name).spec.template.spec;
}

function container(objects: K8sObject[], kind: string, name: string): IContainer {
  return podSpec(objects, kind, name).containers[0] as IContainer;
}

function remove(objects: K8sObject[], kind: string, name: string): K8sObject[] {
  get(objects, kind, name);
  return objects.filter((o) => !(o.kind === kind && o.metadata.name === name));
}

interface Mutation {
  overlay: OverlayName;
  check: keyof typeof checks;
  /** Mutates in place, or returns a new list when objects are added or removed. */
  mutate: (objects: K8sObject[]) => K8sObject[] | undefined;
  expected: RegExp;
}

const cases: Record<string, Mutation> = {
  // Probes and resources
  "drops the backend readiness probe": {
    overlay: "production",
    check: "probesAndResources",
    mutate: (o) => void delete container(o, "Deployment", "backend").readinessProbe,
    expected: /Deployment\/backend container backend: readinessProbe is missing/,
  },
  "drops the frontend startup probe": {
    overlay: "minikube",
    check: "probesAndResources",
    mutate: (o) => void delete container(o, "Deployment", "frontend").startupProbe,
    expected: /frontend: startupProbe is missing/,
  },
  "drops the Postgres liveness probe": {
    overlay: "minikube",
    check: "probesAndResources",
    mutate: (o) => void delete container(o, "StatefulSet", "postgres").livenessProbe,
    expected: /StatefulSet\/postgres container postgres: livenessProbe is missing/,
  },
  "probes a port the mcp-server does not declare": {
    overlay: "production",
    check: "probesAndResources",
    mutate: (o) => {
      container(o, "Deployment", "mcp-server").livenessProbe = { httpGet: { path: "/health", port: 9999 } };
      return undefined;
    },
    expected: /mcp-server: livenessProbe targets a port the container does not declare/,
  },
  "removes the backend memory limit": {
    overlay: "production",
    check: "probesAndResources",
    mutate: (o) => void delete container(o, "Deployment", "backend").resources?.limits?.memory,
    expected: /backend: resources.limits.memory is missing/,
  },
  "removes the migration Job's CPU request": {
    overlay: "minikube",
    check: "probesAndResources",
    mutate: (o) => void delete container(o, "Job", "backend-migrate").resources?.requests?.cpu,
    expected: /Job\/backend-migrate container migrate: resources.requests.cpu is missing/,
  },
  "requests more memory than the limit allows": {
    overlay: "production",
    check: "probesAndResources",
    mutate: (o) => {
      const resources = container(o, "Deployment", "frontend").resources as { requests: Record<string, string> };
      resources.requests.memory = "2Gi";
      return undefined;
    },
    expected: /frontend: memory request 2Gi exceeds its limit/,
  },

  // Pod Security Standard "restricted"
  "sets runAsNonRoot false on a container": {
    overlay: "production",
    check: "restricted",
    mutate: (o) => {
      container(o, "Deployment", "backend").securityContext!.runAsNonRoot = false;
      return undefined;
    },
    expected: /backend: runAsNonRoot must not be false/,
  },
  "drops runAsNonRoot from both the pod and the container": {
    overlay: "minikube",
    check: "restricted",
    mutate: (o) => {
      delete podSpec(o, "StatefulSet", "postgres").securityContext!.runAsNonRoot;
      delete container(o, "StatefulSet", "postgres").securityContext!.runAsNonRoot;
      return undefined;
    },
    expected: /postgres: runAsNonRoot must be true on the pod or the container/,
  },
  "allows privilege escalation": {
    overlay: "production",
    check: "restricted",
    mutate: (o) => {
      container(o, "Deployment", "frontend").securityContext!.allowPrivilegeEscalation = true;
      return undefined;
    },
    expected: /frontend: allowPrivilegeEscalation must be false/,
  },
  "stops dropping ALL capabilities": {
    overlay: "production",
    check: "restricted",
    mutate: (o) => void delete container(o, "Deployment", "mcp-server").securityContext!.capabilities,
    expected: /mcp-server: capabilities must drop ALL/,
  },
  "adds the NET_ADMIN capability": {
    overlay: "minikube",
    check: "restricted",
    mutate: (o) => {
      container(o, "Deployment", "backend").securityContext!.capabilities!.add = ["NET_ADMIN"];
      return undefined;
    },
    expected: /capability NET_ADMIN may not be added/,
  },
  "removes the pod seccomp profile": {
    overlay: "production",
    check: "restricted",
    mutate: (o) => void delete podSpec(o, "Job", "backend-migrate").securityContext!.seccompProfile,
    expected: /Job\/backend-migrate container migrate: seccompProfile must be set on the pod or the container/,
  },
  "sets a container seccomp profile to Unconfined": {
    overlay: "production",
    check: "restricted",
    mutate: (o) => {
      container(o, "Deployment", "backend").securityContext!.seccompProfile = { type: "Unconfined" };
      return undefined;
    },
    expected: /backend: seccompProfile must be RuntimeDefault or Localhost, not Unconfined/,
  },
  "runs a container privileged": {
    overlay: "minikube",
    check: "restricted",
    mutate: (o) => {
      container(o, "StatefulSet", "postgres").securityContext!.privileged = true;
      return undefined;
    },
    expected: /postgres: privileged must not be true/,
  },
  "mounts a hostPath volume": {
    overlay: "production",
    check: "restricted",
    mutate: (o) => {
      podSpec(o, "Deployment", "backend").volumes!.push({ name: "host", hostPath: { path: "/" } });
      return undefined;
    },
    expected: /volume host uses forbidden type hostPath/,
  },
  "joins the host network": {
    overlay: "production",
    check: "restricted",
    mutate: (o) => {
      podSpec(o, "Deployment", "frontend").hostNetwork = true;
      return undefined;
    },
    expected: /frontend: hostNetwork must not be true/,
  },
  "runs as root": {
    overlay: "production",
    check: "restricted",
    mutate: (o) => {
      podSpec(o, "Deployment", "mcp-server").securityContext!.runAsUser = 0;
      return undefined;
    },
    expected: /mcp-server: pod runAsUser must not be 0/,
  },
  "publishes a hostPort": {
    overlay: "minikube",
    check: "restricted",
    mutate: (o) => {
      container(o, "Deployment", "frontend").ports![0]!.hostPort = 3000;
      return undefined;
    },
    expected: /hostPort 3000 is forbidden/,
  },

  // Hardening beyond the standard
  "makes the root filesystem writable": {
    overlay: "production",
    check: "hardening",
    mutate: (o) => {
      container(o, "Deployment", "backend").securityContext!.readOnlyRootFilesystem = false;
      return undefined;
    },
    expected: /backend: readOnlyRootFilesystem must be true/,
  },
  "removes a container securityContext and relies on the pod's": {
    overlay: "minikube",
    check: "hardening",
    mutate: (o) => void delete container(o, "Deployment", "mcp-server").securityContext,
    expected: /mcp-server: container securityContext is missing/,
  },
  "removes the pod securityContext": {
    overlay: "production",
    check: "hardening",
    mutate: (o) => void delete podSpec(o, "Deployment", "frontend").securityContext,
    expected: /Deployment\/frontend: pod securityContext is missing/,
  },
  "runs the backend under a UID the image does not use": {
    overlay: "production",
    check: "hardening",
    mutate: (o) => {
      podSpec(o, "Deployment", "backend").securityContext!.runAsUser = 20000;
      return undefined;
    },
    expected: /Deployment\/backend: must run as 10001:10001/,
  },
  "removes the /tmp emptyDir": {
    overlay: "production",
    check: "hardening",
    mutate: (o) => {
      const c = container(o, "Deployment", "mcp-server");
      c.volumeMounts = (c.volumeMounts ?? []).filter((m) => m.mountPath !== "/tmp");
      return undefined;
    },
    expected: /mcp-server: \/tmp must be a writable emptyDir/,
  },
  "lets an emptyDir grow without a limit": {
    overlay: "minikube",
    check: "hardening",
    mutate: (o) => {
      const volume = podSpec(o, "Deployment", "frontend").volumes!.find((v) => v.name === "next-cache")!;
      volume.emptyDir = {};
      return undefined;
    },
    expected: /emptyDir next-cache needs a sizeLimit/,
  },
  "mounts the service account token": {
    overlay: "production",
    check: "hardening",
    mutate: (o) => {
      podSpec(o, "Deployment", "backend").automountServiceAccountToken = true;
      return undefined;
    },
    expected: /backend: automountServiceAccountToken must be false/,
  },

  // Labels and wiring
  "removes app.kubernetes.io/name from a Service": {
    overlay: "production",
    check: "labels",
    mutate: (o) => void delete get(o, "Service", "backend").metadata.labels!["app.kubernetes.io/name"],
    expected: /Service\/backend: label app.kubernetes.io\/name is missing/,
  },
  "removes app.kubernetes.io/component from a pod template": {
    overlay: "minikube",
    check: "labels",
    mutate: (o) =>
      void delete get(o, "Deployment", "frontend").spec.template.metadata.labels["app.kubernetes.io/component"],
    expected: /Deployment\/frontend: pod template label app.kubernetes.io\/component is missing/,
  },
  "points a Service selector at pods that do not exist": {
    overlay: "production",
    check: "labels",
    mutate: (o) => {
      get(o, "Service", "mcp-server").spec.selector["app.kubernetes.io/name"] = "mcp";
      return undefined;
    },
    expected: /Service\/mcp-server: selector matches no pod template/,
  },

  // Contract with the images and the design
  "moves the backend to port 8001": {
    overlay: "production",
    check: "contract",
    mutate: (o) => {
      container(o, "Deployment", "backend").ports![0]!.containerPort = 8001;
      return undefined;
    },
    expected: /backend: must expose exactly port 8000 named http/,
  },
  "points the backend readiness probe at /health": {
    overlay: "minikube",
    check: "contract",
    mutate: (o) => {
      container(o, "Deployment", "backend").readinessProbe!.httpGet!.path = "/health";
      return undefined;
    },
    expected: /backend: readinessProbe must be GET \/ready, got \/health/,
  },
  "probes the frontend on / instead of /healthz": {
    overlay: "production",
    check: "contract",
    mutate: (o) => {
      container(o, "Deployment", "frontend").livenessProbe!.httpGet!.path = "/";
      return undefined;
    },
    expected: /frontend: livenessProbe must be GET \/healthz/,
  },
  "uses another image for the mcp-server": {
    overlay: "production",
    check: "contract",
    mutate: (o) => {
      container(o, "Deployment", "mcp-server").image = "registry.example.com/todo/todo-mcp:0.1.0";
      return undefined;
    },
    expected: /mcp-server: image must be todo-mcp-server/,
  },
  "misspells BACKEND_URL": {
    overlay: "minikube",
    check: "contract",
    mutate: (o) => {
      container(o, "Deployment", "frontend").env!.find((e) => e.name === "BACKEND_URL")!.name = "BACKEND_ULR";
      return undefined;
    },
    expected: /frontend: env lacks BACKEND_URL/,
  },
  "points MCP_SERVER_URL at the wrong host": {
    overlay: "production",
    check: "contract",
    mutate: (o) => {
      const configMap = o.find((x) => x.kind === "ConfigMap") as K8sObject & { data: Record<string, string> };
      configMap.data.MCP_SERVER_URL = "http://mcp:8080";
      return undefined;
    },
    expected: /backend: MCP_SERVER_URL must be http:\/\/mcp-server:8080, got http:\/\/mcp:8080/,
  },
  "lets the backend migrate at start-up again": {
    overlay: "production",
    check: "contract",
    mutate: (o) => {
      const c = container(o, "Deployment", "backend");
      c.env = c.env!.filter((e) => e.name !== "MIGRATE_ON_START");
      return undefined;
    },
    expected: /backend: env lacks MIGRATE_ON_START/,
  },
  "deletes the migration Job": {
    overlay: "minikube",
    check: "contract",
    mutate: (o) => remove(o, "Job", "backend-migrate"),
    expected: /Job\/backend-migrate is missing/,
  },
  "runs the migration from a different backend image than the Deployment": {
    overlay: "production",
    check: "contract",
    mutate: (o) => {
      container(o, "Job", "backend-migrate").image = "registry.example.com/todo/todo-backend:0.0.9";
      return undefined;
    },
    expected: /must use the backend's exact image/,
  },
  "removes the writable Next.js cache": {
    overlay: "production",
    check: "contract",
    mutate: (o) => {
      const c = container(o, "Deployment", "frontend");
      c.volumeMounts = (c.volumeMounts ?? []).filter((m) => m.mountPath !== "/app/frontend/.next/cache");
      return undefined;
    },
    expected: /frontend: \/app\/frontend\/.next\/cache must be a writable emptyDir/,
  },

  // Secrets
  "puts DATABASE_URL in as a literal": {
    overlay: "production",
    check: "secrets",
    mutate: (o) => {
      const env = container(o, "Deployment", "mcp-server").env!.find((e) => e.name === "DATABASE_URL")!;
      env.value = "postgresql://todo:hunter2@db:5432/todo";
      delete env.valueFrom;
      return undefined;
    },
    expected: /mcp-server: DATABASE_URL must come from secretKeyRef todo-secrets\/DATABASE_URL/,
  },
  "adds a literal API token variable": {
    overlay: "minikube",
    check: "secrets",
    mutate: (o) => {
      container(o, "Deployment", "backend").env!.push({ name: "GITHUB_TOKEN", value: "ghp_x" });
      return undefined;
    },
    expected: /GITHUB_TOKEN must come from secretKeyRef/,
  },
  "puts a password into the ConfigMap": {
    overlay: "production",
    check: "secrets",
    mutate: (o) => {
      const configMap = o.find((x) => x.kind === "ConfigMap") as K8sObject & { data: Record<string, string> };
      configMap.data.POSTGRES_PASSWORD = "hunter2";
      return undefined;
    },
    expected: /ConfigMap\/todo-config-[a-z0-9]+: POSTGRES_PASSWORD belongs in the Secret/,
  },
  "renders a Secret with real values": {
    overlay: "minikube",
    check: "secrets",
    mutate: (o) => [
      ...o,
      { apiVersion: "v1", kind: "Secret", metadata: { name: "todo-secrets", namespace: "todo" }, stringData: {} },
    ],
    expected: /Secret\/todo-secrets: rendered manifests must not contain Secrets/,
  },

  // Namespace
  "stops enforcing the restricted profile on the namespace": {
    overlay: "production",
    check: "namespace",
    mutate: (o) => void delete get(o, "Namespace", "todo").metadata.labels!["pod-security.kubernetes.io/enforce"],
    expected: /Namespace\/todo: must enforce the restricted Pod Security Standard/,
  },
  "moves an object to the default namespace": {
    overlay: "minikube",
    check: "namespace",
    mutate: (o) => {
      get(o, "Service", "postgres").metadata.namespace = "default";
      return undefined;
    },
    expected: /Service\/postgres: must be in namespace todo/,
  },

  // Minikube
  "pulls the backend image from a registry in Minikube": {
    overlay: "minikube",
    check: "minikube",
    mutate: (o) => {
      container(o, "Deployment", "backend").imagePullPolicy = "IfNotPresent";
      return undefined;
    },
    expected: /backend: imagePullPolicy must be Never/,
  },
  "runs two frontend replicas in Minikube": {
    overlay: "minikube",
    check: "minikube",
    mutate: (o) => {
      get(o, "Deployment", "frontend").spec.replicas = 2;
      return undefined;
    },
    expected: /Deployment\/frontend: must run exactly 1 replica/,
  },
  "keeps Postgres data outside a claim": {
    overlay: "minikube",
    check: "minikube",
    mutate: (o) => void delete get(o, "StatefulSet", "postgres").spec.volumeClaimTemplates,
    expected: /StatefulSet\/postgres: needs a volumeClaimTemplate/,
  },
  "deletes the bundled Postgres": {
    overlay: "minikube",
    check: "minikube",
    mutate: (o) => remove(o, "StatefulSet", "postgres"),
    expected: /StatefulSet\/postgres is missing/,
  },
  "hides the UI behind a ClusterIP in Minikube": {
    overlay: "minikube",
    check: "minikube",
    mutate: (o) => {
      get(o, "Service", "frontend").spec.type = "ClusterIP";
      return undefined;
    },
    expected: /Service\/frontend: must be a NodePort/,
  },

  // Production
  "issues OAuth tokens for an MCP URL other than the public one": {
    overlay: "production",
    check: "production",
    mutate: (o) => {
      const configMap = o.find((x) => x.kind === "ConfigMap") as K8sObject & { data: Record<string, string> };
      configMap.data.MCP_PUBLIC_URL = "http://localhost:8080/mcp";
      return undefined;
    },
    expected: /MCP_PUBLIC_URL must be https:\/\/todo\.example\.com\/mcp/,
  },
  "deletes the frontend HPA": {
    overlay: "production",
    check: "production",
    mutate: (o) => remove(o, "HorizontalPodAutoscaler", "frontend"),
    expected: /Deployment\/frontend: has no HorizontalPodAutoscaler/,
  },
  "scales the backend on memory instead of CPU": {
    overlay: "production",
    check: "production",
    mutate: (o) => {
      get(o, "HorizontalPodAutoscaler", "backend").spec.metrics[0].resource.name = "memory";
      return undefined;
    },
    expected: /Deployment\/backend: HPA must scale on CPU utilisation/,
  },
  "deletes the backend PodDisruptionBudget": {
    overlay: "production",
    check: "production",
    mutate: (o) => remove(o, "PodDisruptionBudget", "backend"),
    expected: /Deployment\/backend: has no PodDisruptionBudget/,
  },
  "sets a PodDisruptionBudget that blocks every eviction": {
    overlay: "production",
    check: "production",
    mutate: (o) => {
      get(o, "PodDisruptionBudget", "mcp-server").spec.maxUnavailable = 0;
      return undefined;
    },
    expected: /Deployment\/mcp-server: PodDisruptionBudget would block every eviction/,
  },
  "runs a single mcp-server replica": {
    overlay: "production",
    check: "production",
    mutate: (o) => {
      get(o, "Deployment", "mcp-server").spec.replicas = 1;
      return undefined;
    },
    expected: /Deployment\/mcp-server: needs at least 2 replicas/,
  },
  "removes TLS from the Ingress": {
    overlay: "production",
    check: "production",
    mutate: (o) => void delete get(o, "Ingress", "todo").spec.tls,
    expected: /Ingress\/todo: must terminate TLS/,
  },
  "removes the backend's topology spread": {
    overlay: "production",
    check: "production",
    mutate: (o) => void delete podSpec(o, "Deployment", "backend").topologySpreadConstraints,
    expected: /Deployment\/backend: must spread its pods across nodes/,
  },
  "deploys a floating :latest image": {
    overlay: "production",
    check: "production",
    mutate: (o) => {
      container(o, "Deployment", "frontend").image = "registry.example.com/todo/todo-frontend:latest";
      return undefined;
    },
    expected: /must be registry-qualified and pinned/,
  },
  "adds the bundled Postgres to production": {
    overlay: "production",
    check: "production",
    mutate: (o) => [...o, get(renderOverlay("minikube").objects, "StatefulSet", "postgres")],
    expected: /production must use the external database/,
  },

  // Network flows
  "deletes the default-deny policy": {
    overlay: "production",
    check: "flows",
    mutate: (o) => remove(o, "NetworkPolicy", "default-deny-all"),
    expected: /unexpected flow: \* -> backend-migrate:\*/,
  },
  "opens frontend egress to everything": {
    overlay: "production",
    check: "flows",
    mutate: (o) => {
      get(o, "NetworkPolicy", "frontend").spec.egress.push({});
      return undefined;
    },
    expected: /unexpected flow: frontend -> \*:\*/,
  },
  "accepts backend traffic from any pod": {
    overlay: "production",
    check: "flows",
    mutate: (o) => void delete get(o, "NetworkPolicy", "backend").spec.ingress[0].from,
    expected: /unexpected flow: \* -> backend:8000\/TCP/,
  },
  "deletes the DNS egress policy": {
    overlay: "production",
    check: "flows",
    mutate: (o) => remove(o, "NetworkPolicy", "allow-dns-egress"),
    expected:
      /missing flow: frontend -> namespace\[kubernetes.io\/metadata.name=kube-system\] pod\[k8s-app=kube-dns\]:53\/UDP/,
  },
  "blocks the database port": {
    overlay: "production",
    check: "flows",
    mutate: (o) => {
      get(o, "NetworkPolicy", "allow-database-egress").spec.egress[0].ports[0].port = 5433;
      return undefined;
    },
    expected: /missing flow: mcp-server -> cidr\[0.0.0.0\/0\]:5432\/TCP/,
  },
  "breaks the chain between backend and mcp-server": {
    overlay: "production",
    check: "flows",
    mutate: (o) => {
      get(o, "NetworkPolicy", "mcp-server").spec.ingress[0].from[0].podSelector.matchLabels["app.kubernetes.io/name"] =
        "frontend";
      return undefined;
    },
    expected: /missing flow: backend -> mcp-server:8080\/TCP/,
  },

  // Schema
  "writes a container port as a string": {
    overlay: "production",
    check: "schema",
    mutate: (o) => {
      (container(o, "Deployment", "backend").ports![0] as { containerPort: unknown }).containerPort = "8000";
      return undefined;
    },
    expected: /Deployment\/backend: \/spec\/template\/spec\/containers\/0\/ports\/0\/containerPort must be integer/,
  },
  "drops a Deployment's required selector": {
    overlay: "minikube",
    check: "schema",
    mutate: (o) => void delete get(o, "Deployment", "mcp-server").spec.selector,
    expected: /Deployment\/mcp-server: \/spec must have required property selector/,
  },
  "adds a kind the validator does not know": {
    overlay: "production",
    check: "schema",
    mutate: (o) => [...o, { apiVersion: "apps/v1", kind: "Deploymnet", metadata: { name: "typo" } }],
    expected: /Deploymnet\/typo: unknown apiVersion\/kind apps\/v1\/Deploymnet/,
  },
  "misspells livenessProbe": {
    overlay: "minikube",
    check: "unknownFields",
    mutate: (o) => {
      const c = container(o, "Deployment", "backend") as IContainer & Record<string, unknown>;
      c.livenesProbe = c.livenessProbe;
      delete c.livenessProbe;
      return undefined;
    },
    expected: /Deployment\/backend: .*'"livenesProbe"' does not exist in type 'IContainer'/,
  },
};

describe("every check fails when what it guards is removed", () => {
  it.each(Object.entries(cases))("%s", (_, { overlay, check, mutate, expected }) => {
    const run = checks[check] as Check;
    const original = renderOverlay(overlay).objects;
    expect(run(original)).toEqual([]);
    const mutated = mutate(original) ?? original;
    const violations = run(mutated);
    expect(violations).toContainEqual(expect.stringMatching(expected));
  });
});
