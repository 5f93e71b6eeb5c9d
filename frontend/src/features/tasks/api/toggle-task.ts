// POST /api/tasks/{id}/complete or /reopen; a recurring task's next occurrence is announced.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CompletedTask, Task } from "@todo/contract/task";
import { toast } from "sonner";
import { apiRequest } from "@/lib/api-client";
import { formatWhen } from "../utils/format";
import { describeError, invalidateTasks, patchTask, restoreLists, snapshotLists } from "./task-cache";

export function useToggleTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (task: Task): Promise<CompletedTask> => {
      if (task.completed) {
        return { task: await apiRequest<Task>(`/api/tasks/${task.id}/reopen`, { method: "POST" }), next: null };
      }
      return apiRequest<CompletedTask>(`/api/tasks/${task.id}/complete`, { method: "POST" });
    },
    onMutate: async (task) => {
      const snapshot = await snapshotLists(queryClient);
      patchTask(queryClient, task.id, {
        completed: !task.completed,
        completed_at: task.completed ? null : new Date().toISOString(),
      });
      return { snapshot };
    },
    onSuccess: ({ task, next }) => {
      if (next) {
        const when = next.due_at ? ` — next one ${formatWhen(next.due_at)}` : "";
        toast.success(`Completed “${task.title}”${when}`);
      }
    },
    onError: (error, _task, context) => {
      restoreLists(queryClient, context?.snapshot);
      toast.error(`Could not update the task. ${describeError(error)}`);
    },
    onSettled: () => invalidateTasks(queryClient),
  });
}
