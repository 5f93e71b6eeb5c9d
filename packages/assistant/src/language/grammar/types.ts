// The shapes the intent grammar produces: what a chat message asks for, and the task references, list filters and
// changes inside it. The planner reads these; the grammar files build them.
import type { Priority } from "@todo/contract/enums";
import type { QuickAddResult } from "../quick-add";

export type TaskRef = { id: number } | { title: string };
export type StatusFilter = "all" | "pending" | "completed";
export type DueFilter = "overdue" | "today" | "week" | "none";

export interface ListFilter {
  status?: StatusFilter;
  query?: string;
  priority?: Priority;
  tag?: string;
  due?: DueFilter;
  /**
   * A single day inside `due: "week"` ("what's due tomorrow?"). The API has no such filter, so the assistant asks
   * for the week and keeps that day's tasks.
   */
  day?: "tomorrow";
  /**
   * A project the person named ("what's in my work project", "show the groceries list"). When they have such a
   * project the list is its tasks (without `tag`); otherwise the rest of the filter stands, as before projects.
   */
  project?: string;
}

export interface TaskChanges {
  title?: string;
  description?: string;
  priority?: Priority;
  tags_add?: string[];
  tags_remove?: string[];
  due_at?: string | null;
  remind_at?: string | null;
  recurrence?: string | null;
  /** Move to this project, as the person named it ("Home"), or "inbox". */
  project?: string;
  /** Assign to this member, as the person named them ("Sam", "me"), or null to unassign. */
  assignee?: string | null;
}

export type SmalltalkTopic = "greeting" | "thanks" | "help" | "bye";

export type Intent =
  | {
      kind: "add";
      task: QuickAddResult & { description?: string };
      /** "…to the shopping list": the task as read without that tail, for when the person has such a project. */
      project?: { name: string; task: QuickAddResult & { description?: string } };
      /** "add a subtask to task 3: …": the parent task. */
      parent?: TaskRef;
    }
  /** Sharing a project by email: asks for a yes first. */
  | { kind: "share"; project: string; email: string; role: "viewer" | "editor" | "owner" }
  | { kind: "list"; filter: ListFilter }
  | { kind: "complete" | "delete" | "reopen"; ref: TaskRef }
  /** A bulk delete ("delete all completed tasks"): the agent must confirm before acting. */
  | { kind: "delete_many"; filter: ListFilter }
  | { kind: "update"; ref: TaskRef; changes: TaskChanges }
  | { kind: "smalltalk"; topic: SmalltalkTopic }
  | { kind: "unknown" };

export type IntentKind = Intent["kind"];
