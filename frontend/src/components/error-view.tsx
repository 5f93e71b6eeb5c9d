"use client";

import { AlertTriangleIcon } from "lucide-react";
import { useEffect } from "react";
import { BackendUnreachable } from "@/components/backend-unreachable";
import { Button } from "@/components/ui/button";
import { isUnreachable } from "@/lib/api-client";

/** The body of every error.tsx: a way out instead of a blank screen. */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  if (isUnreachable(error)) return <BackendUnreachable onRetry={reset} />;
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-4 px-6 py-16 text-center">
      <AlertTriangleIcon aria-hidden className="size-12 text-muted-foreground" />
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-muted-foreground">
        This part of the page could not be shown. Try again; if it keeps failing, reload the page.
      </p>
      {error.digest && <p className="font-mono text-xs text-muted-foreground">Reference: {error.digest}</p>}
      <div className="flex gap-2">
        <Button onClick={reset}>Try again</Button>
        <Button variant="outline" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </div>
    </div>
  );
}
