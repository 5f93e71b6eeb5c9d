"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { useAccount } from "../api/account";

/** The tabs of Settings: API keys, Account, and Admin for admins. */
export function SettingsNav() {
  const pathname = usePathname();
  const account = useAccount();
  const items = [
    { href: "/settings", label: "API keys & MCP" },
    { href: "/settings/account", label: "Account" },
    { href: "/settings/notifications", label: "Notifications" },
    { href: "/settings/connected-apps", label: "Connected apps" },
    ...(account.data?.admin ? [{ href: "/settings/admin", label: "Admin" }] : []),
  ];
  return (
    <nav aria-label="Settings" className="flex gap-1 overflow-x-auto border-b">
      {items.map((item) => {
        const active = pathname === item.href;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              active
                ? "border-primary text-foreground"
                : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
