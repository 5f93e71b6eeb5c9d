// Once per `npm run test:containers`: the snapshot, Docker, base images and the image builds (scripts/containers/
// images.ts), handed to the test files with provide(); afterwards the stack, images and temporary files go
// (CONTAINERS_TEST_KEEP=1 leaves them for debugging).
import type { TestProject } from "vitest/node";
import { KEEP, killChildren, log, ROOT } from "./harness";
import { type Preparation, prepareImages } from "./images";
import { composeDown, createWorkspace, removeWorkspace, snapshotWorkingTree, type Workspace } from "./workspace";

declare module "vitest" {
  export interface ProvidedContext {
    containers: { ws: Workspace; preparation: Preparation };
  }
}

export default async function setup(project: TestProject) {
  const ws = createWorkspace();
  log(`containers test: snapshot of ${ROOT} in ${ws.work}`);
  const copied = await snapshotWorkingTree(ws);
  log(`snapshot: ${copied} files (tracked and untracked, .gitignore honoured)`);
  const preparation = await prepareImages(ws);
  project.provide("containers", { ws, preparation });

  return async () => {
    killChildren();
    if (KEEP) {
      log(`CONTAINERS_TEST_KEEP=1: left project ${ws.project}, images and ${ws.work}`);
      return;
    }
    log("tearing down");
    await composeDown(ws);
    const allBuilt = preparation.reports.every((r) => r.reused || (r.clean && !r.clean.error && !r.rebuild?.error));
    await removeWorkspace(ws, !allBuilt);
  };
}
