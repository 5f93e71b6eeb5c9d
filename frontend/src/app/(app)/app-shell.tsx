"use client";

// The signed-in frame: header, navigation, the assistant side panel and reminder notifications. It also decides
// what to show while the session is checked: a skeleton, the sign-in redirect, or "backend unreachable".
import { useQueryClient } from "@tanstack/react-query";
import { KeyboardIcon, ListChecksIcon, MenuIcon, SparklesIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { ErrorView } from "@/components/error-view";
import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { useSession } from "@/features/auth/api/auth";
import { UserMenu } from "@/features/auth/components/user-menu";
import { AssistantPanel } from "@/features/chat/components/assistant-panel";
import { tasksKeys } from "@/features/tasks/api/task-cache";
import { NotificationToggle, ReminderNotifier } from "@/features/tasks/components/reminders";
import { redirectToSignIn } from "@/lib/api-client";
import { useShortcut } from "@/lib/use-shortcut";
import { cn } from "@/lib/utils";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { Sidebar } from "./sidebar";

const ASSISTANT_OPEN_KEY = "todo.assistant.open";

const NAV = [
  { href: "/tasks", label: "Tasks" },
  { href: "/settings", label: "Settings" },
];

function Brand() {
  return (
    <Link
      href="/tasks"
      className="flex items-center gap-2 rounded-sm font-semibold outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <ListChecksIcon aria-hidden className="size-5" />
      <span>Todo</span>
    </Link>
  );
}

function ShellSkeleton() {
  return (
    <div className="flex min-h-dvh flex-col" aria-busy="true">
      <p role="status" className="sr-only">
        Loading…
      </p>
      <header className="flex h-14 items-center gap-4 border-b px-4">
        <Brand />
        <Skeleton className="ml-auto h-8 w-32" />
      </header>
      <main className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-4 py-6 sm:px-6">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-11 w-full" />
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-16 w-full" />
      </main>
    </div>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const session = useSession();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const [assistantOpen, setAssistantOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    // Remember the panel on wide screens only; on a phone it covers the page.
    if (window.matchMedia("(min-width: 1024px)").matches && localStorage.getItem(ASSISTANT_OPEN_KEY) === "1") {
      setAssistantOpen(true);
    }
  }, []);

  const toggleAssistant = useCallback((open?: boolean) => {
    setAssistantOpen((current) => {
      const next = open ?? !current;
      localStorage.setItem(ASSISTANT_OPEN_KEY, next ? "1" : "0");
      return next;
    });
  }, []);

  const signedOut = session.isSuccess && !session.data?.user;
  useEffect(() => {
    if (signedOut) redirectToSignIn();
  }, [signedOut]);

  useShortcut("a", () => toggleAssistant());
  useShortcut("?", () => setShortcutsOpen(true));

  const refreshTasks = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: tasksKeys.all });
  }, [queryClient]);

  if (session.isError && !session.data) {
    return (
      <main className="flex min-h-dvh items-center justify-center">
        <ErrorView error={session.error} reset={() => void session.refetch()} />
      </main>
    );
  }
  if (!session.data?.user) return <ShellSkeleton />;

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 h-14 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80">
        <div className="flex h-full items-center gap-2 px-3 sm:gap-4 sm:px-4">
          <Button
            variant="ghost"
            size="icon"
            className="md:hidden"
            onClick={() => setMenuOpen(true)}
            aria-label="Open the menu: views and projects"
            aria-expanded={menuOpen}
          >
            <MenuIcon aria-hidden />
          </Button>
          <Brand />
          {/* On a phone the menu holds these (the header has no room for them beside the menu button). */}
          <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
            {NAV.map((item) => {
              const active = pathname.startsWith(item.href);
              return (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "rounded-md px-2.5 py-1.5 text-sm font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
                    active && "bg-secondary text-foreground",
                  )}
                >
                  {item.label}
                </Link>
              );
            })}
          </nav>
          <div className="ml-auto flex items-center gap-0.5 sm:gap-1">
            <Button
              variant={assistantOpen ? "secondary" : "ghost"}
              size="sm"
              onClick={() => toggleAssistant()}
              aria-expanded={assistantOpen}
              aria-controls="assistant"
              aria-label="Assistant"
              title="Assistant (a)"
            >
              <SparklesIcon aria-hidden />
              <span className="hidden sm:inline">Assistant</span>
            </Button>
            <Button
              variant="ghost"
              size="icon"
              onClick={() => setShortcutsOpen(true)}
              aria-label="Keyboard shortcuts"
              className="hidden sm:inline-flex"
            >
              <KeyboardIcon aria-hidden />
            </Button>
            <NotificationToggle />
            <ThemeToggle />
            <UserMenu user={session.data.user} />
          </div>
        </div>
      </header>
      <div className="flex flex-1">
        <aside
          aria-label="Views and projects"
          className="sticky top-14 hidden h-[calc(100dvh-3.5rem)] w-60 shrink-0 overflow-y-auto border-r md:block"
        >
          <Sidebar pathname={pathname} />
        </aside>
        <main id="main" className="min-w-0 flex-1" tabIndex={-1}>
          {children}
        </main>
        <AssistantPanel
          id="assistant"
          open={assistantOpen}
          onClose={() => toggleAssistant(false)}
          onTurnFinished={refreshTasks}
        />
      </div>
      <ReminderNotifier />
      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
      <Dialog open={menuOpen} onOpenChange={setMenuOpen}>
        <DialogContent
          className="top-0 left-0 h-dvh max-h-dvh w-72 max-w-[85vw] translate-x-0 translate-y-0 content-start gap-0 rounded-none border-y-0 border-l-0 p-0 sm:max-w-[85vw]"
          data-testid="mobile-menu"
          showCloseButton={false}
        >
          <div className="flex items-center justify-between px-5 pt-3">
            <DialogTitle className="text-base">Menu</DialogTitle>
            <DialogClose asChild>
              <Button variant="ghost" size="icon" aria-label="Close the menu">
                <XIcon aria-hidden />
              </Button>
            </DialogClose>
          </div>
          <DialogDescription className="sr-only">Views and projects</DialogDescription>
          <Sidebar pathname={pathname} onNavigate={() => setMenuOpen(false)} />
        </DialogContent>
      </Dialog>
    </div>
  );
}
