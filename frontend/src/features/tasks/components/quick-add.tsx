"use client";

import { LIMITS } from "@todo/contract/limits";
import type { ParsedTask } from "@todo/contract/task";
import {
  BellIcon,
  CalendarIcon,
  FlagIcon,
  FolderIcon,
  HashIcon,
  Loader2Icon,
  PlusIcon,
  RepeatIcon,
  TypeIcon,
} from "lucide-react";
import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/api-client";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { cn } from "@/lib/utils";
import { useQuickAdd, useQuickAddPreview } from "../api/quick-add";
import { describeError } from "../api/task-cache";
import { describeRecurrence, formatFull, formatWhen, PRIORITY_LABEL } from "../utils/format";

export const QUICK_ADD_INPUT_ID = "quick-add";
const FILL_EVENT = "todo:quick-add-fill";

/** Puts a line into quick add and focuses it (the first-run examples). */
export function fillQuickAdd(text: string) {
  window.dispatchEvent(new CustomEvent<string>(FILL_EVENT, { detail: text }));
}

const LONG_PLACEHOLDER = "Add a task, e.g. Pay rent every 1st 9am #home !high";
const SHORT_PLACEHOLDER = "Add a task, e.g. Gym 7am";

function PreviewChip({
  field,
  icon,
  label,
  children,
  className,
}: {
  field: string;
  icon: ReactNode;
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <li
      data-testid={`preview-${field}`}
      className={cn(
        "inline-flex max-w-full items-center gap-1.5 rounded-md border bg-background px-2 py-1 text-xs",
        className,
      )}
    >
      <span aria-hidden className="text-muted-foreground [&_svg]:size-3.5">
        {icon}
      </span>
      <span className="text-muted-foreground">{label}</span>
      <span className="truncate font-medium">{children}</span>
    </li>
  );
}

function Preview({ parsed }: { parsed: ParsedTask }) {
  const repeats = describeRecurrence(parsed.recurrence);
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="What quick add understood">
      <PreviewChip field="title" icon={<TypeIcon />} label="Title">
        {parsed.title}
      </PreviewChip>
      {parsed.project && (
        <PreviewChip field="project" icon={<FolderIcon />} label="Project">
          {parsed.project.name}
        </PreviewChip>
      )}
      {parsed.due_at && (
        <PreviewChip field="due" icon={<CalendarIcon />} label="Due">
          <time dateTime={parsed.due_at} title={formatFull(parsed.due_at)}>
            {formatWhen(parsed.due_at)}
          </time>
        </PreviewChip>
      )}
      {parsed.remind_at && (
        <PreviewChip field="remind" icon={<BellIcon />} label="Reminder">
          <time dateTime={parsed.remind_at} title={formatFull(parsed.remind_at)}>
            {formatWhen(parsed.remind_at)}
          </time>
        </PreviewChip>
      )}
      {parsed.priority !== "none" && (
        <PreviewChip field="priority" icon={<FlagIcon />} label="Priority">
          {PRIORITY_LABEL[parsed.priority]}
        </PreviewChip>
      )}
      {parsed.tags.length > 0 && (
        <PreviewChip field="tags" icon={<HashIcon />} label="Tags">
          {parsed.tags.map((t) => `#${t}`).join(" ")}
        </PreviewChip>
      )}
      {repeats && (
        <PreviewChip field="recurrence" icon={<RepeatIcon />} label="Repeats">
          <span title={parsed.recurrence ?? undefined}>{repeats}</span>
        </PreviewChip>
      )}
    </ul>
  );
}

/**
 * One line of plain language → a task, with a live preview of the date, priority, tags and recurrence found.
 * On a project's page the task goes to that project unless the line names another with #project.
 */
export function QuickAdd({ projectId, projectName }: { projectId?: string; projectName?: string } = {}) {
  const [text, setText] = useState("");
  const debounced = useDebouncedValue(text, 200);
  const preview = useQuickAddPreview(debounced);
  const quickAdd = useQuickAdd();
  // A failed add (the server unreachable, a refused line) gives the text back and says why (issue 18.3).
  const [failure, setFailure] = useState<string | null>(null);
  // A phone's input shows about 30 characters: the long example would be cut off (issue 18, daily use).
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const query = window.matchMedia("(max-width: 639px)");
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  useEffect(() => {
    const onFill = (event: Event) => {
      setText((event as CustomEvent<string>).detail);
      setFailure(null);
      document.getElementById(QUICK_ADD_INPUT_ID)?.focus();
    };
    window.addEventListener(FILL_EVENT, onFill);
    return () => window.removeEventListener(FILL_EVENT, onFill);
  }, []);
  const hintId = useId();
  const errorId = useId();
  const previewId = useId();

  const current = text.trim();
  const parsed = current && preview.data && debounced.trim() === current ? preview.data : undefined;
  const unavailable =
    preview.error instanceof ApiError && (preview.error.status === 404 || preview.error.status === 405);
  const previewError = preview.error instanceof ApiError && preview.error.status === 422 ? preview.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!current) return;
    const submitted = text;
    setFailure(null);
    quickAdd.mutate(
      { text: current, preview: parsed, projectId },
      {
        onError: (error) => {
          // Typed something new meanwhile: keep that; the toast still names the lost line.
          setText((now) => (now === "" ? submitted : now));
          setFailure(`Could not add the task. ${describeError(error)}`);
        },
      },
    );
    setText("");
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" aria-label="Quick add">
      <label htmlFor={QUICK_ADD_INPUT_ID} className="sr-only">
        Add a task
      </label>
      <div className="flex gap-2">
        <div className="relative flex-1">
          <PlusIcon
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id={QUICK_ADD_INPUT_ID}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (failure) setFailure(null);
            }}
            placeholder={projectName ? `Add a task to ${projectName}` : narrow ? SHORT_PLACEHOLDER : LONG_PLACEHOLDER}
            autoComplete="off"
            maxLength={LIMITS.quickAddText}
            className="h-11 pl-9 text-base md:text-base"
            aria-describedby={`${failure ? `${errorId} ` : ""}${hintId} ${previewId}`}
            aria-invalid={failure ? true : undefined}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                setText("");
                e.currentTarget.blur();
              }
            }}
          />
        </div>
        <Button type="submit" className="h-11" disabled={!current}>
          Add
        </Button>
      </div>
      {failure && (
        <p id={errorId} role="alert" className="text-sm text-destructive" data-testid="quick-add-error">
          {failure}
        </p>
      )}
      <p id={hintId} className="sr-only">
        Write the task in plain language. Dates like “tomorrow 5pm”, “every Monday”, tags with #, a project with
        #its-name, priority with !high, !medium or !low. Press Enter to add.
      </p>
      <div id={previewId} aria-live="polite" className="sm:min-h-7" data-testid="quick-add-preview">
        {current && parsed && <Preview parsed={parsed} />}
        {current && !parsed && preview.isFetching && (
          <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">
            <Loader2Icon aria-hidden className="size-3 animate-spin" /> Reading…
          </span>
        )}
        {current && previewError && <p className="text-xs text-destructive">{previewError.message}</p>}
        {current && unavailable && (
          <p className="text-xs text-muted-foreground">The preview is not available; the task is read when added.</p>
        )}
        {!current && (
          <p className="hidden text-xs text-muted-foreground sm:block">
            Try “Call mum tomorrow 6pm”, “Gym every Mon, Wed #health” or “Taxes by Apr 15 !high”. Press <kbd>n</kbd> to
            start typing.
          </p>
        )}
      </div>
    </form>
  );
}
