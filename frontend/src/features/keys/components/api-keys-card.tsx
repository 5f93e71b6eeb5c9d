"use client";

import { LIMITS } from "@todo/contract/limits";
import { KeyRoundIcon, Loader2Icon, TriangleAlertIcon } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { BackendUnreachable } from "@/components/backend-unreachable";
import { CopyButton } from "@/components/copy-button";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError, isUnreachable } from "@/lib/api-client";
import { type ApiKey, type NewApiKey, useApiKeys, useCreateApiKey, useRevokeApiKey } from "../api/keys";

function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "Never";
}

function RevokeButton({ apiKey }: { apiKey: ApiKey }) {
  const revoke = useRevokeApiKey();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`Revoke “${apiKey.name}”`}>
        Revoke
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Revoke “{apiKey.name}”?</DialogTitle>
            <DialogDescription>
              Any MCP client or script using this key stops working at once. This cannot be undone.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button
              variant="destructive"
              onClick={() => {
                revoke.mutate(apiKey);
                setOpen(false);
              }}
            >
              Revoke key
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

/** Create (the key is shown once), list and revoke personal API keys. */
export function ApiKeysCard({ onCreated }: { onCreated: (key: NewApiKey) => void }) {
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const nameId = useId();
  const errorId = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    create.mutate(trimmed, {
      onSuccess: (key) => {
        setCreated(key);
        onCreated(key);
        setName("");
      },
    });
  }

  const createError =
    create.error instanceof ApiError
      ? create.error.unreachable
        ? "The server is unreachable; no key was created."
        : create.error.message
      : create.error
        ? "The key could not be created."
        : null;

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <KeyRoundIcon aria-hidden className="size-4" /> API keys
        </CardTitle>
        <CardDescription>
          Personal keys let AI clients (through the MCP server) and scripts manage your tasks as you. Treat them like
          passwords.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <form onSubmit={onSubmit} className="flex flex-col gap-2">
          <Label htmlFor={nameId}>New key name</Label>
          <div className="flex gap-2">
            <Input
              id={nameId}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Claude Desktop on my laptop"
              maxLength={LIMITS.apiKeyName}
              aria-invalid={Boolean(createError)}
              aria-describedby={createError ? errorId : undefined}
            />
            <Button type="submit" disabled={!name.trim() || create.isPending}>
              {create.isPending && <Loader2Icon aria-hidden className="animate-spin" />}
              Create key
            </Button>
          </div>
          {createError && (
            <p id={errorId} role="alert" className="text-sm text-destructive">
              {createError}
            </p>
          )}
        </form>

        {keys.isPending && (
          <div className="flex flex-col gap-2" aria-busy="true">
            <p role="status" className="sr-only">
              Loading keys…
            </p>
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-full" />
          </div>
        )}
        {keys.isError &&
          (isUnreachable(keys.error) ? (
            <BackendUnreachable onRetry={() => keys.refetch()} retrying={keys.isFetching} className="py-6" />
          ) : (
            <p role="alert" className="text-sm text-destructive">
              The keys could not be loaded.{" "}
              <button type="button" className="underline" onClick={() => keys.refetch()}>
                Try again
              </button>
            </p>
          ))}
        {keys.data?.length === 0 && (
          <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
            No keys yet. Create one to connect an MCP client.
          </p>
        )}
        {keys.data && keys.data.length > 0 && (
          <ul
            className="flex flex-col divide-y rounded-md border"
            aria-label="Your API keys"
            data-testid="api-key-list"
          >
            {keys.data.map((key) => (
              <li
                key={key.id}
                className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
                data-testid="api-key-item"
              >
                <div className="flex min-w-0 flex-col gap-0.5">
                  <span className="truncate font-medium">{key.name}</span>
                  <span className="text-xs text-muted-foreground">
                    <code className="font-mono">{key.prefix}…</code> · created {formatDate(key.created_at)} · last used{" "}
                    {formatDate(key.last_used_at).toLowerCase()}
                  </span>
                </div>
                <RevokeButton apiKey={key} />
              </li>
            ))}
          </ul>
        )}
      </CardContent>

      <Dialog open={created !== null} onOpenChange={(open) => !open && setCreated(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Copy your new key</DialogTitle>
            <DialogDescription>
              This is the only time “{created?.name}” is shown in full. Store it somewhere safe; if you lose it, revoke
              it and create another.
            </DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-2">
            <Label htmlFor={`${nameId}-created`}>API key</Label>
            <div className="flex gap-2">
              <Input
                id={`${nameId}-created`}
                readOnly
                value={created?.key ?? ""}
                className="font-mono text-xs md:text-xs"
                onFocus={(e) => e.currentTarget.select()}
                data-testid="new-api-key"
              />
              <CopyButton text={created?.key ?? ""} />
            </div>
            <p className="flex items-start gap-2 text-xs text-muted-foreground">
              <TriangleAlertIcon aria-hidden className="mt-0.5 size-3.5 shrink-0" />
              The MCP configuration below now includes this key, ready to paste.
            </p>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button>I have copied it</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
