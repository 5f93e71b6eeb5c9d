"use client";

import type { Task } from "@todo/contract/task";
import { BellIcon, BellOffIcon, BellRingIcon } from "lucide-react";
import { useEffect, useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useTaskOverview } from "../api/list-tasks";

const SEEN_KEY = "todo.reminders.seen";
/** Reminders that came due shortly before the app was opened are still worth showing. */
const GRACE_MS = 10 * 60_000;
const TICK_MS = 30_000;

function loadSeen(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(SEEN_KEY) ?? "[]") as string[]);
  } catch {
    return new Set();
  }
}

function saveSeen(seen: Set<string>) {
  localStorage.setItem(SEEN_KEY, JSON.stringify([...seen].slice(-500)));
}

function notify(task: Task) {
  const body = task.due_at ? `Due ${new Date(task.due_at).toLocaleString()}` : "Reminder";
  if ("Notification" in window && Notification.permission === "granted") {
    try {
      new Notification(task.title, { body, tag: `task-${task.id}`, icon: "/icon.svg" });
    } catch {
      // Some mobile browsers only allow notifications from a service worker; the toast below still shows.
    }
  }
  toast.info(`Reminder: ${task.title}`, { description: body, duration: 15_000 });
}

/** Shows a browser notification (and an in-app toast) when a task's remind time arrives while the app is open. */
export function ReminderNotifier() {
  const { data } = useTaskOverview();
  const [openedAt] = useState(() => Date.now());

  useEffect(() => {
    const tasks = (data?.tasks ?? []).filter((t) => !t.completed && t.remind_at && t.id > 0);
    if (tasks.length === 0) return;

    function check() {
      const now = Date.now();
      const seen = loadSeen();
      let changed = false;
      for (const task of tasks) {
        const at = Date.parse(task.remind_at!);
        const key = `${task.id}:${task.remind_at}`;
        if (at <= now && at >= openedAt - GRACE_MS && !seen.has(key)) {
          seen.add(key);
          changed = true;
          notify(task);
        }
      }
      if (changed) saveSeen(seen);
    }

    check();
    const interval = setInterval(check, TICK_MS);
    // Fire right on time for the next reminder instead of waiting for the next tick.
    const upcoming = tasks.map((t) => Date.parse(t.remind_at!) - Date.now()).filter((ms) => ms > 0 && ms < TICK_MS);
    const timers = upcoming.map((ms) => setTimeout(check, ms + 50));
    return () => {
      clearInterval(interval);
      for (const timer of timers) clearTimeout(timer);
    };
  }, [data, openedAt]);

  return null;
}

type Permission = NotificationPermission | "unsupported";

function subscribe(onChange: () => void) {
  // Permission changes are not evented everywhere; re-read when the tab regains focus.
  window.addEventListener("focus", onChange);
  return () => window.removeEventListener("focus", onChange);
}

function readPermission(): Permission {
  return "Notification" in window ? Notification.permission : "unsupported";
}

export function NotificationToggle() {
  const permission = useSyncExternalStore(subscribe, readPermission, () => "default" as Permission);
  const [, force] = useState(0);

  if (permission === "unsupported") return null;
  const label =
    permission === "granted"
      ? "Reminder notifications are on"
      : permission === "denied"
        ? "Notifications are blocked in this browser's site settings"
        : "Turn on reminder notifications";
  const Icon = permission === "granted" ? BellRingIcon : permission === "denied" ? BellOffIcon : BellIcon;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          aria-label={label}
          aria-disabled={permission !== "default"}
          onClick={async () => {
            if (permission !== "default") return;
            const result = await Notification.requestPermission();
            force((n) => n + 1);
            if (result === "granted") toast.success("You will be notified when a reminder is due.");
          }}
        >
          <Icon aria-hidden />
        </Button>
      </TooltipTrigger>
      <TooltipContent>{label}</TooltipContent>
    </Tooltip>
  );
}
