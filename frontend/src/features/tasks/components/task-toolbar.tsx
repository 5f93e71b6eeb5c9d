"use client";

import {
  DUE_FILTERS,
  type DueFilter,
  PRIORITIES,
  type Priority,
  SORTS,
  type Sort,
  type TaskStatus,
} from "@todo/contract/enums";
import { ArrowDownNarrowWideIcon, ArrowUpNarrowWideIcon, SearchIcon, XIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { cn } from "@/lib/utils";
import { DEFAULT_ORDER, isFiltered, type TaskFilters } from "../utils/filters";

export const SEARCH_INPUT_ID = "task-search";

/** In the order shown. */
const STATUS_OPTIONS: Array<{ value: TaskStatus; label: string }> = [
  { value: "pending", label: "To do" },
  { value: "completed", label: "Done" },
  { value: "all", label: "All" },
];

const PRIORITY_FILTER_LABEL: Record<Priority, string> = {
  high: "High priority",
  medium: "Medium priority",
  low: "Low priority",
  none: "No priority",
};

const DUE_LABEL: Record<DueFilter, string> = {
  overdue: "Overdue",
  today: "Due today",
  tomorrow: "Due tomorrow",
  week: "Due this week",
  none: "No due date",
};

const SORT_LABEL: Record<Sort, string> = {
  created: "Date added",
  due: "Due date",
  priority: "Priority",
  title: "Title",
};

const ANY = "any";

export function TaskToolbar({
  filters,
  tags,
  onChange,
}: {
  filters: TaskFilters;
  tags: string[];
  onChange: (next: Partial<TaskFilters>) => void;
}) {
  const [search, setSearch] = useState(filters.q);
  const debouncedSearch = useDebouncedValue(search, 250);
  // The last query this box sent to the URL: lets the box follow URL changes made elsewhere (back button,
  // "clear filters") without clobbering what is being typed.
  const sent = useRef(filters.q);

  useEffect(() => {
    if (filters.q !== sent.current) {
      sent.current = filters.q;
      setSearch(filters.q);
    }
  }, [filters.q]);

  function sendSearch(q: string) {
    if (q === sent.current) return;
    sent.current = q;
    onChange({ q });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled change of the text should search
  useEffect(() => sendSearch(debouncedSearch), [debouncedSearch]);

  const tagOptions = [...new Set([...tags, ...filters.tags])].sort();

  return (
    <search className="flex flex-col gap-3" aria-label="Search and filter tasks">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <div className="relative flex-1">
          <label htmlFor={SEARCH_INPUT_ID} className="sr-only">
            Search tasks
          </label>
          <SearchIcon
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id={SEARCH_INPUT_ID}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") sendSearch(search);
              if (e.key === "Escape") e.currentTarget.blur();
            }}
            placeholder="Search title, notes and tags"
            className="pr-10 pl-9"
          />
          <kbd aria-hidden className="absolute top-1/2 right-3 hidden -translate-y-1/2 sm:inline-flex">
            /
          </kbd>
        </div>
        <fieldset className="flex rounded-md border p-0.5">
          <legend className="sr-only">Status</legend>
          {STATUS_OPTIONS.map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={filters.status === option.value}
              onClick={() => onChange({ status: option.value })}
              className={cn(
                "flex-1 rounded-[5px] px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 sm:flex-none",
                filters.status === option.value && "bg-secondary text-foreground shadow-xs",
              )}
            >
              {option.label}
            </button>
          ))}
        </fieldset>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <Select
          value={filters.priority ?? ANY}
          onValueChange={(v) => onChange({ priority: v === ANY ? null : (v as Priority) })}
        >
          <SelectTrigger size="sm" aria-label="Filter by priority" className={cn(filters.priority && "border-ring")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Any priority</SelectItem>
            {[...PRIORITIES].reverse().map((p) => (
              <SelectItem key={p} value={p}>
                {PRIORITY_FILTER_LABEL[p]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>

        <Select
          value={filters.due ?? ANY}
          onValueChange={(v) => onChange({ due: v === ANY ? null : (v as DueFilter) })}
        >
          <SelectTrigger size="sm" aria-label="Filter by due date" className={cn(filters.due && "border-ring")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Any date</SelectItem>
            {DUE_FILTERS.map((due) => (
              <SelectItem key={due} value={due}>
                {DUE_LABEL[due]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>

        <Select
          value={filters.tags[0] ?? ANY}
          onValueChange={(v) => onChange({ tags: v === ANY ? [] : [v] })}
          disabled={tagOptions.length === 0}
        >
          <SelectTrigger size="sm" aria-label="Filter by tag" className={cn(filters.tags.length > 0 && "border-ring")}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Any tag</SelectItem>
            {tagOptions.map((tag) => (
              <SelectItem key={tag} value={tag}>
                #{tag}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>

        <div className="flex items-center gap-1 sm:ml-auto">
          <Select
            value={filters.sort}
            onValueChange={(v) => onChange({ sort: v as Sort, order: DEFAULT_ORDER[v as Sort] })}
          >
            <SelectTrigger size="sm" aria-label="Sort by">
              <span className="text-muted-foreground">Sort:</span>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {SORTS.map((field) => (
                <SelectItem key={field} value={field}>
                  {SORT_LABEL[field]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <Button
            variant="outline"
            size="icon-sm"
            onClick={() => onChange({ order: filters.order === "asc" ? "desc" : "asc" })}
            aria-label={
              filters.order === "asc"
                ? "Ascending order; switch to descending"
                : "Descending order; switch to ascending"
            }
            title={filters.order === "asc" ? "Ascending" : "Descending"}
          >
            {filters.order === "asc" ? <ArrowUpNarrowWideIcon aria-hidden /> : <ArrowDownNarrowWideIcon aria-hidden />}
          </Button>
        </div>

        {isFiltered(filters) && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setSearch("");
              onChange({ q: "", priority: null, tags: [], due: null });
            }}
          >
            <XIcon aria-hidden /> Clear filters
          </Button>
        )}
      </div>
    </search>
  );
}
