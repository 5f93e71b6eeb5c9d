import type { Metadata } from "next";
import { SettingsNav } from "@/features/auth/components/settings-nav";
import { ConnectedAppsCard } from "@/features/connected-apps/components/connected-apps-card";

export const metadata: Metadata = { title: "Connected apps" };

export default function ConnectedAppsPage() {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Connected apps</h1>
        <p className="text-sm text-muted-foreground">Claude, ChatGPT and other apps you signed in with OAuth.</p>
      </div>
      <SettingsNav />
      <ConnectedAppsCard />
    </div>
  );
}
