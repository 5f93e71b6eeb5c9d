"use client";

import { LIMITS } from "@todo/contract/limits";
import type { Task } from "@todo/contract/task";
import {
  BellIcon,
  CalendarIcon,
  ChevronRightIcon,
  FlagIcon,
  FolderInputIcon,
  HistoryIcon,
  ListPlusIcon,
  PencilIcon,
  RepeatIcon,
  Trash2Icon,
} from "lucide-react";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
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
import { useProjects } from "@/lib/projects-query";
import { cn } from "@/lib/utils";
import { useDeleteTask } from "../api/delete-task";
import { useTasks } from "../api/list-tasks";
import { useAddSubtask } from "../api/subtasks";
import { useToggleTask } from "../api/toggle-task";
import { useUpdateTask } from "../api/update-task";
import { describeRecurrence, formatFull, formatWhen, isOverdue, PRIORITY_LABEL } from "../utils/format";
import { MoveTaskDialog } from "./move-task-dialog";
import { TaskActivity } from "./task-activity";
import { TaskEditor } from "./task-editor";
import { focusRow, useRovingTabIndex } from "./task-nav";

/** Subtasks nest up to four levels: a task at depth 3 takes no more. */
const MAX_DEPTH = 3;

/** "Sam Lee" → "SL", "ana" → "A". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => Array.from(w ?? "")[0]?.toUpperCase() ?? "").join("") || "?";
}

function AddSubtask({ parent, onDone }: { parent: Task; onDone: () => void }) {
  const [title, setTitle] = useState("");
  const add = useAddSubtask();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = title.trim();
    if (!value) return;
    add.mutate({ parent, title: value });
    setTitle("");
  }
  return (
    <form onSubmit={onSubmit} className="flex gap-2" aria-label={`Add a subtask to “${parent.title}”`}>
      <Input
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") onDone();
        }}
        placeholder="Add a subtask"
        aria-label="Subtask title"
        maxLength={LIMITS.title}
        autoFocus
        className="h-9"
      />
      <Button type="submit" size="sm" className="h-9" disabled={!title.trim()}>
        Add
      </Button>
    </form>
  );
}

function Subtasks({
  parent,
  depth,
  adding,
  onAdded,
  onTagClick,
}: {
  parent: Task;
  depth: number;
  adding: boolean;
  onAdded: () => void;
  onTagClick: (tag: string) => void;
}) {
  const query = useTasks({ status: "all" }, { parent: parent.id, sort: "position" });
  const tasks = query.data?.pages.flatMap((p) => p.tasks) ?? [];
  return (
    <div className="ml-5 flex flex-col gap-2 border-l pl-3 sm:ml-7">
      {tasks.length > 0 && (
        <ul className="flex flex-col gap-2" aria-label={`Subtasks of “${parent.title}”`} data-testid="subtask-list">
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} depth={depth} onTagClick={onTagClick} />
          ))}
        </ul>
      )}
      {adding && <AddSubtask parent={parent} onDone={onAdded} />}
    </div>
  );
}

const PRIORITY_STYLE = {
  high: "text-destructive",
  medium: "text-warning",
  low: "text-info",
  none: "",
} as const;

const PRIORITY_BORDER = {
  high: "border-l-destructive",
  medium: "border-l-warning",
  low: "border-l-info",
  none: "border-l-transparent",
} as const;

export function TaskItem({
  task,
  onTagClick,
  depth = 0,
}: {
  task: Task;
  onTagClick: (tag: string) => void;
  depth?: number;
}) {
  const [mode, setMode] = useState<"view" | "title" | "full">("view");
  const [expanded, setExpanded] = useState(false);
  const [addingSubtask, setAddingSubtask] = useState(false);
  const [activityOpen, setActivityOpen] = useState(false);
  const [draftTitle, setDraftTitle] = useState(task.title);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [moving, setMoving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const rowRef = useRef<HTMLDivElement>(null);
  // Back on the row after the editor closes, when it was opened from the keyboard.
  const refocus = useRef(false);
  const tabIndex = useRovingTabIndex(task.id);
  const projects = useProjects();
  const role = task.project_id === null ? "owner" : projects.data?.find((p) => p.id === task.project_id)?.role;
  const canMove = task.parent_id === null && role !== "viewer";
  const update = useUpdateTask();
  const toggle = useToggleTask();
  const remove = useDeleteTask();
  const titleId = useId();
  const overdue = isOverdue(task);
  const pending = task.id < 0; // optimistic draft not yet saved
  const repeats = describeRecurrence(task.recurrence);
  const hasDetails =
    task.due_at ||
    (task.remind_at && !task.completed) ||
    repeats ||
    task.priority !== "none" ||
    task.tags.length > 0 ||
    task.subtasks.total > 0;
  const showSubtasks = (expanded && task.subtasks.total > 0) || addingSubtask;

  useEffect(() => {
    if (mode === "view" && refocus.current) {
      refocus.current = false;
      rowRef.current?.focus();
    }
  }, [mode]);

  const deleting = useRef(false);
  /** The focus goes to the next row (or the one before) as this one leaves the list. */
  function focusNeighbour() {
    if (rowRef.current && !focusRow(rowRef.current, 1)) focusRow(rowRef.current, -1);
  }

  /** The row's own keys, only when the row itself has the focus (not one of its buttons or fields). */
  function onRowKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey || pending) return;
    const row = event.currentTarget;
    const actions: Record<string, () => void> = {
      j: () => focusRow(row, 1),
      ArrowDown: () => focusRow(row, 1),
      k: () => focusRow(row, -1),
      ArrowUp: () => focusRow(row, -1),
      Home: () => focusRow(row, "first"),
      End: () => focusRow(row, "last"),
      x: () => toggle.mutate(task),
      " ": () => toggle.mutate(task),
      Enter: () => {
        refocus.current = true;
        setMode("full");
      },
      e: () => {
        refocus.current = true;
        setMode("full");
      },
      m: () => {
        if (canMove) setMoving(true);
      },
      Delete: () => setConfirmDelete(true),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  function saveTitle() {
    const title = draftTitle.trim();
    setMode("view");
    if (title && title !== task.title) update.mutate({ id: task.id, changes: { title } });
    else setDraftTitle(task.title);
  }

  if (mode === "full") {
    return (
      <li className="rounded-lg border bg-card shadow-sm" data-testid="task-item" data-task-id={task.id}>
        <TaskEditor
          task={task}
          saving={update.isPending}
          saveError={saveError}
          onCancel={() => {
            setSaveError(null);
            setMode("view");
          }}
          onSave={(changes) => {
            setSaveError(null);
            if (Object.keys(changes).length === 0) {
              setMode("view");
              return;
            }
            update.mutate(
              { id: task.id, changes },
              {
                onSuccess: () => setMode("view"),
                onError: (error) => setSaveError(error),
              },
            );
          }}
        />
      </li>
    );
  }

  return (
    <li className="flex flex-col gap-2">
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable row named by its title, not a form fieldset */}
      <div
        ref={rowRef}
        data-testid="task-item"
        data-task-id={task.id}
        data-task-row
        data-overdue={overdue || undefined}
        role="group"
        aria-labelledby={titleId}
        aria-keyshortcuts="J K X Enter E M Delete"
        tabIndex={pending ? undefined : tabIndex}
        onKeyDown={onRowKeyDown}
        className={cn(
          "group flex items-start gap-3 rounded-lg border border-l-4 bg-card px-3 py-3 shadow-xs transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring sm:px-4",
          PRIORITY_BORDER[task.priority],
          overdue && "bg-overdue/5",
          pending && "opacity-60",
        )}
      >
        <Checkbox
          // 24 px on a phone (WCAG 2.5.8 target size), 20 px beside a mouse.
          className="mt-0.5 size-6 sm:size-5"
          checked={task.completed}
          disabled={pending}
          onCheckedChange={() => toggle.mutate(task)}
          aria-label={task.completed ? `Mark “${task.title}” as not done` : `Mark “${task.title}” as done`}
        />
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          {mode === "title" ? (
            <Input
              value={draftTitle}
              onChange={(e) => setDraftTitle(e.target.value)}
              onBlur={saveTitle}
              onKeyDown={(e) => {
                if (e.key === "Enter") saveTitle();
                if (e.key === "Escape") {
                  setDraftTitle(task.title);
                  setMode("view");
                }
              }}
              aria-label="Task title"
              maxLength={LIMITS.title}
              autoFocus
              className="h-8"
            />
          ) : (
            <button
              type="button"
              id={titleId}
              disabled={pending}
              onClick={() => {
                setDraftTitle(task.title);
                setMode("title");
              }}
              className={cn(
                "w-fit max-w-full cursor-text rounded-sm text-left font-medium break-words outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
                task.completed && "text-muted-foreground line-through",
              )}
              title="Click to rename"
              data-testid="task-title"
            >
              {task.title}
            </button>
          )}
          {task.description && (
            <p className="line-clamp-3 text-sm break-words whitespace-pre-line text-muted-foreground">
              {task.description}
            </p>
          )}
          {hasDetails && (
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
              {task.due_at && (
                <span
                  className={cn("inline-flex items-center gap-1", overdue && "font-semibold text-overdue")}
                  data-testid="task-due"
                >
                  <CalendarIcon aria-hidden className="size-3.5" />
                  <span className="sr-only">{overdue ? "Overdue, was due" : "Due"}</span>
                  <time dateTime={task.due_at} title={formatFull(task.due_at)}>
                    {formatWhen(task.due_at)}
                  </time>
                  {overdue && <span aria-hidden>· overdue</span>}
                </span>
              )}
              {task.remind_at && !task.completed && (
                <span className="inline-flex items-center gap-1" data-testid="task-remind">
                  <BellIcon aria-hidden className="size-3.5" />
                  <span className="sr-only">Reminder</span>
                  <time dateTime={task.remind_at} title={formatFull(task.remind_at)}>
                    {formatWhen(task.remind_at)}
                  </time>
                </span>
              )}
              {repeats && (
                <span
                  className="inline-flex items-center gap-1"
                  title={task.recurrence ?? undefined}
                  data-testid="task-recurrence"
                >
                  <RepeatIcon aria-hidden className="size-3.5" />
                  {repeats}
                </span>
              )}
              {task.priority !== "none" && (
                <span
                  className={cn("inline-flex items-center gap-1 font-medium", PRIORITY_STYLE[task.priority])}
                  data-testid="task-priority"
                >
                  <FlagIcon aria-hidden className="size-3.5" />
                  {PRIORITY_LABEL[task.priority]}
                  <span className="sr-only"> priority</span>
                </span>
              )}
              {task.subtasks.total > 0 && (
                <button
                  type="button"
                  onClick={() => setExpanded((v) => !v)}
                  aria-expanded={expanded}
                  className="inline-flex min-h-6 items-center gap-0.5 rounded-sm font-medium outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  data-testid="task-subtasks"
                >
                  <ChevronRightIcon
                    aria-hidden
                    className={cn("size-3.5 transition-transform", expanded && "rotate-90")}
                  />
                  {task.subtasks.done}/{task.subtasks.total}
                  <span className="sr-only"> subtasks done{expanded ? ", hide them" : ", show them"}</span>
                </button>
              )}
              {task.tags.map((tag) => (
                <button
                  key={tag}
                  type="button"
                  onClick={() => onTagClick(tag)}
                  className="rounded-sm bg-secondary px-1.5 py-0.5 font-medium text-secondary-foreground outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  aria-label={`Show tasks tagged ${tag}`}
                  data-testid="task-tag"
                >
                  #{tag}
                </button>
              ))}
            </div>
          )}
        </div>
        {task.assignee && (
          <span
            className="mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-secondary text-[0.65rem] font-semibold text-secondary-foreground"
            title={`Assigned to ${task.assignee.name}`}
            data-testid="task-assignee"
          >
            <span aria-hidden>{initials(task.assignee.name)}</span>
            <span className="sr-only">Assigned to {task.assignee.name}</span>
          </span>
        )}
        <div className="flex shrink-0 items-center gap-0.5 sm:opacity-60 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100">
          {depth < MAX_DEPTH && (
            <Button
              variant="ghost"
              size="icon-sm"
              disabled={pending}
              onClick={() => {
                setAddingSubtask(true);
                setExpanded(true);
              }}
              aria-label={`Add a subtask to “${task.title}”`}
            >
              <ListPlusIcon aria-hidden />
            </Button>
          )}
          <Button
            variant="ghost"
            size="icon-sm"
            disabled={pending}
            onClick={() => setActivityOpen(true)}
            aria-label={`Activity of “${task.title}”`}
          >
            <HistoryIcon aria-hidden />
          </Button>
          {canMove && (
            <Button
              variant="ghost"
              size="icon-sm"
              disabled={pending}
              onClick={() => setMoving(true)}
              aria-label={`Move “${task.title}” to a project`}
            >
              <FolderInputIcon aria-hidden />
            </Button>
          )}
          <Button
            variant="ghost"
            size="icon-sm"
            disabled={pending}
            onClick={() => setMode("full")}
            aria-label={`Edit “${task.title}”`}
          >
            <PencilIcon aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            disabled={pending}
            onClick={() => remove.mutate(task)}
            aria-label={`Delete “${task.title}”`}
            className="hover:text-destructive"
          >
            <Trash2Icon aria-hidden />
          </Button>
        </div>
      </div>
      {showSubtasks && (
        <Subtasks
          parent={task}
          depth={depth + 1}
          adding={addingSubtask}
          onAdded={() => setAddingSubtask(false)}
          onTagClick={onTagClick}
        />
      )}
      {activityOpen && <TaskActivity task={task} open={activityOpen} onOpenChange={setActivityOpen} />}
      {moving && (
        <MoveTaskDialog
          task={task}
          open={moving}
          onOpenChange={setMoving}
          afterClose={(moved) => (moved ? focusNeighbour() : rowRef.current?.focus())}
        />
      )}
      <Dialog open={confirmDelete} onOpenChange={setConfirmDelete}>
        <DialogContent
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (!deleting.current) {
              rowRef.current?.focus();
              return;
            }
            deleting.current = false;
            focusNeighbour();
            remove.mutate(task);
          }}
        >
          <DialogHeader>
            <DialogTitle>Delete “{task.title}”?</DialogTitle>
            <DialogDescription>
              {task.subtasks.total > 0
                ? `Its ${task.subtasks.total} subtask${task.subtasks.total === 1 ? "" : "s"} go with it. `
                : ""}
              You can undo this for a few seconds afterwards.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button
              variant="destructive"
              onClick={() => {
                deleting.current = true;
                setConfirmDelete(false);
              }}
            >
              Delete task
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </li>
  );
}
