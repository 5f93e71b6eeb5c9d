import type { Metadata } from "next";
import { AdminSettings } from "@/features/auth/components/admin-settings";
import { SettingsNav } from "@/features/auth/components/settings-nav";

export const metadata: Metadata = { title: "Admin" };

export default function AdminSettingsPage() {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-muted-foreground">Users of this server and who may sign up.</p>
      </div>
      <SettingsNav />
      <AdminSettings />
    </div>
  );
}
