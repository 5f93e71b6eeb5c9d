import { installClientAddressHook } from "@/lib/client-address";
import { readConfig } from "@/lib/config";

export function checkConfigAtStartup() {
  const { config, problems } = readConfig();
  if (problems.length > 0) {
    console.error(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  installClientAddressHook(config.trustedProxies);
  console.log(`frontend: proxying /api/* to ${config.backendUrl}`);
}
