// Quick add: POST /api/tasks/parse previews what a line of plain language would create, POST /api/tasks {text}
// creates it (in the browser's zone).

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ParsedTask, Task } from "@todo/contract/task";
import { toast } from "sonner";
import { apiRequest } from "@/lib/api-client";
import {
  describeError,
  draftTask,
  invalidateTasks,
  locale,
  prependTask,
  restoreLists,
  snapshotLists,
  timeZone,
} from "./task-cache";

export function parseQuickAdd(text: string, signal?: AbortSignal) {
  return apiRequest<ParsedTask>("/api/tasks/parse", {
    method: "POST",
    body: { text, timezone: timeZone(), locale: locale() },
    signal,
  });
}

/** The live preview of what quick add understood; `unavailable` when the server has no parser endpoint. */
export function useQuickAddPreview(text: string) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: ["quick-add-preview", trimmed],
    queryFn: ({ signal }) => parseQuickAdd(trimmed, signal),
    enabled: trimmed.length > 0,
    staleTime: 60_000,
    retry: false,
    placeholderData: (previous) => previous,
  });
}

export function useQuickAdd() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, projectId }: { text: string; preview?: ParsedTask; projectId?: string | null }) =>
      apiRequest<Task>("/api/tasks", {
        method: "POST",
        body: { text, timezone: timeZone(), locale: locale(), ...(projectId ? { project_id: projectId } : {}) },
      }),
    onMutate: async ({ text, preview, projectId }) => {
      const snapshot = await snapshotLists(queryClient);
      const { project, ...fields } = preview ?? { title: text, project: null };
      prependTask(queryClient, draftTask({ ...fields, project_id: project?.id ?? projectId ?? null }));
      return { snapshot };
    },
    onError: (error, _vars, context) => {
      restoreLists(queryClient, context?.snapshot);
      toast.error(`Could not add the task. ${describeError(error)}`);
    },
    onSettled: () => invalidateTasks(queryClient),
  });
}
