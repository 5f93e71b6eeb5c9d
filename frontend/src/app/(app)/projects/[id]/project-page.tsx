"use client";

// One project's page: its tasks (top level, manual order, subtasks nested), quick add into it, and sharing.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useSession } from "@/features/auth/api/auth";
import { useProject } from "@/features/projects/api/projects";
import { DeleteProjectDialog } from "@/features/projects/components/delete-project-dialog";
import { ProjectMenu } from "@/features/projects/components/project-menu";
import { ProjectDot } from "@/features/projects/components/project-nav";
import { ShareDialog } from "@/features/projects/components/share-dialog";
import { ScopedTasksView } from "@/features/tasks/components/scoped-tasks-view";

export function ProjectPage({ id }: { id: string }) {
  const router = useRouter();
  const session = useSession();
  const { project, isPending, isError, refetch } = useProject(id);

  if (isPending) {
    return (
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-4 py-6 sm:px-6" aria-busy="true">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-11 w-full" />
      </div>
    );
  }
  if (!project) {
    return (
      <div className="mx-auto flex w-full max-w-3xl flex-col items-start gap-3 px-4 py-10 sm:px-6" role="alert">
        <h1 className="text-2xl font-semibold">{isError ? "The project could not be loaded" : "No such project"}</h1>
        <p className="text-muted-foreground">
          {isError ? "Try again in a moment." : "It was deleted, or it is not shared with you."}
        </p>
        <Button variant="outline" onClick={() => (isError ? refetch() : router.push("/inbox"))}>
          {isError ? "Try again" : "Go to the Inbox"}
        </Button>
      </div>
    );
  }
  return (
    <ScopedTasksView
      key={project.id}
      title={
        <>
          <ProjectDot color={project.color} className="size-3.5" />
          <span data-testid="project-title">{project.name}</span>
          {project.role === "viewer" && <span className="text-sm font-normal text-muted-foreground">(view only)</span>}
          {project.archived && (
            <span className="text-sm font-normal text-muted-foreground" data-testid="project-archived">
              (archived)
            </span>
          )}
        </>
      }
      scope={{ project: project.id, parent: "none", sort: "position" }}
      projectId={project.id}
      projectName={project.name}
      readOnly={project.role === "viewer"}
      empty="No tasks in this project yet."
      actions={
        session.data?.user ? (
          <div className="flex items-center gap-1">
            <ProjectMenu project={project} />
            <ShareDialog project={project} currentUserId={session.data.user.id} onLeft={() => router.push("/inbox")} />
            {project.role === "owner" && (
              <DeleteProjectDialog project={project} onDeleted={() => router.push("/inbox")} />
            )}
          </div>
        ) : null
      }
    />
  );
}
