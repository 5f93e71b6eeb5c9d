"use client";

import { WifiOffIcon } from "lucide-react";
import { useEffect, useState } from "react";

/**
 * Registers the service worker (public/sw.js) in production builds and says so when the app is offline: what is
 * shown is the last loaded copy, and changes are not saved (the worker never answers a write).
 */
export function PwaSupport({ register }: { register: boolean }) {
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    if (register && "serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
        // No worker (private mode, an old browser): the app still works online.
      });
    }
    const update = () => setOffline(!navigator.onLine);
    update();
    const onMessage = (event: MessageEvent) => {
      if (event.data?.type === "offline") setOffline(true);
      if (event.data?.type === "online") setOffline(!navigator.onLine);
    };
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    navigator.serviceWorker?.addEventListener("message", onMessage);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
      navigator.serviceWorker?.removeEventListener("message", onMessage);
    };
  }, [register]);

  if (!offline) return null;
  return (
    <div
      role="status"
      data-testid="offline-notice"
      className="fixed inset-x-0 bottom-0 z-50 flex items-center justify-center gap-2 bg-amber-100 px-4 py-2 text-sm text-amber-950 shadow dark:bg-amber-900 dark:text-amber-50"
    >
      <WifiOffIcon aria-hidden className="size-4" />
      You are offline. This is the list as last loaded; changes are not saved until you are back online.
    </div>
  );
}
