// GET /api/tasks/counts: every number of the counts line in one request, with "today" in the browser's zone.

import { useQuery } from "@tanstack/react-query";
import type { TaskCounts } from "@todo/contract/task";
import { apiRequest } from "@/lib/api-client";
import { tasksKeys, timeZone } from "./task-cache";

export function useTaskCounts() {
  return useQuery({
    queryKey: tasksKeys.counts(),
    queryFn: ({ signal }) => apiRequest<TaskCounts>("/api/tasks/counts", { query: { tz: timeZone() }, signal }),
  });
}
