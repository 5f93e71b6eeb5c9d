// Policy checks over rendered manifests. Each check returns a list of violations (empty = compliant) instead of
// asserting, so the tests can prove every check fails when the thing it guards is removed.
import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IStatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import type { IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import type { IJob } from "kubernetes-models/batch/v1/Job";
import type { IIngress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { INamespace } from "kubernetes-models/v1/Namespace";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IProbe } from "kubernetes-models/v1/Probe";
import type { IService } from "kubernetes-models/v1/Service";
import {
  APP_UID,
  COMMON_LABELS,
  MIGRATION,
  NAMESPACE,
  SECRET_ENV,
  SECRET_NAME,
  SECRET_NAME_PATTERN,
  WORKLOADS,
  type WorkloadContract,
} from "./contract";
import type { K8sObject } from "./render";

export type LabelSelector = NonNullable<NonNullable<IPodDisruptionBudget["spec"]>["selector"]>;
type Labels = Record<string, string>;

// ---------------------------------------------------------------------------------------------------------------
// Access helpers

export function ofKind<T>(objects: K8sObject[], kind: string): T[] {
  return objects.filter((o) => o.kind === kind) as unknown as T[];
}

export function findObject<T>(objects: K8sObject[], kind: string, name: string): T | undefined {
  return objects.find((o) => o.kind === kind && o.metadata.name === name) as unknown as T | undefined;
}

export interface PodTemplate {
  /** "Deployment/backend" */
  owner: string;
  kind: string;
  name: string;
  labels: Labels;
  annotations: Labels;
  spec: IPodSpec;
  /** StatefulSet volumeClaimTemplates: mounted by name without appearing in spec.volumes. */
  claims: string[];
  /** Serves traffic or stays up (not a run-to-completion Job), so it needs probes. */
  longRunning: boolean;
}

const LONG_RUNNING = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod"]);

/** Every pod spec in the manifests, wherever the owning kind keeps it. */
export function podTemplates(objects: K8sObject[]): PodTemplate[] {
  const templates: PodTemplate[] = [];
  for (const obj of objects) {
    const spec = obj.spec as Record<string, unknown> | undefined;
    let template: { metadata?: { labels?: Labels; annotations?: Labels }; spec?: IPodSpec } | undefined;
    if (obj.kind === "Pod") template = { metadata: obj.metadata, spec: spec as unknown as IPodSpec };
    else if (obj.kind === "CronJob") {
      const jobTemplate = spec?.jobTemplate as { spec?: { template?: typeof template } } | undefined;
      template = jobTemplate?.spec?.template;
    } else if (spec && "template" in spec) template = spec.template as typeof template;
    if (!template?.spec) continue;
    templates.push({
      owner: `${obj.kind}/${obj.metadata.name}`,
      kind: obj.kind,
      name: obj.metadata.name,
      labels: template.metadata?.labels ?? {},
      annotations: template.metadata?.annotations ?? {},
      spec: template.spec,
      claims: ((spec?.volumeClaimTemplates ?? []) as { metadata?: { name?: string } }[]).map(
        (c) => c.metadata?.name ?? "",
      ),
      longRunning: LONG_RUNNING.has(obj.kind),
    });
  }
  return templates;
}

interface ContainerRef {
  container: IContainer;
  /** "Deployment/backend container backend" */
  where: string;
  init: boolean;
}

/** Regular, init and ephemeral containers: the Pod Security Standards apply to all three. */
export function containersOf(template: PodTemplate): ContainerRef[] {
  const refs: ContainerRef[] = [];
  for (const c of template.spec.containers ?? [])
    refs.push({ container: c, where: `${template.owner} container ${c.name}`, init: false });
  for (const c of template.spec.initContainers ?? [])
    refs.push({ container: c, where: `${template.owner} initContainer ${c.name}`, init: true });
  for (const c of template.spec.ephemeralContainers ?? [])
    refs.push({ container: c as IContainer, where: `${template.owner} ephemeralContainer ${c.name}`, init: true });
  return refs;
}

/** Label-selector semantics of the API: matchLabels and matchExpressions ANDed; an empty selector matches all. */
export function matchesSelector(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const expr of selector.matchExpressions ?? []) {
    const has = expr.key in labels;
    const value = labels[expr.key];
    const values = expr.values ?? [];
    if (expr.operator === "In" && !(has && values.includes(value as string))) return false;
    if (expr.operator === "NotIn" && has && values.includes(value as string)) return false;
    if (expr.operator === "Exists" && !has) return false;
    if (expr.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

/** Parses a resource quantity ("100m", "512Mi", "1") into a number for comparisons. */
export function parseQuantity(quantity: string | number): number {
  if (typeof quantity === "number") return quantity;
  const match = /^([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(quantity);
  if (!match) return Number.NaN;
  const factors: Record<string, number> = {
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
  };
  return Number(match[1]) * (match[2] ? (factors[match[2]] as number) : 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Pod Security Standard "restricted" (which includes "baseline"), as specified at
// https://kubernetes.io/docs/concepts/security/pod-security-standards/ for the latest version.

const RESTRICTED_VOLUME_TYPES = new Set([
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
]);
const BASELINE_SELINUX_TYPES = new Set([
  "",
  "container_t",
  "container_init_t",
  "container_kvm_t",
  "container_engine_t",
]);
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
]);
const ALLOWED_SECCOMP = new Set(["RuntimeDefault", "Localhost"]);

export function checkRestrictedProfile(template: PodTemplate): string[] {
  const v: string[] = [];
  const { spec, owner } = template;
  const pod = spec.securityContext ?? {};

  // Baseline: host namespaces, ports and paths.
  if (spec.hostNetwork) v.push(`${owner}: hostNetwork must not be true`);
  if (spec.hostPID) v.push(`${owner}: hostPID must not be true`);
  if (spec.hostIPC) v.push(`${owner}: hostIPC must not be true`);
  if (pod.windowsOptions?.hostProcess) v.push(`${owner}: windowsOptions.hostProcess must not be true`);
  for (const sysctl of pod.sysctls ?? [])
    if (!SAFE_SYSCTLS.has(sysctl.name)) v.push(`${owner}: sysctl ${sysctl.name} is not in the safe set`);
  if (pod.appArmorProfile?.type === "Unconfined") v.push(`${owner}: pod appArmorProfile must not be Unconfined`);
  checkSeLinux(pod.seLinuxOptions, owner, v);

  // Restricted: volume types.
  for (const volume of spec.volumes ?? []) {
    const types = Object.keys(volume).filter((k) => k !== "name");
    for (const type of types)
      if (!RESTRICTED_VOLUME_TYPES.has(type)) v.push(`${owner}: volume ${volume.name} uses forbidden type ${type}`);
  }

  // Restricted: pod-level identity and seccomp (containers may inherit these).
  if (pod.runAsUser === 0) v.push(`${owner}: pod runAsUser must not be 0`);
  const podSeccomp = pod.seccompProfile?.type;
  if (podSeccomp !== undefined && !ALLOWED_SECCOMP.has(podSeccomp))
    v.push(`${owner}: pod seccompProfile must be RuntimeDefault or Localhost, not ${podSeccomp}`);

  for (const { container, where } of containersOf(template)) {
    const sc = container.securityContext ?? {};
    if (sc.privileged) v.push(`${where}: privileged must not be true`);
    if (sc.windowsOptions?.hostProcess) v.push(`${where}: windowsOptions.hostProcess must not be true`);
    if (sc.procMount !== undefined && sc.procMount !== "Default") v.push(`${where}: procMount must be Default`);
    if (sc.appArmorProfile?.type === "Unconfined") v.push(`${where}: appArmorProfile must not be Unconfined`);
    checkSeLinux(sc.seLinuxOptions, where, v);
    for (const port of container.ports ?? [])
      if (port.hostPort) v.push(`${where}: hostPort ${port.hostPort} is forbidden`);

    if (sc.allowPrivilegeEscalation !== false) v.push(`${where}: allowPrivilegeEscalation must be false`);
    if (sc.runAsNonRoot === false) v.push(`${where}: runAsNonRoot must not be false`);
    if (pod.runAsNonRoot !== true && sc.runAsNonRoot !== true)
      v.push(`${where}: runAsNonRoot must be true on the pod or the container`);
    if (sc.runAsUser === 0) v.push(`${where}: runAsUser must not be 0`);
    const seccomp = sc.seccompProfile?.type;
    if (seccomp !== undefined && !ALLOWED_SECCOMP.has(seccomp))
      v.push(`${where}: seccompProfile must be RuntimeDefault or Localhost, not ${seccomp}`);
    if (seccomp === undefined && podSeccomp === undefined)
      v.push(`${where}: seccompProfile must be set on the pod or the container`);
    const caps = sc.capabilities ?? {};
    if (!(caps.drop ?? []).includes("ALL")) v.push(`${where}: capabilities must drop ALL`);
    for (const cap of caps.add ?? [])
      if (cap !== "NET_BIND_SERVICE") v.push(`${where}: capability ${cap} may not be added`);
  }
  for (const [key, value] of Object.entries(template.annotations))
    if (key.startsWith("container.apparmor.security.beta.kubernetes.io/") && value === "unconfined")
      v.push(`${owner}: AppArmor annotation ${key} must not be unconfined`);
  return v;
}

function checkSeLinux(
  options: { type?: string; user?: string; role?: string } | undefined,
  where: string,
  v: string[],
) {
  if (!options) return;
  if (options.type !== undefined && !BASELINE_SELINUX_TYPES.has(options.type))
    v.push(`${where}: seLinuxOptions.type ${options.type} is not allowed`);
  if (options.user) v.push(`${where}: seLinuxOptions.user must not be set`);
  if (options.role) v.push(`${where}: seLinuxOptions.role must not be set`);
}

// ---------------------------------------------------------------------------------------------------------------
// Project hardening beyond the standard: explicit settings at both levels, so no container relies on inheritance
// an overlay could silently change, and a read-only root filesystem with writable emptyDir only where needed.

export function checkHardening(template: PodTemplate, expectedUid?: number): string[] {
  const v: string[] = [];
  const { spec, owner } = template;
  const pod = spec.securityContext;
  if (!pod) v.push(`${owner}: pod securityContext is missing`);
  if (pod?.runAsNonRoot !== true) v.push(`${owner}: pod securityContext.runAsNonRoot must be true`);
  if (!pod?.runAsUser) v.push(`${owner}: pod securityContext.runAsUser must be set to a non-root UID`);
  if (!pod?.runAsGroup) v.push(`${owner}: pod securityContext.runAsGroup must be set to a non-root GID`);
  if (!pod?.fsGroup) v.push(`${owner}: pod securityContext.fsGroup must be set`);
  if (expectedUid !== undefined && (pod?.runAsUser !== expectedUid || pod?.runAsGroup !== expectedUid))
    v.push(`${owner}: must run as ${expectedUid}:${expectedUid}, the image's user`);
  if (pod?.seccompProfile?.type !== "RuntimeDefault") v.push(`${owner}: pod seccompProfile must be RuntimeDefault`);
  if (spec.automountServiceAccountToken !== false)
    v.push(`${owner}: automountServiceAccountToken must be false (no workload uses the API)`);

  const volumes = new Map((spec.volumes ?? []).map((vol) => [vol.name, vol]));
  for (const vol of spec.volumes ?? [])
    if (vol.emptyDir && vol.emptyDir.sizeLimit === undefined)
      v.push(`${owner}: emptyDir ${vol.name} needs a sizeLimit so it cannot fill the node's disk`);

  for (const { container, where } of containersOf(template)) {
    const sc = container.securityContext;
    if (!sc) {
      v.push(`${where}: container securityContext is missing`);
      continue;
    }
    if (sc.runAsNonRoot !== true) v.push(`${where}: container runAsNonRoot must be true`);
    if (sc.allowPrivilegeEscalation !== false) v.push(`${where}: container allowPrivilegeEscalation must be false`);
    if (sc.readOnlyRootFilesystem !== true) v.push(`${where}: readOnlyRootFilesystem must be true`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) v.push(`${where}: container capabilities must drop ALL`);
    const tmp = (container.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
    if (!tmp || !volumes.get(tmp.name)?.emptyDir) v.push(`${where}: /tmp must be a writable emptyDir`);
    for (const mount of container.volumeMounts ?? []) {
      const vol = volumes.get(mount.name);
      if (template.claims.includes(mount.name)) continue;
      if (!vol) v.push(`${where}: mount ${mount.mountPath} refers to missing volume ${mount.name}`);
      else if (!mount.readOnly && !vol.emptyDir && !vol.persistentVolumeClaim && !vol.configMap && !vol.secret)
        v.push(`${where}: writable mount ${mount.mountPath} must be an emptyDir or a claim`);
    }
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Probes and resources

function hasHandler(probe: IProbe): boolean {
  return Boolean(probe.httpGet || probe.tcpSocket || probe.exec || probe.grpc);
}

/** The numeric container port a probe targets, resolving named ports; undefined when it names no declared port. */
export function probePort(container: IContainer, probe: IProbe | undefined): number | undefined {
  const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port ?? probe?.grpc?.port;
  if (port === undefined) return undefined;
  const declared = container.ports ?? [];
  if (typeof port === "number") return declared.some((p) => p.containerPort === port) ? port : undefined;
  return declared.find((p) => p.name === port)?.containerPort;
}

export function checkProbesAndResources(template: PodTemplate): string[] {
  const v: string[] = [];
  for (const { container, where, init } of containersOf(template)) {
    const { requests = {}, limits = {} } = container.resources ?? {};
    for (const resource of ["cpu", "memory"]) {
      const request = requests[resource];
      const limit = limits[resource];
      if (request === undefined) v.push(`${where}: resources.requests.${resource} is missing`);
      if (limit === undefined) v.push(`${where}: resources.limits.${resource} is missing`);
      if (request !== undefined && limit !== undefined && parseQuantity(request) > parseQuantity(limit))
        v.push(`${where}: ${resource} request ${request} exceeds its limit ${limit}`);
    }
    if (!template.longRunning || init) continue;
    for (const kind of ["startupProbe", "livenessProbe", "readinessProbe"] as const) {
      const probe = container[kind];
      if (!probe) v.push(`${where}: ${kind} is missing`);
      else if (!hasHandler(probe)) v.push(`${where}: ${kind} has no handler`);
      else if (!probe.exec && probePort(container, probe) === undefined)
        v.push(`${where}: ${kind} targets a port the container does not declare`);
    }
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels and wiring

const NAME_LABEL = "app.kubernetes.io/name";
const COMPONENT_LABEL = "app.kubernetes.io/component";

export function checkLabels(objects: K8sObject[]): string[] {
  const v: string[] = [];
  const templates = podTemplates(objects);
  for (const obj of objects) {
    const where = `${obj.kind}/${obj.metadata.name}`;
    const labels = obj.metadata.labels ?? {};
    if (!labels[NAME_LABEL]) v.push(`${where}: label ${NAME_LABEL} is missing`);
    for (const [key, value] of Object.entries(COMMON_LABELS))
      if (labels[key] !== value) v.push(`${where}: label ${key} must be ${value}`);
  }
  for (const template of templates) {
    const owner = objects.find((o) => `${o.kind}/${o.metadata.name}` === template.owner);
    if (!owner?.metadata.labels?.[COMPONENT_LABEL]) v.push(`${template.owner}: label ${COMPONENT_LABEL} is missing`);
    for (const key of [NAME_LABEL, COMPONENT_LABEL, "app.kubernetes.io/instance"])
      if (!template.labels[key]) v.push(`${template.owner}: pod template label ${key} is missing`);
    const selector = (owner?.spec as { selector?: LabelSelector } | undefined)?.selector;
    if (template.kind !== "Job" && selector && !matchesSelector(selector, template.labels))
      v.push(`${template.owner}: selector does not match its own pod template`);
  }
  for (const service of ofKind<IService>(objects, "Service")) {
    const selector = service.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) {
      v.push(`Service/${service.metadata?.name}: has no selector`);
      continue;
    }
    if (!templates.some((t) => matchesSelector({ matchLabels: selector }, t.labels)))
      v.push(`Service/${service.metadata?.name}: selector matches no pod template`);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Contract: images, ports, probes, environment

/** Image name without registry, tag or digest: "registry.example.com/todo/todo-backend:0.1.0" -> "todo-backend". */
export function imageBaseName(image: string | undefined): string {
  if (!image) return "";
  const withoutDigest = image.split("@")[0] as string;
  const lastSegment = withoutDigest.split("/").pop() as string;
  return lastSegment.split(":")[0] as string;
}

function envNames(container: IContainer): string[] {
  return (container.env ?? []).map((e) => e.name);
}

/** The value a variable resolves to: a literal, or the referenced ConfigMap key; undefined for secrets. */
export function resolveEnv(env: IEnvVar, objects: K8sObject[]): string | undefined {
  if (env.value !== undefined) return env.value;
  const ref = env.valueFrom?.configMapKeyRef;
  if (!ref) return undefined;
  const configMap = findObject<IConfigMap>(objects, "ConfigMap", ref.name ?? "");
  return configMap?.data?.[ref.key];
}

function checkEnv(
  container: IContainer,
  where: string,
  expected: { env: readonly string[]; values: Readonly<Record<string, string>> },
  objects: K8sObject[],
  v: string[],
) {
  const actual = envNames(container);
  const missing = expected.env.filter((n) => !actual.includes(n));
  const extra = actual.filter((n) => !expected.env.includes(n));
  if (missing.length) v.push(`${where}: env lacks ${missing.join(", ")}`);
  if (extra.length) v.push(`${where}: env has unexpected ${extra.join(", ")}`);
  const duplicates = actual.filter((n, i) => actual.indexOf(n) !== i);
  if (duplicates.length) v.push(`${where}: env repeats ${duplicates.join(", ")}`);
  for (const env of container.env ?? []) {
    const ref = env.valueFrom?.configMapKeyRef;
    if (ref && !ref.optional) {
      const configMap = findObject<IConfigMap>(objects, "ConfigMap", ref.name ?? "");
      if (configMap?.data?.[ref.key] === undefined)
        v.push(`${where}: ${env.name} refers to missing ConfigMap key ${ref.name}/${ref.key}`);
    }
  }
  for (const [name, value] of Object.entries(expected.values)) {
    const env = (container.env ?? []).find((e) => e.name === name);
    const actualValue = env ? resolveEnv(env, objects) : undefined;
    if (env && actualValue !== value) v.push(`${where}: ${name} must be ${value}, got ${actualValue}`);
  }
  const dataDir = (container.env ?? []).find((e) => e.name === "DATA_DIR");
  if (dataDir && !resolveEnv(dataDir, objects)?.startsWith("/tmp/"))
    v.push(`${where}: DATA_DIR must be under the writable /tmp`);
}

function checkWorkload(contract: WorkloadContract, objects: K8sObject[], v: string[]) {
  const deployment = findObject<IDeployment>(objects, "Deployment", contract.name);
  if (!deployment) {
    v.push(`Deployment/${contract.name} is missing`);
    return;
  }
  const template = podTemplates([deployment as unknown as K8sObject])[0] as PodTemplate;
  const container = template.spec.containers.find((c) => c.name === contract.name);
  const where = `Deployment/${contract.name} container ${contract.name}`;
  if (!container) {
    v.push(`${where} is missing`);
    return;
  }
  if (template.spec.containers.length !== 1) v.push(`Deployment/${contract.name}: expected exactly one container`);
  if (imageBaseName(container.image) !== contract.image)
    v.push(`${where}: image must be ${contract.image}, got ${container.image}`);
  const ports = container.ports ?? [];
  if (ports.length !== 1 || ports[0]?.containerPort !== contract.port || ports[0]?.name !== "http")
    v.push(`${where}: must expose exactly port ${contract.port} named http`);
  for (const [kind, path] of [
    ["startupProbe", contract.probes.startup],
    ["livenessProbe", contract.probes.liveness],
    ["readinessProbe", contract.probes.readiness],
  ] as const) {
    const probe = container[kind];
    if (probe?.httpGet?.path !== path) v.push(`${where}: ${kind} must be GET ${path}, got ${probe?.httpGet?.path}`);
    if (probe && probePort(container, probe) !== contract.port)
      v.push(`${where}: ${kind} must target port ${contract.port}`);
  }
  checkEnv(container, where, contract, objects, v);
  const volumes = new Map((template.spec.volumes ?? []).map((vol) => [vol.name, vol]));
  for (const path of contract.writable) {
    const mount = (container.volumeMounts ?? []).find((m) => m.mountPath === path);
    if (!mount || !volumes.get(mount.name)?.emptyDir) v.push(`${where}: ${path} must be a writable emptyDir`);
  }
  const pod = template.spec.securityContext;
  if (pod?.runAsUser !== APP_UID || pod?.runAsGroup !== APP_UID)
    v.push(`Deployment/${contract.name}: must run as ${APP_UID}:${APP_UID}, the image's user`);

  const service = findObject<IService>(objects, "Service", contract.name);
  if (!service) {
    v.push(`Service/${contract.name} is missing`);
    return;
  }
  const servicePort = service.spec?.ports?.find((p) => p.port === contract.port);
  if (!servicePort) v.push(`Service/${contract.name}: must listen on ${contract.port}`);
  else {
    const target = servicePort.targetPort ?? servicePort.port;
    const resolved = typeof target === "number" ? target : ports.find((p) => p.name === target)?.containerPort;
    if (resolved !== contract.port)
      v.push(`Service/${contract.name}: targetPort must reach container port ${contract.port}`);
  }
  if (!matchesSelector({ matchLabels: service.spec?.selector ?? { none: "" } }, template.labels))
    v.push(`Service/${contract.name}: selector does not select the ${contract.name} pods`);
}

export function checkContract(objects: K8sObject[]): string[] {
  const v: string[] = [];
  for (const contract of WORKLOADS) checkWorkload(contract, objects, v);

  const job = findObject<IJob>(objects, "Job", MIGRATION.job);
  if (!job) v.push(`Job/${MIGRATION.job} is missing: migrations must run before the backend serves`);
  else {
    const containers = job.spec?.template.spec?.containers ?? [];
    const container = containers[0];
    const where = `Job/${MIGRATION.job} container ${container?.name}`;
    if (containers.length !== 1 || !container) v.push(`Job/${MIGRATION.job}: expected exactly one container`);
    else {
      if (imageBaseName(container.image) !== MIGRATION.image) v.push(`${where}: image must be ${MIGRATION.image}`);
      const command = [...(container.command ?? []), ...(container.args ?? [])];
      if (JSON.stringify(command) !== JSON.stringify(MIGRATION.command))
        v.push(`${where}: must run ${MIGRATION.command.join(" ")}`);
      checkEnv(container, where, MIGRATION, objects, v);
      const backend = findObject<IDeployment>(objects, "Deployment", "backend")?.spec?.template.spec?.containers[0];
      if (backend && container.image !== backend.image) v.push(`${where}: must use the backend's exact image`);
    }
    const policy = job.spec?.template.spec?.restartPolicy;
    if (policy !== "Never" && policy !== "OnFailure")
      v.push(`Job/${MIGRATION.job}: restartPolicy must be Never or OnFailure`);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets by reference

const CREDENTIALS_IN_URL = /:\/\/[^/\s:@]+:[^/\s@]+@/;

export function checkSecretsByReference(objects: K8sObject[]): string[] {
  const v: string[] = [];
  for (const secret of ofKind<K8sObject>(objects, "Secret"))
    v.push(`Secret/${secret.metadata.name}: rendered manifests must not contain Secrets; reference ${SECRET_NAME}`);
  for (const template of podTemplates(objects)) {
    for (const { container, where } of containersOf(template)) {
      for (const env of container.env ?? []) {
        const sensitive = (SECRET_ENV as readonly string[]).includes(env.name) || SECRET_NAME_PATTERN.test(env.name);
        const ref = env.valueFrom?.secretKeyRef;
        if (sensitive && (ref?.name !== SECRET_NAME || ref.key !== env.name))
          v.push(`${where}: ${env.name} must come from secretKeyRef ${SECRET_NAME}/${env.name}`);
        if (env.value !== undefined && CREDENTIALS_IN_URL.test(env.value))
          v.push(`${where}: ${env.name} has credentials in a literal URL`);
        if (ref && ref.name !== SECRET_NAME)
          v.push(`${where}: ${env.name} refers to Secret ${ref.name}, not ${SECRET_NAME}`);
      }
      for (const source of container.envFrom ?? [])
        if (source.secretRef && source.secretRef.name !== SECRET_NAME)
          v.push(`${where}: envFrom refers to Secret ${source.secretRef.name}, not ${SECRET_NAME}`);
    }
  }
  for (const configMap of ofKind<IConfigMap>(objects, "ConfigMap")) {
    for (const [key, value] of Object.entries(configMap.data ?? {})) {
      if (SECRET_NAME_PATTERN.test(key)) v.push(`ConfigMap/${configMap.metadata?.name}: ${key} belongs in the Secret`);
      if (CREDENTIALS_IN_URL.test(value))
        v.push(`ConfigMap/${configMap.metadata?.name}: ${key} has credentials in a URL`);
    }
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Namespace: one namespace, enforcing the restricted profile at admission

export function checkNamespace(objects: K8sObject[]): string[] {
  const v: string[] = [];
  const namespace = findObject<INamespace>(objects, "Namespace", NAMESPACE);
  const labels = namespace?.metadata?.labels ?? {};
  if (!namespace) v.push(`Namespace/${NAMESPACE} is missing`);
  else if (labels["pod-security.kubernetes.io/enforce"] !== "restricted")
    v.push(`Namespace/${NAMESPACE}: must enforce the restricted Pod Security Standard`);
  for (const obj of objects)
    if (obj.kind !== "Namespace" && obj.metadata.namespace !== NAMESPACE)
      v.push(`${obj.kind}/${obj.metadata.name}: must be in namespace ${NAMESPACE}`);
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Everything that applies to both overlays

export function checkAll(objects: K8sObject[]): string[] {
  const templates = podTemplates(objects);
  const appTemplates = new Set([...WORKLOADS.map((w) => `Deployment/${w.name}`), `Job/${MIGRATION.job}`]);
  return [
    ...templates.flatMap((t) => checkRestrictedProfile(t)),
    ...templates.flatMap((t) => checkHardening(t, appTemplates.has(t.owner) ? APP_UID : undefined)),
    ...templates.flatMap((t) => checkProbesAndResources(t)),
    ...checkLabels(objects),
    ...checkContract(objects),
    ...checkSecretsByReference(objects),
    ...checkNamespace(objects),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Minikube

export function checkMinikube(objects: K8sObject[]): string[] {
  const v: string[] = [];
  for (const contract of WORKLOADS) {
    const deployment = findObject<IDeployment>(objects, "Deployment", contract.name);
    if (deployment && deployment.spec?.replicas !== 1)
      v.push(`Deployment/${contract.name}: must run exactly 1 replica`);
  }
  for (const template of podTemplates(objects)) {
    for (const { container, where } of containersOf(template)) {
      const projectImage = WORKLOADS.some((w) => w.image === imageBaseName(container.image));
      if (projectImage && container.imagePullPolicy !== "Never")
        v.push(`${where}: imagePullPolicy must be Never (images are built inside Minikube)`);
    }
  }
  const postgres = findObject<IStatefulSet>(objects, "StatefulSet", "postgres");
  if (!postgres) v.push("StatefulSet/postgres is missing");
  else {
    const claims = postgres.spec?.volumeClaimTemplates ?? [];
    const container = postgres.spec?.template.spec?.containers.find((c) => c.name === "postgres");
    const dataMount = container?.volumeMounts?.find((m) => m.mountPath === "/var/lib/postgresql/data");
    if (claims.length === 0) v.push("StatefulSet/postgres: needs a volumeClaimTemplate for its data");
    if (!dataMount || !claims.some((c) => c.metadata?.name === dataMount.name))
      v.push("StatefulSet/postgres: /var/lib/postgresql/data must be mounted from the claim");
    const pgdata = container?.env?.find((e) => e.name === "PGDATA")?.value;
    if (!pgdata?.startsWith("/var/lib/postgresql/data/"))
      v.push("StatefulSet/postgres: PGDATA must be a subdirectory of the claim");
    if (postgres.spec?.replicas !== 1) v.push("StatefulSet/postgres: must run exactly 1 replica");
    const service = findObject<IService>(objects, "Service", postgres.spec?.serviceName ?? "");
    if (!service?.spec?.ports?.some((p) => p.port === 5432))
      v.push("StatefulSet/postgres: its Service must expose 5432");
  }
  const frontend = findObject<IService>(objects, "Service", "frontend");
  if (frontend?.spec?.type !== "NodePort") v.push("Service/frontend: must be a NodePort in Minikube");
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Production

export function checkProduction(objects: K8sObject[]): string[] {
  const v: string[] = [];
  const deployments = ofKind<IDeployment>(objects, "Deployment");
  const hpas = ofKind<IHorizontalPodAutoscaler>(objects, "HorizontalPodAutoscaler");
  const pdbs = ofKind<IPodDisruptionBudget>(objects, "PodDisruptionBudget");
  if (deployments.length < WORKLOADS.length) v.push("every service needs a Deployment");

  for (const deployment of deployments) {
    const name = deployment.metadata?.name as string;
    const where = `Deployment/${name}`;
    const replicas = deployment.spec?.replicas ?? 1;
    const podLabels = deployment.spec?.template.metadata?.labels ?? {};
    if (replicas < 2) v.push(`${where}: needs at least 2 replicas, has ${replicas}`);

    const hpa = hpas.find((h) => h.spec?.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === name);
    if (!hpa) v.push(`${where}: has no HorizontalPodAutoscaler`);
    else {
      if ((hpa.spec?.minReplicas ?? 1) < 2) v.push(`${where}: HPA minReplicas must be at least 2`);
      if ((hpa.spec?.maxReplicas ?? 0) <= (hpa.spec?.minReplicas ?? 1))
        v.push(`${where}: HPA maxReplicas must exceed minReplicas`);
      const cpu = hpa.spec?.metrics?.find((m) => m.type === "Resource" && m.resource?.name === "cpu");
      if (!cpu?.resource?.target.averageUtilization) v.push(`${where}: HPA must scale on CPU utilisation`);
      if (replicas !== hpa.spec?.minReplicas) v.push(`${where}: replicas must equal the HPA's minReplicas`);
    }

    const pdb = pdbs.find((p) => p.spec?.selector && matchesSelector(p.spec.selector, podLabels));
    if (!pdb) v.push(`${where}: has no PodDisruptionBudget`);
    else {
      const { minAvailable, maxUnavailable } = pdb.spec ?? {};
      if (minAvailable === undefined && maxUnavailable === undefined)
        v.push(`${where}: PodDisruptionBudget sets neither minAvailable nor maxUnavailable`);
      if (
        maxUnavailable === 0 ||
        maxUnavailable === "0%" ||
        (typeof minAvailable === "number" && minAvailable >= replicas)
      )
        v.push(`${where}: PodDisruptionBudget would block every eviction`);
    }

    const constraints = deployment.spec?.template.spec?.topologySpreadConstraints ?? [];
    const spreadsOwnPods = (key: string) =>
      constraints.some(
        (c) =>
          c.topologyKey === key &&
          c.labelSelector &&
          matchesSelector(c.labelSelector, podLabels) &&
          Object.keys(c.labelSelector.matchLabels ?? {}).length > 0,
      );
    if (!spreadsOwnPods("kubernetes.io/hostname")) v.push(`${where}: must spread its pods across nodes`);
    if (!spreadsOwnPods("topology.kubernetes.io/zone")) v.push(`${where}: must spread its pods across zones`);

    for (const container of deployment.spec?.template.spec?.containers ?? []) {
      const image = container.image ?? "";
      if (container.imagePullPolicy === "Never") v.push(`${where}: imagePullPolicy Never cannot work in production`);
      if (!image.includes("/") || !/[:@]/.test(image.split("/").pop() as string) || image.endsWith(":latest"))
        v.push(`${where}: image ${image} must be registry-qualified and pinned to a tag or digest`);
    }
  }
  for (const hpa of hpas)
    if (!deployments.some((d) => d.metadata?.name === hpa.spec?.scaleTargetRef.name))
      v.push(`HorizontalPodAutoscaler/${hpa.metadata?.name}: targets a Deployment that does not exist`);

  if (findObject(objects, "StatefulSet", "postgres"))
    v.push("production must use the external database, not the bundled one");

  const ingresses = ofKind<IIngress>(objects, "Ingress");
  if (ingresses.length === 0) v.push("an Ingress is required");
  const services = ofKind<IService>(objects, "Service");
  for (const ingress of ingresses) {
    const where = `Ingress/${ingress.metadata?.name}`;
    const tlsHosts = (ingress.spec?.tls ?? []).flatMap((t) => (t.secretName ? (t.hosts ?? []) : []));
    if (tlsHosts.length === 0) v.push(`${where}: must terminate TLS (spec.tls with a secretName)`);
    for (const rule of ingress.spec?.rules ?? []) {
      if (!rule.host || !tlsHosts.includes(rule.host)) v.push(`${where}: host ${rule.host} is not covered by TLS`);
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend.service;
        const service = services.find((s) => s.metadata?.name === backend?.name);
        const port = service?.spec?.ports?.find(
          (p) => p.name === backend?.port?.name || p.port === backend?.port?.number,
        );
        if (!port) v.push(`${where}: path ${path.path} points to a missing Service port ${backend?.name}`);
      }
    }
    const config = ofKind<IConfigMap>(objects, "ConfigMap")[0]?.data ?? {};
    const host = ingress.spec?.rules?.[0]?.host;
    if (config.BETTER_AUTH_URL !== `https://${host}`) v.push(`${where}: BETTER_AUTH_URL must be https://${host}`);
    // OAuth access tokens are issued for this URL and the MCP server accepts no other audience (issue 16).
    if (config.MCP_PUBLIC_URL !== `https://${host}/mcp`) v.push(`${where}: MCP_PUBLIC_URL must be https://${host}/mcp`);
    if (!(config.TRUSTED_ORIGINS ?? "").split(",").includes(`https://${host}`))
      v.push(`${where}: TRUSTED_ORIGINS must include https://${host}`);
  }
  return v;
}
