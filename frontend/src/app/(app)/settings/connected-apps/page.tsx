import type { Metadata } from "next";
import Link from "next/link";
import { ConnectedAppsCard } from "@/features/connected-apps/components/connected-apps-card";

export const metadata: Metadata = { title: "Connected apps" };

export default function ConnectedAppsPage() {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      <div className="flex flex-col gap-1">
        <Link href="/settings" className="text-sm text-muted-foreground hover:underline">
          ← Settings
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Connected apps</h1>
      </div>
      <ConnectedAppsCard />
    </div>
  );
}
