"use client";

import { Loader2Icon } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import {
  useAccount,
  useAdminUsers,
  useCreateInvite,
  useDeleteInvite,
  useInvites,
  useSetUserDisabled,
} from "../api/account";
import { errorText } from "./password-reset-forms";

const SIGNUP_TEXT = {
  open: "Anyone who can reach this server can create an account.",
  invite: "Only invited addresses can create an account.",
  closed: "Nobody can create an account.",
} as const;

function UsersCard({ selfId }: { selfId: string }) {
  const users = useAdminUsers(true);
  const setDisabled = useSetUserDisabled();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Users</CardTitle>
        <CardDescription>Disabling a user signs them out everywhere and stops their API keys.</CardDescription>
      </CardHeader>
      <CardContent>
        {users.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <table className="w-full text-sm">
            <thead className="text-left text-muted-foreground">
              <tr>
                <th className="py-2 font-medium">Name</th>
                <th className="py-2 font-medium">Email</th>
                <th className="py-2 font-medium">Since</th>
                <th className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {(users.data ?? []).map((u) => (
                <tr key={u.id} className={u.disabled ? "text-muted-foreground" : undefined}>
                  <td className="py-2">
                    {u.name}
                    {u.admin && <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs">admin</span>}
                    {u.disabled && <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs">disabled</span>}
                  </td>
                  <td className="py-2 break-all">{u.email}</td>
                  <td className="py-2 whitespace-nowrap">{new Date(u.created_at).toLocaleDateString()}</td>
                  <td className="py-2 text-right">
                    {!u.admin && u.id !== selfId && (
                      <Button
                        variant="outline"
                        size="sm"
                        aria-label={`${u.disabled ? "Enable" : "Disable"} ${u.email}`}
                        disabled={setDisabled.isPending}
                        onClick={() =>
                          setDisabled.mutate(
                            { id: u.id, disabled: !u.disabled },
                            {
                              onSuccess: (user) =>
                                toast.success(`${user.email} is ${user.disabled ? "disabled" : "enabled"}.`),
                              onError: (error) => toast.error(errorText(error)),
                            },
                          )
                        }
                      >
                        {u.disabled ? "Enable" : "Disable"}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}

function InvitesCard({ mailEnabled }: { mailEnabled: boolean }) {
  const invites = useInvites(true);
  const create = useCreateInvite();
  const remove = useDeleteInvite();
  const [email, setEmail] = useState("");
  const id = useId();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(email.trim(), {
      onSuccess: (invite) => {
        setEmail("");
        toast.success(mailEnabled ? `Invited ${invite.email}; an email is on its way.` : `Invited ${invite.email}.`);
      },
    });
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Invitations</CardTitle>
        <CardDescription>An invited address can create one account; the invitation is then used up.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <form onSubmit={onSubmit} className="flex items-end gap-2">
          <div className="flex flex-1 flex-col gap-2">
            <Label htmlFor={id}>Email to invite</Label>
            <Input id={id} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <Button type="submit" disabled={!email.trim() || create.isPending}>
            {create.isPending && <Loader2Icon aria-hidden className="animate-spin" />}
            Invite
          </Button>
        </form>
        {create.error && (
          <p role="alert" className="text-sm text-destructive">
            {errorText(create.error)}
          </p>
        )}
        <ul className="flex flex-col divide-y text-sm" aria-label="Pending invitations">
          {(invites.data ?? []).map((invite) => (
            <li key={invite.email} className="flex items-center justify-between py-2">
              <span className="break-all">{invite.email}</span>
              <Button variant="ghost" size="sm" onClick={() => remove.mutate(invite.email)}>
                Withdraw
              </Button>
            </li>
          ))}
          {invites.data?.length === 0 && <li className="py-2 text-muted-foreground">No pending invitations.</li>}
        </ul>
      </CardContent>
    </Card>
  );
}

export function AdminSettings() {
  const account = useAccount();
  if (!account.data) return <Skeleton className="h-64 w-full" />;
  if (!account.data.admin) {
    return <p className="text-sm text-muted-foreground">Only an admin of this server can see this page.</p>;
  }
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Sign-up</CardTitle>
          <CardDescription>
            <code>SIGNUP={account.data.signup}</code>: {SIGNUP_TEXT[account.data.signup]} Change it with the SIGNUP
            setting (open, invite or closed) and restart.
          </CardDescription>
        </CardHeader>
      </Card>
      <UsersCard selfId={account.data.id} />
      {account.data.signup === "invite" && <InvitesCard mailEnabled={account.data.mail_enabled} />}
    </div>
  );
}
