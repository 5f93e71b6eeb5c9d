"use client";

// Moves a task (with its subtasks) to another project or to the Inbox: one PATCH of `project_id`. Lists the Inbox
// and the projects the caller may add tasks to (not those they only view). Opened from the row's Move button or m.
import type { Task } from "@todo/contract/task";
import { CheckIcon, InboxIcon } from "lucide-react";
import { type KeyboardEvent, useRef } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useProjects } from "@/lib/projects-query";
import { useUpdateTask } from "../api/update-task";

export function MoveTaskDialog({
  task,
  open,
  onOpenChange,
  afterClose,
}: {
  task: Task;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where the focus goes once the dialog has closed: `moved` says whether the task left for another project. */
  afterClose?: (moved: boolean) => void;
}) {
  const moved = useRef(false);
  const projects = useProjects();
  const update = useUpdateTask();
  const targets = [
    { id: null, name: "Inbox", color: null },
    ...(projects.data ?? [])
      .filter((p) => p.role !== "viewer")
      .map((p) => ({ id: p.id, name: p.name, color: p.color })),
  ];

  function move(projectId: string | null, name: string) {
    moved.current = projectId !== task.project_id;
    onOpenChange(false);
    if (projectId === task.project_id) return;
    update.mutate(
      { id: task.id, changes: { project_id: projectId } },
      { onSuccess: () => toast.success(`Moved “${task.title}” to ${name}`) },
    );
  }

  /** ↓/↑ (and j/k) walk the choices, as in the task list. */
  function onListKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const delta = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (!delta) return;
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLElement>("button"));
    const index = buttons.indexOf(document.activeElement as HTMLElement);
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, index + delta))];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        onCloseAutoFocus={(event) => {
          if (!afterClose) return;
          event.preventDefault();
          afterClose(moved.current);
          moved.current = false;
        }}
      >
        <DialogHeader>
          <DialogTitle>Move “{task.title}”</DialogTitle>
          <DialogDescription>
            {task.subtasks.total > 0 ? "Its subtasks go with it. " : ""}Choose where the task goes.
          </DialogDescription>
        </DialogHeader>
        <ul
          className="flex max-h-[60vh] flex-col gap-1 overflow-y-auto"
          aria-label="Projects"
          onKeyDown={onListKeyDown}
        >
          {targets.map((target, index) => {
            const current = target.id === task.project_id;
            return (
              <li key={target.id ?? "inbox"}>
                <Button
                  variant="ghost"
                  className="h-10 w-full justify-start gap-2"
                  aria-current={current ? "true" : undefined}
                  autoFocus={current || (index === 0 && task.project_id === null)}
                  onClick={() => move(target.id, target.name)}
                  data-testid="move-target"
                >
                  {target.color ? (
                    <span
                      aria-hidden
                      className="size-2.5 shrink-0 rounded-full"
                      style={{ backgroundColor: target.color }}
                    />
                  ) : (
                    <InboxIcon aria-hidden />
                  )}
                  <span className="truncate">{target.name}</span>
                  {current && (
                    <>
                      <CheckIcon aria-hidden className="ml-auto" />
                      <span className="sr-only"> (where it is now)</span>
                    </>
                  )}
                </Button>
              </li>
            );
          })}
        </ul>
      </DialogContent>
    </Dialog>
  );
}
