// Subtasks: POST /api/tasks {title, parent_id} adds one under a task (the server puts it in the parent's project).

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Task } from "@todo/contract/task";
import { toast } from "sonner";
import { apiRequest } from "@/lib/api-client";
import { describeError, invalidateTasks } from "./task-cache";

export function useAddSubtask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ parent, title }: { parent: Task; title: string }) =>
      apiRequest<Task>("/api/tasks", { method: "POST", body: { title, parent_id: parent.id } }),
    onError: (error) => toast.error(`Could not add the subtask. ${describeError(error)}`),
    onSettled: () => invalidateTasks(queryClient),
  });
}
