"use client";

import { RefreshCwIcon, ServerCrashIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** Shown instead of a blank screen when the proxy reports that the backend is down. */
export function BackendUnreachable({
  onRetry,
  retrying = false,
  className,
}: {
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
}) {
  return (
    <div
      role="alert"
      data-testid="backend-unreachable"
      className={cn("mx-auto flex max-w-md flex-col items-center gap-4 px-6 py-16 text-center", className)}
    >
      <ServerCrashIcon aria-hidden className="size-12 text-muted-foreground" />
      <h1 className="text-xl font-semibold">The server is unreachable</h1>
      <p className="text-sm text-muted-foreground">
        The app is up, but it cannot reach the backend service right now. Your tasks are safe; this page will reconnect
        by itself as soon as the backend is back.
      </p>
      {onRetry && (
        <Button onClick={onRetry} disabled={retrying} variant="outline">
          <RefreshCwIcon aria-hidden className={cn(retrying && "animate-spin")} />
          {retrying ? "Retrying…" : "Try again"}
        </Button>
      )}
    </div>
  );
}
