"use client";

// Settings -> Connected apps: the apps (MCP connectors such as Claude or ChatGPT) signed in with OAuth, their last
// use, and Disconnect, which stops their tokens at once.
import { PlugIcon } from "lucide-react";
import { useState } from "react";
import { BackendUnreachable } from "@/components/backend-unreachable";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { isUnreachable } from "@/lib/api-client";
import { type ConnectedApp, useConnectedApps, useDisconnectApp } from "../api/connected-apps";

function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "Never";
}

function DisconnectButton({ app }: { app: ConnectedApp }) {
  const disconnect = useDisconnectApp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`Disconnect “${app.name}”`}>
        Disconnect
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Disconnect “{app.name}”?</DialogTitle>
            <DialogDescription>
              It stops reaching your tasks at once. To use it again, connect it from the app and allow it again.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button
              variant="destructive"
              onClick={() => {
                disconnect.mutate(app);
                setOpen(false);
              }}
            >
              Disconnect
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

export function ConnectedAppsCard() {
  const apps = useConnectedApps();
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <PlugIcon aria-hidden className="size-4" /> Connected apps
        </CardTitle>
        <CardDescription>
          Apps you let in by signing in from them (Claude, ChatGPT and other MCP clients). They act on your tasks
          through the MCP server until you disconnect them.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        {apps.isPending && (
          <div className="flex flex-col gap-2" aria-busy="true">
            <p role="status" className="sr-only">
              Loading connected apps…
            </p>
            <Skeleton className="h-12 w-full" />
          </div>
        )}
        {apps.isError &&
          (isUnreachable(apps.error) ? (
            <BackendUnreachable onRetry={() => apps.refetch()} retrying={apps.isFetching} />
          ) : (
            <p role="alert" className="text-sm text-destructive">
              Connected apps could not be loaded.
            </p>
          ))}
        {apps.data?.length === 0 && <p className="text-sm text-muted-foreground">No apps are connected.</p>}
        {apps.data && apps.data.length > 0 && (
          <ul className="flex flex-col divide-y rounded-md border">
            {apps.data.map((app) => (
              <li key={app.client_id} className="flex items-center justify-between gap-4 p-3">
                <div className="flex min-w-0 flex-col">
                  <span className="truncate font-medium">{app.name}</span>
                  <span className="text-xs text-muted-foreground">
                    {app.redirect_host ? `${app.redirect_host} · ` : ""}Connected {formatDate(app.connected_at)} · Last
                    used {formatDate(app.last_used_at)}
                  </span>
                </div>
                <DisconnectButton app={app} />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
