// The daily views and a project's page: Inbox, Today, Upcoming (grouped by day for two weeks) and one project,
// each with quick add (into that project) and the same task rows, subtasks nested under their parent.
"use client";

import { LIMITS } from "@todo/contract/limits";
import type { Task } from "@todo/contract/task";
import { CheckCircle2Icon } from "lucide-react";
import type { ReactNode } from "react";
import { BackendUnreachable } from "@/components/backend-unreachable";
import { Button } from "@/components/ui/button";
import { isUnreachable } from "@/lib/api-client";
import { useShortcut } from "@/lib/use-shortcut";
import { type TaskScope, useTasks } from "../api/list-tasks";
import { describeError } from "../api/task-cache";
import { isOverdue } from "../utils/format";
import { QUICK_ADD_INPUT_ID, QuickAdd } from "./quick-add";
import { ShowMore } from "./show-more";
import { TaskItem } from "./task-item";
import { LoadingRows } from "./task-list";
import { TaskNav } from "./task-nav";

const PENDING = { status: "pending" as const };
const ignoreTag = () => {};

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** Today, tomorrow, then "Saturday 5 December": the heading of one day of Upcoming. */
export function dayHeading(date: Date, now = new Date()): string {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (dayKey(date) === dayKey(now)) return "Today";
  if (dayKey(date) === dayKey(tomorrow)) return "Tomorrow";
  return date.toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });
}

/** The next `LIMITS.upcomingDays` days, each with its tasks (overdue ones first, under their own heading). */
export function groupByDay(tasks: Task[], now = new Date()): Array<{ key: string; heading: string; tasks: Task[] }> {
  const groups: Array<{ key: string; heading: string; tasks: Task[] }> = [];
  const overdue = tasks.filter((t) => isOverdue(t, now.getTime()) && dayKey(new Date(t.due_at ?? 0)) !== dayKey(now));
  if (overdue.length) groups.push({ key: "overdue", heading: "Overdue", tasks: overdue });
  for (let i = 0; i < LIMITS.upcomingDays; i++) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + i);
    const dayTasks = tasks.filter(
      (t) => t.due_at && !overdue.includes(t) && dayKey(new Date(t.due_at)) === dayKey(day),
    );
    groups.push({ key: dayKey(day), heading: dayHeading(day, now), tasks: dayTasks });
  }
  return groups;
}

function TaskRows({ tasks, label }: { tasks: Task[]; label: string }) {
  return (
    <ul className="flex flex-col gap-2" aria-label={label} data-testid="task-list">
      {tasks.map((task) => (
        <TaskItem key={task.id} task={task} onTagClick={ignoreTag} />
      ))}
    </ul>
  );
}

export function ScopedTasksView({
  title,
  scope,
  empty,
  projectId,
  projectName,
  actions,
  byDay = false,
  readOnly = false,
}: {
  title: ReactNode;
  scope: TaskScope;
  empty: string;
  projectId?: string;
  projectName?: string;
  /** Buttons beside the title (a project's share dialog). */
  actions?: ReactNode;
  byDay?: boolean;
  /** A viewer's project: no quick add. */
  readOnly?: boolean;
}) {
  const query = useTasks(PENDING, scope);
  useShortcut("n", () => document.getElementById(QUICK_ADD_INPUT_ID)?.focus());
  const tasks = query.data?.pages.flatMap((p) => p.tasks) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;

  let body: ReactNode;
  if (query.isPending) body = <LoadingRows />;
  else if (query.isError && !query.data) {
    body = isUnreachable(query.error) ? (
      <BackendUnreachable onRetry={() => query.refetch()} retrying={query.isFetching} />
    ) : (
      <div role="alert" className="flex flex-col items-center gap-3 rounded-lg border px-6 py-10 text-center">
        <p className="font-medium">The tasks could not be loaded</p>
        <p className="text-sm text-muted-foreground">{describeError(query.error).replace(/; your change.*$/, ".")}</p>
        <Button variant="outline" size="sm" onClick={() => query.refetch()}>
          Try again
        </Button>
      </div>
    );
  } else if (byDay) {
    const groups = groupByDay(tasks);
    body = (
      <TaskNav firstId={groups.find((g) => g.tasks.length > 0)?.tasks[0]?.id ?? null}>
        <div className="flex flex-col gap-5">
          {groups.map((group) => (
            <section key={group.key} aria-labelledby={`day-${group.key}`} data-testid="day-group">
              <h2
                id={`day-${group.key}`}
                className="mb-2 flex items-baseline gap-2 border-b pb-1 text-sm font-semibold"
                data-testid="day-heading"
              >
                {group.heading}
                <span className="text-xs font-normal text-muted-foreground">
                  {group.tasks.length === 0 ? "nothing due" : group.tasks.length}
                </span>
              </h2>
              {group.tasks.length > 0 && <TaskRows tasks={group.tasks} label={group.heading} />}
            </section>
          ))}
        </div>
      </TaskNav>
    );
  } else if (tasks.length === 0) {
    body = (
      <div
        className="flex flex-col items-center gap-2 rounded-lg border border-dashed px-6 py-12 text-center"
        data-testid="empty-state"
      >
        <CheckCircle2Icon aria-hidden className="size-10 text-muted-foreground" />
        <p className="font-medium">{empty}</p>
      </div>
    );
  } else {
    body = (
      <TaskNav firstId={tasks[0]?.id ?? null}>
        <TaskRows tasks={tasks} label="Tasks" />
      </TaskNav>
    );
  }

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-5 px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="flex min-w-0 items-center gap-2 text-2xl font-semibold tracking-tight break-words">{title}</h1>
        {actions}
      </div>
      {!readOnly && <QuickAdd projectId={projectId} projectName={projectName} />}
      <p className="sr-only" aria-live="polite" data-testid="result-count">
        {total === 1 ? "1 task" : `${total} tasks`}
      </p>
      {body}
      {query.hasNextPage && (
        <ShowMore
          left={total - tasks.length}
          loading={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        />
      )}
    </div>
  );
}
