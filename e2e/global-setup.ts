import type { TestProject } from "vitest/node";
import { startStack } from "./stack";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    backendUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const stack = await startStack();
  project.provide("baseUrl", stack.baseUrl);
  project.provide("backendUrl", stack.backendUrl);
  return async () => {
    await stack.stop();
  };
}
