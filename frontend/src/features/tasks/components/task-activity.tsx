"use client";

// The activity panel of one task: every change with who made it, when and through what (web, api, mcp, …).
import type { ActivityEntry } from "@todo/contract/activity";
import type { Task } from "@todo/contract/task";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { useTaskActivity } from "../api/task-activity";
import { describeError } from "../api/task-cache";
import { formatFull, formatWhen } from "../utils/format";

const VERBS: Record<ActivityEntry["action"], string> = {
  "task.created": "created the task",
  "task.updated": "changed",
  "task.completed": "completed the task",
  "task.reopened": "reopened the task",
  "task.deleted": "deleted the task",
  "task.restored": "restored the task",
  "project.created": "created the project",
  "project.updated": "changed the project",
  "member.added": "added a member",
  "member.updated": "changed a member's role",
  "member.removed": "removed a member",
};

const FIELD_NAMES: Record<string, string> = {
  title: "the title",
  description: "the notes",
  priority: "the priority",
  tags: "the tags",
  due_at: "the due date",
  remind_at: "the reminder",
  recurrence: "the repetition",
  project_id: "the project",
  project: "the project",
  parent_task: "the parent task",
  parent_id: "the parent task",
  assignee_id: "the assignee",
  assignee: "the assignee",
  position: "the order",
  completed: "the status",
};

/** "changed the title and the due date": the fields an update touched, in words. */
export function describeEntry(entry: ActivityEntry): string {
  const verb = VERBS[entry.action];
  if (entry.action !== "task.updated") return verb;
  const fields = Object.keys(entry.after ?? {}).map((k) => FIELD_NAMES[k] ?? k.replace(/_/g, " "));
  const unique = [...new Set(fields)];
  if (unique.length === 0) return "changed the task";
  const last = unique.pop();
  return `${verb} ${unique.length ? `${unique.join(", ")} and ${last}` : last}`;
}

export function TaskActivity({
  task,
  open,
  onOpenChange,
}: {
  task: Task;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const activity = useTaskActivity(task.id, open);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="activity-panel">
        <DialogHeader>
          <DialogTitle>Activity</DialogTitle>
          <DialogDescription className="break-words">Every change to “{task.title}”, newest first.</DialogDescription>
        </DialogHeader>
        {activity.isPending && (
          <div className="flex flex-col gap-2" aria-busy="true">
            <Skeleton className="h-5 w-3/4" />
            <Skeleton className="h-5 w-2/3" />
          </div>
        )}
        {activity.isError && (
          <p role="alert" className="text-sm text-destructive">
            The activity could not be loaded. {describeError(activity.error).replace(/; your change.*$/, ".")}
          </p>
        )}
        {activity.data && activity.data.length === 0 && (
          <p className="text-sm text-muted-foreground">No changes recorded yet.</p>
        )}
        {activity.data && activity.data.length > 0 && (
          <ol className="flex flex-col gap-3 text-sm" aria-label="Changes">
            {activity.data.map((entry) => (
              <li key={entry.id} className="flex flex-col gap-0.5 border-l-2 pl-3" data-testid="activity-entry">
                <span>
                  <span className="font-medium">{entry.actor?.name ?? "Someone"}</span> {describeEntry(entry)}
                </span>
                <span className="text-xs text-muted-foreground">
                  <time dateTime={entry.at} title={formatFull(entry.at)}>
                    {formatWhen(entry.at)}
                  </time>{" "}
                  · via {entry.via}
                </span>
              </li>
            ))}
          </ol>
        )}
      </DialogContent>
    </Dialog>
  );
}
