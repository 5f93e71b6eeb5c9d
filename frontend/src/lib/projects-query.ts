// The signed-in user's projects and one project's members, read by both the projects feature (sidebar, project
// page) and the tasks feature (move to a project, the assignee picker). One query key, one fetch, shared cache.
import { useQuery } from "@tanstack/react-query";
import type { MemberList, Project, ProjectList } from "@todo/contract/project";
import { ApiError, apiRequest } from "@/lib/api-client";

export const projectsKeys = {
  all: ["projects"] as const,
  list: () => ["projects", "list"] as const,
  archived: () => ["projects", "archived"] as const,
  detail: (id: string) => ["projects", "detail", id] as const,
  members: (id: string) => ["projects", "members", id] as const,
};

/** The active (not archived) projects, in manual order. */
export function useProjects() {
  return useQuery({
    queryKey: projectsKeys.list(),
    queryFn: ({ signal }) => apiRequest<ProjectList>("/api/projects", { signal }).then((r) => r.projects),
    refetchInterval: 60_000,
  });
}

/** Archived projects: hidden from the sidebar's list, listed under its "Archived" section. */
export function useArchivedProjects(enabled = true) {
  return useQuery({
    queryKey: projectsKeys.archived(),
    queryFn: ({ signal }) => apiRequest<ProjectList>("/api/projects?archived=true", { signal }).then((r) => r.projects),
    enabled,
  });
}

/**
 * One project, active or archived (GET /api/projects/{id}); `null` when it does not exist or is not shared with
 * the caller (404). Shown at once from the sidebar's list while it loads.
 */
export function useProjectDetail(id: string) {
  const active = useProjects();
  return useQuery<Project | null>({
    queryKey: projectsKeys.detail(id),
    queryFn: ({ signal }) =>
      apiRequest<Project>(`/api/projects/${encodeURIComponent(id)}`, { signal }).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    placeholderData: active.data?.find((p) => p.id === id),
  });
}

export function useMembers(projectId: string | null, enabled = true) {
  return useQuery({
    queryKey: projectsKeys.members(projectId ?? ""),
    queryFn: ({ signal }) =>
      apiRequest<MemberList>(`/api/projects/${encodeURIComponent(projectId ?? "")}/members`, { signal }).then(
        (r) => r.members,
      ),
    enabled: enabled && projectId !== null,
  });
}
