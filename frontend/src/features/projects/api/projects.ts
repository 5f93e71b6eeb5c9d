// The projects of the signed-in user and their members: GET|POST /api/projects, PATCH|DELETE /api/projects/{id},
// and /api/projects/{id}/members. Every change refreshes the project list (its counts and order) and the tasks.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@todo/contract/enums";
import type { Member, Project } from "@todo/contract/project";
import { toast } from "sonner";
import { ApiError, apiRequest } from "@/lib/api-client";
import { projectsKeys, useProjectDetail } from "@/lib/projects-query";

export { projectsKeys, useArchivedProjects, useMembers, useProjects } from "@/lib/projects-query";

/** Shown under the failed action; a 404 means the project went away or was unshared meanwhile. */
export function describeProjectError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.unreachable) return "The server is unreachable; nothing was changed.";
    return error.message;
  }
  return "Something went wrong; nothing was changed.";
}

/** Not awaited by the mutations: the form is ready again once the server answered, not once every list reloaded. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: projectsKeys.all });
    void queryClient.invalidateQueries({ queryKey: ["tasks"] });
  };
}

/** One project, active or archived; `project` is undefined while loading and when there is no such project. */
export function useProject(id: string) {
  const detail = useProjectDetail(id);
  return { ...detail, project: detail.data ?? undefined };
}

export function useCreateProject() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { name: string; color: string }) =>
      apiRequest<Project>("/api/projects", { method: "POST", body }),
    onSettled: refresh,
  });
}

export function useUpdateProject() {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      id,
      changes,
    }: {
      id: string;
      changes: Partial<Pick<Project, "name" | "color" | "position" | "archived">>;
    }) => apiRequest<Project>(`/api/projects/${encodeURIComponent(id)}`, { method: "PATCH", body: changes }),
    onMutate: async ({ id, changes }) => {
      await queryClient.cancelQueries({ queryKey: projectsKeys.list() });
      const before = queryClient.getQueryData<Project[]>(projectsKeys.list());
      queryClient.setQueryData<Project[]>(projectsKeys.list(), (list) =>
        list
          ?.map((p) => (p.id === id ? { ...p, ...changes } : p))
          .filter((p) => !p.archived)
          .sort((a, b) => a.position - b.position),
      );
      queryClient.setQueryData<Project | null>(projectsKeys.detail(id), (p) => (p ? { ...p, ...changes } : p));
      return { before };
    },
    onError: (error, _vars, context) => {
      queryClient.setQueryData(projectsKeys.list(), context?.before);
      toast.error(`Could not change the project. ${describeProjectError(error)}`);
    },
    onSettled: refresh,
  });
}

export function useDeleteProject() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/api/projects/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onError: (error) => toast.error(`Could not delete the project. ${describeProjectError(error)}`),
    onSettled: refresh,
  });
}

/**
 * The position that puts a project at `to` in `projects` (sorted, the moved one taken out first): halfway between
 * its new neighbours, or a step past the end. One PATCH per move, whatever the list's length.
 */
export function positionFor(projects: readonly Project[], moving: string, to: number): number {
  const others = projects.filter((p) => p.id !== moving);
  const before = others[to - 1];
  const after = others[to];
  if (before && after) return (before.position + after.position) / 2;
  if (before) return before.position + 1024;
  if (after) return after.position - 1024;
  return 0;
}

export function useAddMember(projectId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) =>
      apiRequest<Member>(`/api/projects/${encodeURIComponent(projectId)}/members`, { method: "POST", body }),
    onSettled: refresh,
  });
}

export function useUpdateMember(projectId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      apiRequest<Member>(`/api/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(userId)}`, {
        method: "PATCH",
        body: { role },
      }),
    onError: (error) => toast.error(`Could not change the role. ${describeProjectError(error)}`),
    onSettled: refresh,
  });
}

export function useRemoveMember(projectId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (userId: string) =>
      apiRequest<void>(`/api/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(userId)}`, {
        method: "DELETE",
      }),
    onSettled: refresh,
  });
}
