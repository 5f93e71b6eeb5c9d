// The project, parent and assignee arguments of the task tools, turned into core's task fields: a project named
// by name or id and a member named by name, email or id are resolved in core (projects/resolve.ts) among what the
// caller can see; core then checks every permission of the change itself. Also the project results carry.

import type { Task } from "@todo/contract/task";
import type { ProjectRef } from "@todo/contract/tools";
import { projectNames, resolveMember, resolveProject } from "@todo/core/projects/resolve";
import { getTask } from "@todo/core/tasks/tasks.service";
import type { ToolContext } from "./tool";

interface PlaceArgs {
  project?: string | null;
  parent?: number;
  assignee?: string | null;
}

/** The task fields for an add: project_id, parent_id and assignee_id from the names given. */
export async function addFields(ctx: ToolContext, args: PlaceArgs) {
  const project = args.project == null ? undefined : await resolveProject(ctx.db, ctx.userId, args.project);
  let projectId = project === undefined ? null : (project?.id ?? null);
  if (args.parent !== undefined) projectId = (await getTask(ctx.db, ctx.userId, args.parent)).project_id;
  return {
    ...(project === undefined ? {} : { project_id: project?.id ?? null }),
    ...(args.parent === undefined ? {} : { parent_id: args.parent }),
    ...(args.assignee == null
      ? {}
      : { assignee_id: await resolveMember(ctx.db, ctx.userId, projectId, args.assignee) }),
  };
}

/** The task fields for an update of task `taskId`: a move (project_id) and an assignee in the task's new project. */
export async function updateFields(ctx: ToolContext, taskId: number, args: PlaceArgs) {
  const project =
    args.project === undefined || args.project === null
      ? args.project
      : await resolveProject(ctx.db, ctx.userId, args.project);
  let assigneeId: string | null | undefined = args.assignee === null ? null : undefined;
  if (typeof args.assignee === "string") {
    const projectId =
      project !== undefined ? (project?.id ?? null) : (await getTask(ctx.db, ctx.userId, taskId)).project_id;
    assigneeId = await resolveMember(ctx.db, ctx.userId, projectId, args.assignee);
  }
  return {
    ...(project === undefined ? {} : { project_id: project?.id ?? null }),
    ...(assigneeId === undefined ? {} : { assignee_id: assigneeId }),
  };
}

/** The project of each task, by name, for results. */
export async function projectsOfTasks(ctx: ToolContext, tasks: Task[]): Promise<{ id: string; name: string }[]> {
  const ids = tasks.flatMap((t) => (t.project_id === null ? [] : [t.project_id]));
  const names = await projectNames(ctx.db, ctx.userId, ids);
  return [...names].map(([id, name]) => ({ id, name }));
}

/** One task's project as results name it. */
export async function projectOf(ctx: ToolContext, task: Task): Promise<ProjectRef> {
  if (task.project_id === null) return null;
  const names = await projectNames(ctx.db, ctx.userId, [task.project_id]);
  return { id: task.project_id, name: names.get(task.project_id) ?? "" };
}
