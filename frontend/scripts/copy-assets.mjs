// The standalone server does not serve .next/static or public/ unless they sit beside it; copy them there
// after `next build` so `npm start` (and the container image) serve a complete app.
import { cpSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const standalone = join(root, ".next", "standalone", "frontend");

if (!existsSync(standalone)) {
  console.error(`copy-assets: ${standalone} is missing; is output: "standalone" set in next.config.ts?`);
  process.exit(1);
}
cpSync(join(root, ".next", "static"), join(standalone, ".next", "static"), { recursive: true });
if (existsSync(join(root, "public"))) cpSync(join(root, "public"), join(standalone, "public"), { recursive: true });
console.log("copy-assets: static files copied into .next/standalone/frontend");
