import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SECRET_ENV, SECRET_NAME } from "./contract";
import { K8S_DIR, type K8sObject, parseManifests, renderComposition, renderOverlay } from "./render";
import { describeObject, findUnknownFields, validateObject } from "./schema";

describe.each(["minikube", "production"] as const)("%s overlay against the Kubernetes OpenAPI schema", (overlay) => {
  const { objects } = renderOverlay(overlay);

  it.each(objects.map((o) => [describeObject(o), o] as const))("%s is schema-valid", (_, obj) => {
    expect(validateObject(obj)).toEqual([]);
  });

  it("contains no field the API server would reject as unknown", () => {
    expect(findUnknownFields(objects)).toEqual([]);
  });
});

describe("the llm-egress component", () => {
  it("renders on top of production into schema-valid objects", () => {
    const { objects, warnings } = renderComposition(["overlays/production"], ["components/llm-egress"]);
    expect(warnings).toBe("");
    expect(objects.flatMap(validateObject)).toEqual([]);
    expect(findUnknownFields(objects)).toEqual([]);
  });
});

describe("secret.example.yaml", () => {
  const objects = parseManifests(
    readFileSync(join(K8S_DIR, "base/secret.example.yaml"), "utf8"),
    "secret.example.yaml",
  );
  const secret = objects[0] as K8sObject & { stringData?: Record<string, string> };

  it("is one schema-valid Secret named todo-secrets", () => {
    expect(objects).toHaveLength(1);
    expect(secret.kind).toBe("Secret");
    expect(secret.metadata.name).toBe(SECRET_NAME);
    expect(validateObject(secret)).toEqual([]);
    expect(findUnknownFields(objects)).toEqual([]);
  });

  it("documents every secret key the manifests reference, with placeholders only", () => {
    expect(Object.keys(secret.stringData ?? {}).sort()).toEqual([...SECRET_ENV].sort());
    for (const value of Object.values(secret.stringData ?? {})) expect(value).toContain("CHANGE-ME");
  });
});
