"use client";

// A new project: a name and a colour. Opens from the sidebar; on success goes to the project's page.
import { LIMITS } from "@todo/contract/limits";
import { PlusIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";
import { describeProjectError, useCreateProject } from "../api/projects";

export const PROJECT_COLORS = [
  { value: "#2563eb", name: "Blue" },
  { value: "#16a34a", name: "Green" },
  { value: "#dc2626", name: "Red" },
  { value: "#d97706", name: "Amber" },
  { value: "#9333ea", name: "Purple" },
  { value: "#db2777", name: "Pink" },
  { value: "#0d9488", name: "Teal" },
  { value: "#6b7280", name: "Grey" },
] as const;

/** The colour choice of a new or renamed project: one radio per colour of the set, named for screen readers. */
export function ColorField({ value, onChange }: { value: string; onChange: (color: string) => void }) {
  const name = useId();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-medium">Colour</legend>
      <div className="flex flex-wrap gap-2">
        {PROJECT_COLORS.map((c) => (
          <label
            key={c.value}
            className={cn(
              "relative flex size-8 cursor-pointer items-center justify-center rounded-full border-2 border-transparent has-[:checked]:border-foreground has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
            )}
          >
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
              className="absolute inset-0 cursor-pointer appearance-none rounded-full opacity-0"
              aria-label={c.name}
            />
            <span aria-hidden className="size-5 rounded-full" style={{ backgroundColor: c.value }} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CreateProjectDialog({ onCreated }: { onCreated?: () => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [color, setColor] = useState<string>(PROJECT_COLORS[0].value);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateProject();
  const router = useRouter();
  const nameId = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = name.trim();
    if (!value) {
      setError("Give the project a name.");
      return;
    }
    setError(null);
    create.mutate(
      { name: value, color },
      {
        onSuccess: (project) => {
          setOpen(false);
          setName("");
          onCreated?.();
          router.push(`/projects/${project.id}`);
        },
        onError: (e) => setError(`Could not create the project. ${describeProjectError(e)}`),
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="h-9 w-full justify-start text-muted-foreground">
          <PlusIcon aria-hidden />
          New project
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} className="flex flex-col gap-4">
          <DialogHeader>
            <DialogTitle>New project</DialogTitle>
            <DialogDescription>
              A list of its own, which you can share with other people on this server.
            </DialogDescription>
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
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create project"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
