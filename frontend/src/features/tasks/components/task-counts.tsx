"use client";

import { cn } from "@/lib/utils";
import { useTaskCounts } from "../api/task-counts";
import type { TaskFilters } from "../utils/filters";

/** "4 to do · 1 overdue · 2 due today · 7 done"; each count is a shortcut to the matching filter. */
export function TaskCounts({ onSelect }: { onSelect: (filters: Partial<TaskFilters>) => void }) {
  const { data } = useTaskCounts();
  if (!data) return <p className="h-5 text-sm text-muted-foreground" aria-hidden />;
  const items = [
    { key: "pending", label: "to do", value: data.pending, filters: { status: "pending", due: null } as const },
    {
      key: "overdue",
      label: "overdue",
      value: data.overdue,
      filters: { status: "pending", due: "overdue" } as const,
      alert: data.overdue > 0,
    },
    { key: "today", label: "due today", value: data.today, filters: { status: "pending", due: "today" } as const },
    { key: "completed", label: "done", value: data.completed, filters: { status: "completed", due: null } as const },
  ];
  return (
    <ul className="flex flex-wrap items-center gap-x-1 text-sm text-muted-foreground" aria-label="Task counts">
      {items.map((item, i) => (
        <li key={item.key} className="flex items-center gap-1">
          {i > 0 && <span aria-hidden>·</span>}
          <button
            type="button"
            onClick={() => onSelect(item.filters)}
            data-testid={`count-${item.key}`}
            className={cn(
              "rounded-sm px-0.5 outline-none hover:text-foreground hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50",
              item.alert && "font-semibold text-overdue",
            )}
          >
            <span className="tabular-nums">{item.value}</span> {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
