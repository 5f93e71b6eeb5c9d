"use client";

import { CheckCircle2Icon, SearchXIcon } from "lucide-react";
import { BackendUnreachable } from "@/components/backend-unreachable";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { isUnreachable } from "@/lib/api-client";
import { useTasks } from "../api/list-tasks";
import { describeError } from "../api/task-cache";
import { useTaskCounts } from "../api/task-counts";
import { isFiltered, type TaskFilters } from "../utils/filters";
import { fillQuickAdd } from "./quick-add";
import { ShowMore } from "./show-more";
import { TaskItem } from "./task-item";
import { TaskNav } from "./task-nav";

/** What a first-time user can try: each fills quick add, to be read (preview) and added with Enter. */
const FIRST_RUN_EXAMPLES = ["Call mum tomorrow 6pm", "Gym every Mon, Wed #health", "Pay rent every 1st 9am !high"];

function FirstRun() {
  return (
    <div
      className="flex flex-col items-center gap-3 rounded-lg border border-dashed px-6 py-10 text-center"
      data-testid="empty-state"
      data-first-run
    >
      <CheckCircle2Icon aria-hidden className="size-10 text-muted-foreground" />
      <p className="font-medium">Your list is empty. Try one of these:</p>
      <ul className="flex flex-wrap justify-center gap-2">
        {FIRST_RUN_EXAMPLES.map((example) => (
          <li key={example}>
            <Button variant="outline" size="sm" className="min-h-9" onClick={() => fillQuickAdd(example)}>
              {example}
            </Button>
          </li>
        ))}
      </ul>
      <p className="max-w-md text-sm text-muted-foreground">
        Dates, repeats, #tags and !priority are read from the words. Or open the assistant
        <span className="hidden sm:inline">
          {" "}
          (press <kbd>a</kbd>)
        </span>{" "}
        and ask it in a sentence.
      </p>
    </div>
  );
}

export function LoadingRows() {
  return (
    <ul aria-label="Loading tasks" aria-busy="true" className="flex flex-col gap-2">
      {[0, 1, 2, 3].map((i) => (
        <li key={i} className="flex items-start gap-3 rounded-lg border bg-card p-4">
          <Skeleton className="size-5 rounded" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-3 w-1/3" />
          </div>
        </li>
      ))}
    </ul>
  );
}

function EmptyState({ filters, onClear }: { filters: TaskFilters; onClear: () => void }) {
  const counts = useTaskCounts();
  if (!isFiltered(filters) && counts.data && counts.data.pending === 0 && counts.data.completed === 0) {
    return <FirstRun />;
  }
  if (isFiltered(filters)) {
    return (
      <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed px-6 py-12 text-center">
        <SearchXIcon aria-hidden className="size-10 text-muted-foreground" />
        <p className="font-medium">No tasks match these filters</p>
        <Button variant="outline" size="sm" onClick={onClear}>
          Clear filters
        </Button>
      </div>
    );
  }
  const text =
    filters.status === "completed"
      ? { title: "Nothing completed yet", body: "Tasks you finish show up here." }
      : filters.status === "pending"
        ? { title: "All clear", body: "Nothing left to do. Add a task above, or ask the assistant." }
        : { title: "No tasks yet", body: "Add your first task above, in plain language." };
  return (
    <div
      className="flex flex-col items-center gap-2 rounded-lg border border-dashed px-6 py-12 text-center"
      data-testid="empty-state"
    >
      <CheckCircle2Icon aria-hidden className="size-10 text-muted-foreground" />
      <p className="font-medium">{text.title}</p>
      <p className="text-sm text-muted-foreground">{text.body}</p>
    </div>
  );
}

export function TaskList({
  filters,
  onChange,
}: {
  filters: TaskFilters;
  onChange: (next: Partial<TaskFilters>) => void;
}) {
  const query = useTasks(filters);

  if (query.isPending) return <LoadingRows />;
  if (query.isError && !query.data) {
    if (isUnreachable(query.error))
      return <BackendUnreachable onRetry={() => query.refetch()} retrying={query.isFetching} />;
    return (
      <div role="alert" className="flex flex-col items-center gap-3 rounded-lg border px-6 py-10 text-center">
        <p className="font-medium">The tasks could not be loaded</p>
        <p className="text-sm text-muted-foreground">{describeError(query.error).replace(/; your change.*$/, ".")}</p>
        <Button variant="outline" size="sm" onClick={() => query.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const loaded = query.data?.pages.flatMap((p) => p.tasks) ?? [];
  // A subtask whose parent is in this list is shown under its parent (with the parent's done/total), not twice.
  const shown = new Set(loaded.map((t) => t.id));
  const tasks = loaded.filter((t) => t.parent_id === null || !shown.has(t.parent_id));
  const total = query.data?.pages[0]?.total ?? 0;
  if (tasks.length === 0) {
    return <EmptyState filters={filters} onClear={() => onChange({ q: "", priority: null, tags: [], due: null })} />;
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="sr-only" aria-live="polite" data-testid="result-count">
        {total === 1 ? "1 task" : `${total} tasks`}
      </p>
      <TaskNav firstId={tasks[0]?.id ?? null}>
        <ul className="flex flex-col gap-2" aria-label="Tasks" data-testid="task-list" aria-busy={query.isFetching}>
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} onTagClick={(tag) => onChange({ tags: [tag] })} />
          ))}
        </ul>
      </TaskNav>
      {query.hasNextPage && (
        <ShowMore
          left={total - loaded.length}
          loading={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        />
      )}
    </div>
  );
}
