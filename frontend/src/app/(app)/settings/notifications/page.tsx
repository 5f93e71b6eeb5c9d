import type { Metadata } from "next";
import { SettingsNav } from "@/features/auth/components/settings-nav";
import { NotificationsSettings } from "@/features/notifications/notifications-settings";

export const metadata: Metadata = { title: "Notifications" };

export default function NotificationsSettingsPage() {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
        <p className="text-sm text-muted-foreground">Reminders by email, browser push and webhook.</p>
      </div>
      <SettingsNav />
      <NotificationsSettings />
    </div>
  );
}
