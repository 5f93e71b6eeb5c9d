// GET /api/activity?task=: who changed one task, when and through what, newest first.

import { useQuery } from "@tanstack/react-query";
import type { ActivityPage } from "@todo/contract/activity";
import { apiRequest } from "@/lib/api-client";
import { tasksKeys } from "./task-cache";

export function useTaskActivity(taskId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...tasksKeys.all, "activity", taskId],
    queryFn: ({ signal }) =>
      apiRequest<ActivityPage>("/api/activity", { query: { task: taskId }, signal }).then((r) => r.activity),
    enabled,
  });
}
