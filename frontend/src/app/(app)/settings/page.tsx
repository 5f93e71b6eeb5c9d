import type { Metadata } from "next";
import { SettingsNav } from "@/features/auth/components/settings-nav";
import { KeysSettings } from "@/features/keys/components/keys-settings";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Settings" };
// MCP_PUBLIC_URL and MCP_PORT are read per request, not frozen into the build.
export const dynamic = "force-dynamic";

export default function SettingsPage() {
  const { mcpPublicUrl, mcpPort } = getConfig();
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-muted-foreground">API keys and connecting AI clients to your tasks.</p>
      </div>
      <SettingsNav />
      <KeysSettings mcpUrl={mcpPublicUrl} mcpPort={mcpPort} />
    </div>
  );
}
