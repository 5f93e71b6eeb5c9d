// POST /api/tasks/{id}/complete or /reopen; a completion offers Undo (and announces a recurring task's next one). Completing a task
// whose subtasks are not all done leaves them as they are and offers to complete them too (never silently).

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LIMITS } from "@todo/contract/limits";
import type { CompletedTask, Task } from "@todo/contract/task";
import { toast } from "sonner";
import { apiRequest } from "@/lib/api-client";
import { formatWhen } from "../utils/format";
import { listTasks } from "./list-tasks";
import { describeError, invalidateTasks, patchTask, restoreLists, snapshotLists } from "./task-cache";
import { undoLastChange } from "./undo-change";

/** Completes the open subtasks of `parent` (and theirs), then refreshes the lists. */
async function completeSubtasks(parent: Task): Promise<number> {
  let done = 0;
  const page = await listTasks({ status: "pending" }, LIMITS.listLimit, 0, undefined, { parent: parent.id });
  for (const subtask of page.tasks) {
    await apiRequest<CompletedTask>(`/api/tasks/${subtask.id}/complete`, { method: "POST" });
    done += 1 + (subtask.subtasks.total > subtask.subtasks.done ? await completeSubtasks(subtask) : 0);
  }
  return done;
}

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
    onSuccess: ({ task, next }, before) => {
      const open = before.subtasks.total - before.subtasks.done;
      if (!before.completed && open > 0) {
        toast(`Completed “${task.title}”; ${open === 1 ? "1 subtask is" : `${open} subtasks are`} still open`, {
          action: {
            label: open === 1 ? "Complete it too" : "Complete them too",
            onClick: () => {
              completeSubtasks(before)
                .catch((error) => toast.error(`Could not complete the subtasks. ${describeError(error)}`))
                .finally(() => invalidateTasks(queryClient));
            },
          },
        });
      }
      if (!before.completed && open === 0) {
        // Complete has the same undo as delete, through the activity log: it reopens the task and takes back the
        // next occurrence a recurring task made.
        const when = next?.due_at ? ` — next one ${formatWhen(next.due_at)}` : "";
        toast.success(`Completed “${task.title}”${when}`, {
          duration: 8_000,
          action: {
            label: "Undo",
            onClick: () => void undoLastChange(queryClient, task, "task.completed", "Reopened"),
          },
        });
      }
    },
    onError: (error, _task, context) => {
      restoreLists(queryClient, context?.snapshot);
      toast.error(`Could not update the task. ${describeError(error)}`);
    },
    onSettled: () => invalidateTasks(queryClient),
  });
}
