"use client";

// The user's projects in the sidebar: colour dot, pending count, a link to each. Reorder by dragging, with
// Alt+↑/↓ on a focused project, or with Move up/down in its menu (touch): one PATCH of `position` per move.
import type { Project } from "@todo/contract/project";
import { ArrowDownIcon, ArrowUpIcon, ChevronRightIcon, MoreHorizontalIcon, UsersIcon } from "lucide-react";
import Link from "next/link";
import { type DragEvent, type KeyboardEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import { positionFor, useArchivedProjects, useProjects, useUpdateProject } from "../api/projects";

const HINT_ID = "project-reorder-hint";

export function ProjectDot({ color, className }: { color: string; className?: string }) {
  return (
    <span aria-hidden className={cn("size-2.5 shrink-0 rounded-full", className)} style={{ backgroundColor: color }} />
  );
}

export function ProjectNav({ pathname, onNavigate }: { pathname: string; onNavigate?: () => void }) {
  const projects = useProjects();
  const update = useUpdateProject();
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const list = projects.data ?? [];

  function move(project: Project, to: number) {
    const from = list.findIndex((p) => p.id === project.id);
    if (to < 0 || to >= list.length || to === from) return;
    update.mutate({ id: project.id, changes: { position: positionFor(list, project.id, to) } });
  }

  function onKeyDown(event: KeyboardEvent, project: Project, index: number) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    move(project, event.key === "ArrowUp" ? index - 1 : index + 1);
    // Keep the focus on the moved project once the list re-renders.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-project-link="${project.id}"]`)?.focus());
  }

  function onDrop(event: DragEvent, index: number) {
    event.preventDefault();
    const project = list.find((p) => p.id === dragging);
    setDragging(null);
    setOver(null);
    if (project) move(project, index);
  }

  if (projects.isPending) {
    return (
      <div className="flex flex-col gap-2 px-2" aria-busy="true">
        <Skeleton className="h-6 w-3/4" />
        <Skeleton className="h-6 w-2/3" />
      </div>
    );
  }
  if (projects.isError) {
    return <p className="px-2 text-sm text-muted-foreground">The projects could not be loaded.</p>;
  }
  if (list.length === 0) {
    return <p className="px-2 text-sm text-muted-foreground">No projects yet.</p>;
  }

  return (
    <>
      <p id={HINT_ID} className="sr-only">
        Alt and the up or down arrow move the project.
      </p>
      <ul className="flex flex-col gap-0.5" aria-label="Projects" data-testid="project-nav">
        {list.map((project, index) => {
          const href = `/projects/${project.id}`;
          const active = pathname === href;
          return (
            <li
              key={project.id}
              draggable
              onDragStart={(e) => {
                setDragging(project.id);
                e.dataTransfer.effectAllowed = "move";
                e.dataTransfer.setData("text/plain", project.id);
              }}
              onDragOver={(e) => {
                if (!dragging) return;
                e.preventDefault();
                setOver(index);
              }}
              onDragLeave={() => setOver((o) => (o === index ? null : o))}
              onDrop={(e) => onDrop(e, index)}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
              className={cn(
                "group flex items-center rounded-md",
                active && "bg-secondary",
                over === index && dragging !== project.id && "ring-2 ring-ring/50",
                dragging === project.id && "opacity-50",
              )}
              data-testid="project-nav-item"
              data-project-id={project.id}
            >
              <Link
                href={href}
                onClick={onNavigate}
                onKeyDown={(e) => onKeyDown(e, project, index)}
                aria-current={active ? "page" : undefined}
                aria-describedby={HINT_ID}
                data-project-link={project.id}
                className={cn(
                  "flex min-h-9 min-w-0 flex-1 items-center gap-2 rounded-md px-2 text-sm outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  active ? "font-medium text-foreground" : "text-muted-foreground",
                )}
              >
                <ProjectDot color={project.color} />
                <span className="truncate">{project.name}</span>
                {project.members > 1 && (
                  <UsersIcon aria-label="Shared" className="size-3.5 shrink-0 text-muted-foreground" />
                )}
                {project.pending > 0 && (
                  <span className="ml-auto text-xs tabular-nums text-muted-foreground" data-testid="project-pending">
                    {project.pending}
                    <span className="sr-only"> pending</span>
                  </span>
                )}
              </Link>
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={`More for ${project.name}`}
                    className="shrink-0 sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100 sm:data-[state=open]:opacity-100"
                  >
                    <MoreHorizontalIcon aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  <DropdownMenuItem disabled={index === 0} onSelect={() => move(project, index - 1)}>
                    <ArrowUpIcon aria-hidden /> Move up
                  </DropdownMenuItem>
                  <DropdownMenuItem disabled={index === list.length - 1} onSelect={() => move(project, index + 1)}>
                    <ArrowDownIcon aria-hidden /> Move down
                  </DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Archived projects, out of the way: a closed "Archived" section under the projects, each still one click away. */
export function ArchivedProjects({ pathname, onNavigate }: { pathname: string; onNavigate?: () => void }) {
  const [open, setOpen] = useState(false);
  const archived = useArchivedProjects();
  const list = archived.data ?? [];
  if (list.length === 0) return null;
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="archived-projects">
      <summary className="flex min-h-9 cursor-pointer items-center gap-1 rounded-md px-2 text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50">
        <ChevronRightIcon aria-hidden className={cn("size-4 transition-transform", open && "rotate-90")} />
        Archived
        <span className="ml-auto text-xs tabular-nums">{list.length}</span>
      </summary>
      <ul className="flex flex-col gap-0.5" aria-label="Archived projects">
        {list.map((project) => {
          const href = `/projects/${project.id}`;
          const active = pathname === href;
          return (
            <li key={project.id}>
              <Link
                href={href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex min-h-9 min-w-0 items-center gap-2 rounded-md px-2 pl-7 text-sm outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  active ? "bg-secondary font-medium text-foreground" : "text-muted-foreground",
                )}
              >
                <ProjectDot color={project.color} />
                <span className="truncate">{project.name}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
