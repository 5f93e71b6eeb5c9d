// DELETE /api/tasks/{id} at once, with an "Undo" that re-creates the task from its old fields (it gets a new
// number, and the browser's zone: the task's own zone is not part of the Task JSON).

import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateTaskBody, Task } from "@todo/contract/task";
import { toast } from "sonner";
import { apiRequest } from "@/lib/api-client";
import {
  describeError,
  draftTask,
  invalidateTasks,
  mapLists,
  prependTask,
  restoreLists,
  snapshotLists,
  timeZone,
} from "./task-cache";

export function useDeleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: Task) => apiRequest<void>(`/api/tasks/${task.id}`, { method: "DELETE" }),
    onMutate: async (task) => {
      const snapshot = await snapshotLists(queryClient);
      mapLists(queryClient, (tasks) => tasks.filter((t) => t.id !== task.id));
      return { snapshot };
    },
    onSuccess: (_data, task) => {
      toast.success(`Deleted “${task.title}”`, {
        duration: 8_000,
        action: { label: "Undo", onClick: () => void undoDelete(queryClient, task) },
      });
    },
    onError: (error, _task, context) => {
      restoreLists(queryClient, context?.snapshot);
      toast.error(`Could not delete the task. ${describeError(error)}`);
    },
    onSettled: () => invalidateTasks(queryClient),
  });
}

// Plain function rather than a hook: the toast outlives the row (and maybe the page) that deleted the task.
async function undoDelete(queryClient: QueryClient, task: Task) {
  const fields = {
    title: task.title,
    description: task.description,
    completed: task.completed,
    priority: task.priority,
    tags: task.tags,
    due_at: task.due_at,
    remind_at: task.remind_at,
    recurrence: task.recurrence,
  } satisfies CreateTaskBody;
  const snapshot = await snapshotLists(queryClient);
  prependTask(queryClient, draftTask(fields));
  try {
    await apiRequest<Task>("/api/tasks", { method: "POST", body: { ...fields, timezone: timeZone() } });
    toast.success(`Restored “${task.title}”`);
  } catch (error) {
    restoreLists(queryClient, snapshot);
    toast.error(`Could not restore the task. ${describeError(error)}`);
  } finally {
    await invalidateTasks(queryClient);
  }
}
