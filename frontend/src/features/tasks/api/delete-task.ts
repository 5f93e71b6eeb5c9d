// DELETE /api/tasks/{id} at once, with an "Undo" that reverts the delete through the activity log: the task comes
// back with its number, subtasks and history (undo-change.ts).

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Task } from "@todo/contract/task";
import { toast } from "sonner";
import { apiRequest } from "@/lib/api-client";
import { describeError, invalidateTasks, mapLists, restoreLists, snapshotLists } from "./task-cache";
import { undoLastChange } from "./undo-change";

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
        action: { label: "Undo", onClick: () => void undoLastChange(queryClient, task, "task.deleted", "Restored") },
      });
    },
    onError: (error, _task, context) => {
      restoreLists(queryClient, context?.snapshot);
      toast.error(`Could not delete the task. ${describeError(error)}`);
    },
    onSettled: () => invalidateTasks(queryClient),
  });
}
