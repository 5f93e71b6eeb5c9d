"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useShortcut } from "@/lib/use-shortcut";
import { useTaskOverview } from "../api/list-tasks";
import { filtersFromParams, paramsFromFilters, type TaskFilters } from "../utils/filters";
import { QUICK_ADD_INPUT_ID, QuickAdd } from "./quick-add";
import { TaskCounts } from "./task-counts";
import { TaskList } from "./task-list";
import { SEARCH_INPUT_ID, TaskToolbar } from "./task-toolbar";

function focusField(id: string) {
  const input = document.getElementById(id);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

export function TasksView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const overview = useTaskOverview();
  const knownTags = useMemo(
    () => [...new Set((overview.data?.tasks ?? []).flatMap((t) => t.tags))].sort(),
    [overview.data],
  );

  const setFilters = useCallback(
    (change: Partial<TaskFilters>) => {
      const params = paramsFromFilters({ ...filters, ...change }).toString();
      router.replace(params ? `${pathname}?${params}` : pathname, { scroll: false });
    },
    [filters, pathname, router],
  );

  useShortcut("n", () => focusField(QUICK_ADD_INPUT_ID));
  useShortcut("/", () => focusField(SEARCH_INPUT_ID));

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-5 px-4 py-6 sm:px-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Tasks</h1>
        <TaskCounts onSelect={setFilters} />
      </div>
      <QuickAdd />
      <TaskToolbar filters={filters} tags={knownTags} onChange={setFilters} />
      <TaskList filters={filters} onChange={setFilters} />
    </div>
  );
}
