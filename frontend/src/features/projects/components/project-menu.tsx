"use client";

// The menu beside a project's title: rename and recolour (one dialog), archive or unarchive. Only the owner may
// do these (design section 12), so only the owner sees the menu; the server refuses anyone else all the same.
import { LIMITS } from "@todo/contract/limits";
import type { Project } from "@todo/contract/project";
import { ArchiveIcon, ArchiveRestoreIcon, MoreHorizontalIcon, PencilIcon } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { describeProjectError, useUpdateProject } from "../api/projects";
import { ColorField } from "./create-project-dialog";

function EditProjectDialog({
  project,
  open,
  onOpenChange,
}: {
  project: Project;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [name, setName] = useState(project.name);
  const [color, setColor] = useState(project.color);
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateProject();
  const nameId = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = name.trim();
    if (!value) {
      setError("Give the project a name.");
      return;
    }
    const changes: { name?: string; color?: string } = {};
    if (value !== project.name) changes.name = value;
    if (color !== project.color) changes.color = color;
    if (Object.keys(changes).length === 0) {
      onOpenChange(false);
      return;
    }
    setError(null);
    update.mutate(
      { id: project.id, changes },
      {
        onSuccess: () => onOpenChange(false),
        onError: (e) => setError(`Could not save the project. ${describeProjectError(e)}`),
      },
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setName(project.name);
          setColor(project.color);
          setError(null);
        }
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4">
          <DialogHeader>
            <DialogTitle>Edit project</DialogTitle>
            <DialogDescription>Its name and colour, for every member.</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-2">
            <Label htmlFor={nameId}>Name</Label>
            <Input
              id={nameId}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={LIMITS.projectName}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              autoFocus
            />
          </div>
          <ColorField value={color} onChange={setColor} />
          {error && (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? "Saving…" : "Save"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ProjectMenu({ project }: { project: Project }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateProject();
  if (project.role !== "owner") return null;

  function setArchived(archived: boolean) {
    update.mutate(
      { id: project.id, changes: { archived } },
      {
        onSuccess: () =>
          toast.success(
            archived ? `Archived ${project.name}; find it under Archived in the sidebar` : `Restored ${project.name}`,
          ),
      },
    );
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Project menu for ${project.name}`}>
            <MoreHorizontalIcon aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setEditing(true)}>
            <PencilIcon aria-hidden /> Rename or recolour
          </DropdownMenuItem>
          {project.archived ? (
            <DropdownMenuItem onSelect={() => setArchived(false)}>
              <ArchiveRestoreIcon aria-hidden /> Unarchive
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem onSelect={() => setArchived(true)}>
              <ArchiveIcon aria-hidden /> Archive
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <EditProjectDialog project={project} open={editing} onOpenChange={setEditing} />
    </>
  );
}
