"use client";

// The consent page of the OAuth flow: which app asks, where the sign-in goes back to, what it may do; Allow or Deny.
import { MCP_ACCESS_DESCRIPTION, OAUTH_SCOPE_DESCRIPTIONS, type OAuthScope } from "@todo/contract/oauth";
import { Loader2Icon, PlugIcon } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { oauthQueryFrom, useConsent, useOAuthClient } from "../api/connected-apps";

function hostOf(uri: string | null): string | null {
  if (!uri) return null;
  try {
    return new URL(uri).host || uri;
  } catch {
    return null;
  }
}

export function ConsentForm() {
  const searchParams = useSearchParams();
  const oauthQuery = oauthQueryFrom(searchParams.toString());
  const clientId = searchParams.get("client_id");
  const client = useOAuthClient(clientId);
  const consent = useConsent();
  const scopes = (searchParams.get("scope") ?? "").split(" ").filter(Boolean);
  const redirectHost = hostOf(searchParams.get("redirect_uri"));

  if (!oauthQuery || !clientId) {
    return (
      <Card className="w-full max-w-md">
        <CardHeader>
          <h1 className="text-xl font-semibold">Nothing to approve</h1>
          <CardDescription>This page is opened by an app asking to connect. Start again from the app.</CardDescription>
        </CardHeader>
      </Card>
    );
  }

  async function answer(accept: boolean) {
    const url = await consent.mutateAsync({ accept, oauthQuery: oauthQuery ?? "" }).catch(() => undefined);
    if (url) window.location.assign(url);
  }

  const name = client.data?.client_name || redirectHost || "An app";
  const busy = consent.isPending || consent.isSuccess;
  return (
    <Card className="w-full max-w-md">
      <CardHeader>
        <h1 className="flex items-center gap-2 text-xl font-semibold">
          <PlugIcon aria-hidden className="size-5" />
          {client.isPending ? <Skeleton className="h-6 w-40" /> : <span>Connect {name}?</span>}
        </h1>
        <CardDescription>
          {redirectHost ? (
            <>
              After you answer, you go back to <strong className="font-medium text-foreground">{redirectHost}</strong>.
              Allow only if you started this from {name}.
            </>
          ) : (
            "Allow only if you started this from the app."
          )}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2 text-sm">
        <p className="font-medium">It will be able to:</p>
        <ul className="list-disc pl-5">
          <li>{MCP_ACCESS_DESCRIPTION}</li>
          {scopes
            .filter((s): s is OAuthScope => s in OAUTH_SCOPE_DESCRIPTIONS && s !== "openid")
            .map((s) => (
              <li key={s}>{OAUTH_SCOPE_DESCRIPTIONS[s]}</li>
            ))}
        </ul>
        <p className="text-muted-foreground">You can disconnect it any time in Settings → Connected apps.</p>
        {consent.isError && (
          <p role="alert" className="text-destructive">
            {consent.error.message || "Your answer could not be sent. Try again."}
          </p>
        )}
      </CardContent>
      <CardFooter className="flex justify-end gap-2">
        <Button variant="outline" disabled={busy} onClick={() => answer(false)}>
          Deny
        </Button>
        <Button disabled={busy || client.isError} onClick={() => answer(true)}>
          {busy && <Loader2Icon aria-hidden className="animate-spin" />}
          Allow
        </Button>
      </CardFooter>
    </Card>
  );
}
