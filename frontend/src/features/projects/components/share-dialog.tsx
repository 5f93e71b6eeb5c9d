"use client";

// Sharing one project: its members with their roles; an owner invites by email with a role, changes roles and
// removes members; anyone may leave. The server decides what is allowed (a last owner cannot leave).
import { ROLES, type Role } from "@todo/contract/enums";
import type { Member, Project } from "@todo/contract/project";
import { UserPlusIcon, UsersIcon } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { describeProjectError, useAddMember, useMembers, useRemoveMember, useUpdateMember } from "../api/projects";

export const ROLE_LABEL: Record<Role, string> = { owner: "Owner", editor: "Editor", viewer: "Viewer" };
const ROLE_HELP: Record<Role, string> = {
  viewer: "sees the tasks",
  editor: "also adds, changes and completes tasks",
  owner: "also renames the project and manages members",
};

const SELECT_CLASS =
  "h-9 rounded-md border border-input bg-background px-2 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50";

function MemberRow({
  member,
  project,
  currentUserId,
  onLeft,
}: {
  member: Member;
  project: Project;
  currentUserId: string;
  onLeft: () => void;
}) {
  const update = useUpdateMember(project.id);
  const remove = useRemoveMember(project.id);
  const self = member.user_id === currentUserId;
  const manage = project.role === "owner" && !self;
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-2 py-2" data-testid="member" data-email={member.email}>
      <div className="flex min-w-0 flex-1 flex-col">
        <span className="truncate font-medium">
          {member.name}
          {self && <span className="font-normal text-muted-foreground"> (you)</span>}
        </span>
        <span className="truncate text-xs text-muted-foreground">{member.email}</span>
      </div>
      {manage ? (
        <select
          className={SELECT_CLASS}
          value={member.role}
          aria-label={`Role of ${member.name}`}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ userId: member.user_id, role: e.target.value as Role })}
          data-testid="member-role"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      ) : (
        <span className="text-sm text-muted-foreground" data-testid="member-role-text">
          {ROLE_LABEL[member.role]}
        </span>
      )}
      {(manage || self) && (
        <Button
          variant="outline"
          size="sm"
          disabled={remove.isPending}
          onClick={async () => {
            // mutateAsync: leaving unmounts this row (the project goes), which would drop mutate's callbacks.
            try {
              await remove.mutateAsync(member.user_id);
              if (self) {
                toast.success(`You left ${project.name}`);
                onLeft();
              }
            } catch (e) {
              toast.error(`${self ? "Could not leave" : "Could not remove"}. ${describeProjectError(e)}`);
            }
          }}
        >
          {self ? "Leave" : "Remove"}
          {!self && <span className="sr-only"> {member.name}</span>}
        </Button>
      )}
    </li>
  );
}

function InviteForm({ project }: { project: Project }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [error, setError] = useState<string | null>(null);
  const add = useAddMember(project.id);
  const emailId = useId();
  const roleId = useId();
  const errorId = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = email.trim();
    if (!value) return;
    setError(null);
    add.mutate(
      { email: value, role },
      {
        onSuccess: (member) => {
          setEmail("");
          toast.success(`Shared with ${member.name}`);
        },
        onError: (e) => setError(describeProjectError(e)),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" aria-label="Invite">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-48 flex-1 flex-col gap-1.5">
          <Label htmlFor={emailId}>Email</Label>
          <Input
            id={emailId}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="sam@example.com"
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={roleId}>Role</Label>
          <select id={roleId} className={SELECT_CLASS} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={!email.trim() || add.isPending}>
          <UserPlusIcon aria-hidden />
          Invite
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">
        {ROLE_LABEL[role]}: {ROLE_HELP[role]}. They need an account on this server.
      </p>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-destructive" data-testid="invite-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function ShareDialog({
  project,
  currentUserId,
  onLeft,
}: {
  project: Project;
  currentUserId: string;
  onLeft: () => void;
}) {
  const [open, setOpen] = useState(false);
  const members = useMembers(project.id, open);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className="h-9">
          <UsersIcon aria-hidden />
          {project.members > 1 ? `Shared (${project.members})` : "Share"}
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="share-dialog">
        <DialogHeader>
          <DialogTitle>Share “{project.name}”</DialogTitle>
          <DialogDescription>
            Members see the project in their sidebar. You are{" "}
            {project.role === "owner" ? "an owner" : `a ${project.role}`}.
          </DialogDescription>
        </DialogHeader>
        {project.role === "owner" && <InviteForm project={project} />}
        {members.isPending && <Skeleton className="h-12 w-full" />}
        {members.isError && (
          <p role="alert" className="text-sm text-destructive">
            The members could not be loaded. {describeProjectError(members.error)}
          </p>
        )}
        {members.data && (
          <ul className="flex flex-col divide-y" aria-label="Members" data-testid="members">
            {members.data.map((member) => (
              <MemberRow
                key={member.user_id}
                member={member}
                project={project}
                currentUserId={currentUserId}
                onLeft={() => {
                  setOpen(false);
                  onLeft();
                }}
              />
            ))}
          </ul>
        )}
      </DialogContent>
    </Dialog>
  );
}
