// PATCH /api/tasks/{id} with only the fields that changed.
//
// The time zone: a recurring task repeats in the zone stored with it ("every Monday 9:00" stays 9:00 there across
// DST). A person picking a due date or a rule in this browser means this browser's wall clock, so those changes
// carry the browser's zone; any other change (a rename, a tag, the priority) leaves the task's zone alone, so
// editing a title while travelling does not move every future occurrence.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Task, UpdateTaskBody } from "@todo/contract/task";
import { toast } from "sonner";
import { apiRequest } from "@/lib/api-client";
import { describeError, invalidateTasks, patchTask, restoreLists, snapshotLists, timeZone } from "./task-cache";

/** The body of a change: the browser's zone goes with it only when it sets the due date or the recurrence. */
export function patchBody(changes: UpdateTaskBody): UpdateTaskBody {
  const setsWallClock = changes.due_at !== undefined || changes.recurrence !== undefined;
  return setsWallClock && changes.timezone === undefined ? { ...changes, timezone: timeZone() } : changes;
}

/** What the list can show before the server answers (the server's normalised task replaces it). */
function optimistic(changes: UpdateTaskBody): Partial<Task> {
  const { title, description, completed, priority, tags, due_at, remind_at, recurrence } = changes;
  const fields: Partial<Task> = { title, description, completed, priority, tags, due_at, remind_at, recurrence };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: UpdateTaskBody }) =>
      apiRequest<Task>(`/api/tasks/${id}`, { method: "PATCH", body: patchBody(changes) }),
    onMutate: async ({ id, changes }) => {
      const snapshot = await snapshotLists(queryClient);
      patchTask(queryClient, id, optimistic(changes));
      return { snapshot };
    },
    onError: (error, _vars, context) => {
      restoreLists(queryClient, context?.snapshot);
      toast.error(`Could not save the task. ${describeError(error)}`);
    },
    onSettled: () => invalidateTasks(queryClient),
  });
}
