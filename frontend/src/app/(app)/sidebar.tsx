"use client";

// The navigation beside the list: the daily views (Inbox, Today, Upcoming, all tasks) and the user's projects.
// On a wide screen it is a column; on a phone the header's menu button opens it as a sheet.
import { CalendarDaysIcon, CalendarIcon, InboxIcon, ListIcon, SettingsIcon } from "lucide-react";
import Link from "next/link";
import { CreateProjectDialog } from "@/features/projects/components/create-project-dialog";
import { ArchivedProjects, ProjectNav } from "@/features/projects/components/project-nav";
import { useTaskCounts } from "@/features/tasks/api/task-counts";
import { cn } from "@/lib/utils";

/** `onNavigate` is given in the phone menu, which also holds the header's Settings link. */
export function Sidebar({ pathname, onNavigate }: { pathname: string; onNavigate?: () => void }) {
  const counts = useTaskCounts();
  const dueToday = counts.data ? counts.data.today + counts.data.overdue : 0;
  const views = [
    { href: "/inbox", label: "Inbox", icon: InboxIcon, count: 0 },
    { href: "/today", label: "Today", icon: CalendarIcon, count: dueToday },
    { href: "/upcoming", label: "Upcoming", icon: CalendarDaysIcon, count: 0 },
    { href: "/tasks", label: "All tasks", icon: ListIcon, count: counts.data?.pending ?? 0 },
    ...(onNavigate ? [{ href: "/settings", label: "Settings", icon: SettingsIcon, count: 0 }] : []),
  ];
  return (
    <div className="flex flex-col gap-4 p-3">
      <nav aria-label="Views">
        <ul className="flex flex-col gap-0.5">
          {views.map((view) => {
            const active = pathname === view.href;
            return (
              <li key={view.href}>
                <Link
                  href={view.href}
                  onClick={onNavigate}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex min-h-9 items-center gap-2 rounded-md px-2 text-sm outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
                    active ? "bg-secondary font-medium text-foreground" : "text-muted-foreground",
                  )}
                >
                  <view.icon aria-hidden className="size-4" />
                  {view.label}
                  {view.count > 0 && (
                    <span className="ml-auto text-xs tabular-nums text-muted-foreground">
                      {view.count}
                      <span className="sr-only"> tasks</span>
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <nav aria-labelledby="sidebar-projects" className="flex flex-col gap-1">
        <h2 id="sidebar-projects" className="px-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
          Projects
        </h2>
        <ProjectNav pathname={pathname} onNavigate={onNavigate} />
        <CreateProjectDialog onCreated={onNavigate} />
        <ArchivedProjects pathname={pathname} onNavigate={onNavigate} />
      </nav>
    </div>
  );
}
