// Renders a kustomization with `kubectl kustomize` (the same code path as `kubectl apply -k`) and parses the
// multi-document YAML it prints into plain objects for the schema and policy checks.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const K8S_DIR = fileURLToPath(new URL("..", import.meta.url));
export const OVERLAYS = {
  minikube: join(K8S_DIR, "overlays/minikube"),
  production: join(K8S_DIR, "overlays/production"),
} as const;
export type OverlayName = keyof typeof OVERLAYS;

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Any Kubernetes object as rendered; checks narrow it by kind before reading its spec. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface Rendered {
  objects: K8sObject[];
  /** kustomize prints deprecation warnings here; the manifests must not cause any. */
  warnings: string;
}

/** Parses multi-document YAML, failing on any syntax error or on a document that is not a Kubernetes object. */
export function parseManifests(text: string, source: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${source}: ${doc.errors.map((e) => e.message).join("; ")}`);
    const value: unknown = doc.toJSON();
    if (value === null || value === undefined) continue;
    if (!isK8sObject(value)) throw new Error(`${source}: a document lacks apiVersion, kind or metadata.name`);
    objects.push(value);
  }
  return objects;
}

function isK8sObject(value: unknown): value is K8sObject {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const metadata = v.metadata as Record<string, unknown> | undefined;
  return typeof v.apiVersion === "string" && typeof v.kind === "string" && typeof metadata?.name === "string";
}

export function renderDirectory(dir: string): Rendered {
  const result = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (result.error) throw new Error(`cannot run kubectl: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr}`);
  return { objects: parseManifests(result.stdout, dir), warnings: result.stderr.trim() };
}

const cache = new Map<string, Rendered>();

/** Each overlay is rendered once per test file; callers get deep copies so mutations never leak between tests. */
export function renderOverlay(name: OverlayName | "base"): Rendered {
  const dir = name === "base" ? join(K8S_DIR, "base") : OVERLAYS[name];
  let rendered = cache.get(dir);
  if (!rendered) {
    rendered = renderDirectory(dir);
    cache.set(dir, rendered);
  }
  return structuredClone(rendered);
}

/**
 * Renders a throw-away kustomization that includes `resources` and `components` (directories under deploy/k8s),
 * the way an operator's own overlay would.
 */
export function renderComposition(resources: string[], components: string[] = []): Rendered {
  const dir = mkdtempSync(join(tmpdir(), "todo-k8s-"));
  try {
    // kustomize only accepts relative paths for directories outside the kustomization root.
    const rel = (p: string) => relative(dir, join(K8S_DIR, p));
    const lines = [
      "apiVersion: kustomize.config.k8s.io/v1beta1",
      "kind: Kustomization",
      "resources:",
      ...resources.map((r) => `  - ${rel(r)}`),
      ...(components.length > 0 ? ["components:", ...components.map((c) => `  - ${rel(c)}`)] : []),
    ];
    writeFileSync(join(dir, "kustomization.yaml"), `${lines.join("\n")}\n`);
    return renderDirectory(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
