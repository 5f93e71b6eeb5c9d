// Validates rendered objects against the Kubernetes OpenAPI schema shipped in kubernetes-models, in two passes:
// 1. the model's JSON-schema validation (types, required fields, enums, formats);
// 2. unknown-field detection, which that schema does not do but the API server does (`kubectl apply` defaults to
//    --validate=strict): every object is type-checked by TypeScript against the package's generated interfaces,
//    whose excess-property check rejects a misspelt field such as `livenesProbe`.
import { dirname, join } from "node:path";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { StatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "kubernetes-models/batch/v1/Job";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import ts from "typescript";
import { K8S_DIR, type K8sObject } from "./render";

interface ValidationFailure {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

interface KindEntry {
  /** Builds the model; `validate()` throws with an `errors` list when the object breaks the schema. */
  create: (data: K8sObject) => { validate(): void };
  /** Module and interface name of the generated TypeScript type, for the unknown-field pass. */
  module: string;
  type: string;
}

function entry(model: new (data: never) => { validate(): void }, module: string, type: string): KindEntry {
  return { create: (data) => new model(data as never), module, type };
}

/**
 * Every kind the manifests may contain. A kind missing here fails validation: a new kind must be added
 * deliberately, with its schema, instead of slipping through unchecked.
 */
export const KNOWN_KINDS: ReadonlyMap<string, KindEntry> = new Map([
  ["v1/Namespace", entry(Namespace, "kubernetes-models/v1/Namespace", "INamespace")],
  ["v1/ConfigMap", entry(ConfigMap, "kubernetes-models/v1/ConfigMap", "IConfigMap")],
  ["v1/Secret", entry(Secret, "kubernetes-models/v1/Secret", "ISecret")],
  ["v1/Service", entry(Service, "kubernetes-models/v1/Service", "IService")],
  ["apps/v1/Deployment", entry(Deployment, "kubernetes-models/apps/v1/Deployment", "IDeployment")],
  ["apps/v1/StatefulSet", entry(StatefulSet, "kubernetes-models/apps/v1/StatefulSet", "IStatefulSet")],
  ["batch/v1/Job", entry(Job, "kubernetes-models/batch/v1/Job", "IJob")],
  [
    "autoscaling/v2/HorizontalPodAutoscaler",
    entry(
      HorizontalPodAutoscaler,
      "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler",
      "IHorizontalPodAutoscaler",
    ),
  ],
  [
    "policy/v1/PodDisruptionBudget",
    entry(PodDisruptionBudget, "kubernetes-models/policy/v1/PodDisruptionBudget", "IPodDisruptionBudget"),
  ],
  [
    "networking.k8s.io/v1/NetworkPolicy",
    entry(NetworkPolicy, "kubernetes-models/networking.k8s.io/v1/NetworkPolicy", "INetworkPolicy"),
  ],
  ["networking.k8s.io/v1/Ingress", entry(Ingress, "kubernetes-models/networking.k8s.io/v1/Ingress", "IIngress")],
]);

export function describeObject(obj: K8sObject): string {
  return `${obj.kind}/${obj.metadata?.name ?? "?"}`;
}

/** Schema violations of one object, as readable lines; empty when the object is valid. */
export function validateObject(obj: K8sObject): string[] {
  const kind = KNOWN_KINDS.get(`${obj.apiVersion}/${obj.kind}`);
  if (!kind) return [`${describeObject(obj)}: unknown apiVersion/kind ${obj.apiVersion}/${obj.kind}`];
  try {
    kind.create(obj).validate();
    return [];
  } catch (error) {
    const failures = (error as { errors?: ValidationFailure[] }).errors;
    if (!failures) return [`${describeObject(obj)}: ${(error as Error).message}`];
    return failures.map(
      (f) =>
        `${describeObject(obj)}: ${f.instancePath || "/"} ${f.message ?? "is invalid"} ${JSON.stringify(f.params ?? {})}`,
    );
  }
}

const compilerOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
};

/**
 * Fields the schema does not define, found by type-checking each object as a literal of its generated interface.
 * Objects of unknown kinds are skipped here; validateObject already reports them.
 */
export function findUnknownFields(objects: K8sObject[]): string[] {
  // A virtual file beside the tests, so module resolution finds the repository's node_modules.
  const fileName = join(K8S_DIR, "tests", "__unknown-fields__.ts");
  const imports: string[] = [];
  const declarations: { obj: K8sObject; start: number; end: number }[] = [];
  let body = "";
  objects.forEach((obj, i) => {
    const kind = KNOWN_KINDS.get(`${obj.apiVersion}/${obj.kind}`);
    if (!kind) return;
    imports.push(`import type { ${kind.type} as T${i} } from "${kind.module}";`);
    const start = body.length;
    body += `export const o${i}: T${i} = ${JSON.stringify(obj, null, 1)};\n`;
    declarations.push({ obj, start, end: body.length });
  });
  const header = `${imports.join("\n")}\n`;
  const source = header + body;

  const host = ts.createCompilerHost(compilerOptions);
  const readSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === fileName ? ts.createSourceFile(name, source, language) : readSourceFile(name, language, ...rest);
  host.fileExists = (name) => name === fileName || fileExists(name);
  host.getCurrentDirectory = () => dirname(fileName);

  const program = ts.createProgram([fileName], compilerOptions, host);
  const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(fileName));
  return diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
    const offset = (d.start ?? 0) - header.length;
    const owner = declarations.find((decl) => offset >= decl.start && offset < decl.end);
    return `${owner ? describeObject(owner.obj) : "(imports)"}: ${message}`;
  });
}
