"use client";

// Keyboard navigation in a task list, with a roving tabindex: one task row is in the tab order at a time (the last
// one focused, else the first), j/k or ↓/↑ move the focus between the visible rows (subtasks included, in the
// order they are shown), and the row itself handles x/Space, Enter/e, m and Delete (task-item.tsx). Pressing j
// or k anywhere outside a field brings the focus into the list.
import { createContext, type ReactNode, useContext, useState } from "react";
import { useShortcut } from "@/lib/use-shortcut";

const TaskNavContext = createContext<{ activeId: number | null; firstId: number | null }>({
  activeId: null,
  firstId: null,
});

const ROW = "[data-task-row]";

function rowsOf(from: Element): HTMLElement[] {
  const nav = from.closest("[data-task-nav]") ?? document;
  return Array.from(nav.querySelectorAll<HTMLElement>(ROW));
}

/** Moves the focus `delta` rows from `row` (clamped to the list), returning whether it moved. */
export function focusRow(row: HTMLElement, delta: number | "first" | "last"): boolean {
  const rows = rowsOf(row);
  const index = rows.indexOf(row);
  const next =
    delta === "first" ? 0 : delta === "last" ? rows.length - 1 : Math.min(rows.length - 1, Math.max(0, index + delta));
  const target = rows[next];
  if (!target || target === row) return false;
  target.focus();
  target.scrollIntoView({ block: "nearest" });
  return true;
}

/** The row's tabindex: 0 for the one the list's Tab stop is on, -1 for the others. */
export function useRovingTabIndex(taskId: number): 0 | -1 {
  const { activeId, firstId } = useContext(TaskNavContext);
  return activeId === taskId || (activeId === null && firstId === taskId) ? 0 : -1;
}

export function TaskNav({ firstId, children }: { firstId: number | null; children: ReactNode }) {
  const [activeId, setActiveId] = useState<number | null>(null);

  function enterList() {
    const nav = document.querySelector("[data-task-nav]");
    const row = nav?.querySelector<HTMLElement>(`${ROW}[tabindex="0"]`) ?? nav?.querySelector<HTMLElement>(ROW) ?? null;
    row?.focus();
    row?.scrollIntoView({ block: "nearest" });
  }
  useShortcut("j", enterList);
  useShortcut("k", enterList);

  return (
    <TaskNavContext.Provider value={{ activeId, firstId }}>
      {/* Only notes which row was focused last; the rows themselves are the interactive elements. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a focus listener, not an interaction */}
      <div
        data-task-nav
        onFocus={(event) => {
          const row = (event.target as HTMLElement).closest<HTMLElement>(ROW);
          const id = Number(row?.dataset.taskId);
          if (row && Number.isInteger(id)) setActiveId(id);
        }}
      >
        {children}
      </div>
    </TaskNavContext.Provider>
  );
}
