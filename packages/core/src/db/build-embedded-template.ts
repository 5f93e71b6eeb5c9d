// `npm run build -w @todo/core`: writes the embedded database template for the current migrations
// (packages/core/dist/embedded-<hash>.tgz; see embedded.ts). Skips the work when it is already there.
import { existsSync } from "node:fs";
import { buildTemplate, templatePath } from "./embedded";

const path = templatePath();
if (existsSync(path)) {
  console.log(`embedded template is current: ${path}`);
} else {
  const started = Date.now();
  await buildTemplate(path);
  console.log(`embedded template built in ${Date.now() - started} ms: ${path}`);
}
