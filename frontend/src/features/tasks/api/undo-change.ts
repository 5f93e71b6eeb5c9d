// Undo of the last change of one kind to a task, through the activity log (POST /api/activity/{id}/undo): an undone
// delete brings back the same task with its number and history, an undone completion reopens it and removes the
// next occurrence it made. The server refuses (409) when something changed the task since; that is said, not hidden.

import type { QueryClient } from "@tanstack/react-query";
import type { ActivityAction, ActivityPage, UndoResult } from "@todo/contract/activity";
import { toast } from "sonner";
import { apiRequest } from "@/lib/api-client";
import { describeError, invalidateTasks } from "./task-cache";

export async function undoLastChange(
  queryClient: QueryClient,
  task: { id: number; title: string },
  action: ActivityAction,
  done: string,
): Promise<void> {
  try {
    // A deleted task is not found by number any more, so its delete is looked up among the caller's newest changes.
    const query = action === "task.deleted" ? "limit=50" : `task=${task.id}&limit=20`;
    const page = await apiRequest<ActivityPage>(`/api/activity?${query}`);
    const entry = page.activity.find((e) => e.action === action && e.task_id === task.id && e.undoes === null);
    if (!entry) throw new Error("That change is no longer in the task's history.");
    await apiRequest<UndoResult>(`/api/activity/${encodeURIComponent(entry.id)}/undo`, { method: "POST" });
    toast.success(`${done} “${task.title}”`);
  } catch (error) {
    toast.error(`Could not undo. ${describeError(error)}`);
  } finally {
    await invalidateTasks(queryClient);
  }
}
