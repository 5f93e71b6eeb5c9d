import type { Metadata } from "next";
import { AccountSettings } from "@/features/auth/components/account-settings";
import { SettingsNav } from "@/features/auth/components/settings-nav";

export const metadata: Metadata = { title: "Account" };

export default function AccountSettingsPage() {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-muted-foreground">
          Your password, email, signed-in devices, and deleting the account.
        </p>
      </div>
      <SettingsNav />
      <AccountSettings />
    </div>
  );
}
