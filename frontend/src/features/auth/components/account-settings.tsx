"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Loader2Icon, MonitorSmartphoneIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { toast } from "sonner";
import { BackendUnreachable } from "@/components/backend-unreachable";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
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
import { isUnreachable } from "@/lib/api-client";
import {
  type Account,
  accountKey,
  getAccount,
  useAccount,
  useChangeEmail,
  useChangePassword,
  useDeleteAccount,
  useRevokeOtherSessions,
  useSessions,
} from "../api/account";
import { useSession } from "../api/auth";
import { errorText } from "./password-reset-forms";

function Field({ label, children, id }: { label: string; id: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}

function Alert({ message }: { message: string | null }) {
  return message ? (
    <p
      role="alert"
      className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive"
    >
      {message}
    </p>
  ) : null;
}

function ChangePasswordCard() {
  const change = useChangePassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [others, setOthers] = useState(true);
  const ids = { current: useId(), next: useId(), others: useId() };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.mutate(
      { currentPassword: current, newPassword: next, revokeOtherSessions: others },
      {
        onSuccess: () => {
          setCurrent("");
          setNext("");
          toast.success(others ? "Password changed. Other devices are signed out." : "Password changed.");
        },
      },
    );
  }
  const message = change.error
    ? change.error instanceof Error && /invalid password/i.test(change.error.message)
      ? "The current password is not right."
      : errorText(change.error)
    : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Password</CardTitle>
        <CardDescription>Change the password you sign in with.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4">
          <Field label="Current password" id={ids.current}>
            <Input
              id={ids.current}
              type="password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          </Field>
          <Field label="New password" id={ids.next}>
            <Input
              id={ids.next}
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
          </Field>
          <div className="flex items-center gap-2">
            <Checkbox id={ids.others} checked={others} onCheckedChange={(v) => setOthers(v === true)} />
            <Label htmlFor={ids.others} className="font-normal">
              Sign out my other devices
            </Label>
          </div>
          <Alert message={message} />
          <div>
            <Button type="submit" disabled={change.isPending || !current || !next}>
              {change.isPending && <Loader2Icon aria-hidden className="animate-spin" />}
              Change password
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

function ChangeEmailCard({ account }: { account: Account }) {
  const change = useChangeEmail();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const id = useId();
  const needsLink = account.email_verified;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = email.trim().toLowerCase();
    change.mutate(wanted, {
      onSuccess: async () => {
        setEmail("");
        if (needsLink) return toast.success("Check the new address: open the link we sent to confirm it.");
        // Better Auth answers alike when the address is taken (it does not say so): look at what is stored.
        const fresh = await queryClient.fetchQuery({ queryKey: accountKey, queryFn: getAccount, staleTime: 0 });
        if (fresh.email === wanted) toast.success("Email changed.");
        else toast.error("The email was not changed; that address may already have an account.");
      },
    });
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Email</CardTitle>
        <CardDescription>
          You sign in with <strong className="text-foreground">{account.email}</strong>
          {account.email_verified ? " (confirmed)." : "."}
          {needsLink && " A new address is used once you open the link sent to it."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4">
          <Field label="New email" id={id}>
            <Input
              id={id}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <Alert message={change.error ? errorText(change.error) : null} />
          <div>
            <Button type="submit" disabled={change.isPending || !email.trim()}>
              {change.isPending && <Loader2Icon aria-hidden className="animate-spin" />}
              Change email
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

function describeAgent(agent: string | null | undefined): string {
  if (!agent) return "Unknown device";
  const browser = /Firefox\//.test(agent)
    ? "Firefox"
    : /Edg\//.test(agent)
      ? "Edge"
      : /Chrome\//.test(agent)
        ? "Chrome"
        : /Safari\//.test(agent)
          ? "Safari"
          : agent.split(" ")[0]!;
  const os = /Android/.test(agent)
    ? "Android"
    : /iPhone|iPad/.test(agent)
      ? "iOS"
      : /Mac OS X/.test(agent)
        ? "macOS"
        : /Windows/.test(agent)
          ? "Windows"
          : /Linux/.test(agent)
            ? "Linux"
            : "";
  return os ? `${browser} on ${os}` : browser;
}

function SessionsCard() {
  const sessions = useSessions();
  const current = useSession();
  const revoke = useRevokeOtherSessions();
  const currentId = current.data?.session.id;
  const others = (sessions.data ?? []).filter((s) => s.id !== currentId).length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Signed-in devices</CardTitle>
        <CardDescription>Every browser or script signed in to your account.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {sessions.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : (
          <ul className="flex flex-col divide-y rounded-md border" aria-label="Sessions">
            {(sessions.data ?? []).map((s) => (
              <li key={s.id} className="flex items-center gap-3 px-3 py-2 text-sm">
                <MonitorSmartphoneIcon aria-hidden className="size-4 text-muted-foreground" />
                <span className="flex-1">
                  {describeAgent(s.userAgent)}
                  {s.id === currentId && <span className="ml-2 text-xs text-muted-foreground">(this device)</span>}
                </span>
                <span className="text-xs text-muted-foreground">
                  since {new Date(s.createdAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <div>
          <Button
            variant="outline"
            disabled={revoke.isPending || others === 0}
            onClick={() =>
              revoke.mutate(undefined, {
                onSuccess: () => toast.success("Signed out of every other device."),
                onError: (error) => toast.error(errorText(error)),
              })
            }
          >
            Sign out other devices{others > 0 ? ` (${others})` : ""}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}

function DeleteAccountCard({ account }: { account: Account }) {
  const remove = useDeleteAccount();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [password, setPassword] = useState("");
  const ids = { email: useId(), password: useId() };
  const matches = typed.trim().toLowerCase() === account.email.toLowerCase();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches || !password) return;
    remove.mutate({ email: typed.trim(), password }, { onSuccess: () => router.replace("/sign-in?deleted=1") });
  }
  return (
    <Card className="border-destructive/40">
      <CardHeader>
        <CardTitle>Delete account</CardTitle>
        <CardDescription>
          Deletes your tasks, the projects only you own (with their tasks, also for the people you shared them with),
          your API keys and your conversations with the assistant. This cannot be undone.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Button variant="destructive" onClick={() => setOpen(true)}>
          Delete my account…
        </Button>
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogContent>
            <form onSubmit={onSubmit} className="flex flex-col gap-4">
              <DialogHeader>
                <DialogTitle>Delete your account?</DialogTitle>
                <DialogDescription>
                  Type <strong className="text-foreground">{account.email}</strong> and your password to confirm.
                </DialogDescription>
              </DialogHeader>
              <Field label="Your email" id={ids.email}>
                <Input id={ids.email} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
              </Field>
              <Field label="Password" id={ids.password}>
                <Input
                  id={ids.password}
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </Field>
              <Alert
                message={
                  remove.error
                    ? /invalid password/i.test((remove.error as Error).message)
                      ? "The password is not right."
                      : errorText(remove.error)
                    : null
                }
              />
              <DialogFooter>
                <DialogClose asChild>
                  <Button type="button" variant="outline">
                    Cancel
                  </Button>
                </DialogClose>
                <Button type="submit" variant="destructive" disabled={!matches || !password || remove.isPending}>
                  {remove.isPending && <Loader2Icon aria-hidden className="animate-spin" />}
                  Delete account and data
                </Button>
              </DialogFooter>
            </form>
          </DialogContent>
        </Dialog>
      </CardContent>
    </Card>
  );
}

export function AccountSettings() {
  const account = useAccount();
  if (account.isError && isUnreachable(account.error)) {
    return <BackendUnreachable onRetry={() => account.refetch()} retrying={account.isFetching} />;
  }
  if (!account.data) return <Skeleton className="h-64 w-full" />;
  return (
    <div className="flex flex-col gap-6">
      {!account.data.mail_enabled && (
        <p role="note" className="rounded-md border px-3 py-2 text-sm text-muted-foreground">
          This server sends no email (SMTP_URL is not set): password reset by email and email confirmation are off.
        </p>
      )}
      <ChangePasswordCard />
      <ChangeEmailCard account={account.data} />
      <SessionsCard />
      <DeleteAccountCard account={account.data} />
    </div>
  );
}
