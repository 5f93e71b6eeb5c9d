// Bulk deletion needs the user's confirmation, for the builtin model and any LLM alike. In a turn, at most one
// delete_task runs that the person has not confirmed. A "yes" confirms exactly the deletion recorded as pending in
// the dialogue state of the previous answer (its task ids), never an earlier question's wording; a deletion this
// gate refuses becomes the pending confirmation of this turn's answer, so the next "yes" can confirm it.
import { isAffirmative } from "@todo/assistant/planner/confirmation";
import type { DialogueState, PendingShare } from "@todo/contract/conversation";
import { ShareProjectArgs, TaskIdArg, type ToolError } from "@todo/contract/tools";
import type { ToolSet } from "ai";

/** The task ids the person's message confirms deleting: the previous answer's pending deletion, after a yes. */
export function confirmedDeletions(previous: DialogueState, message: string): number[] {
  const pending = previous.confirmation;
  if (pending?.tool !== "delete_task") return [];
  return isAffirmative(message) === "yes" ? [...pending.task_ids] : [];
}

const REFUSED: ToolError = {
  error: {
    code: "forbidden",
    message:
      "Refused: deleting more than one task at once needs the user's confirmation. Delete nothing more now; list the tasks and ask the user to confirm.",
  },
};
const REFUSAL = { isError: true, structuredContent: REFUSED, content: [{ type: "text", text: REFUSED.error.message }] };

export interface DeleteGate {
  tools: ToolSet;
  /** Task ids whose deletion was refused in this turn, in order: what a "yes" to this answer would confirm. */
  refused: number[];
}

export function guardDeletes(tools: ToolSet, confirmed: number[]): DeleteGate {
  const refused: number[] = [];
  const remove = tools.delete_task;
  if (!remove?.execute) return { tools, refused };
  const allowed = new Set(confirmed);
  let unconfirmed = 0;
  const execute = remove.execute;
  const guarded = {
    ...tools,
    delete_task: {
      ...remove,
      execute: async (input: unknown, options: Parameters<typeof execute>[1]) => {
        const id = TaskIdArg.safeParse((input as { task_id?: unknown } | null)?.task_id);
        // A confirmed task is deleted once; anything else counts against the one unconfirmed deletion.
        if (id.success && allowed.delete(id.data)) return execute(input as never, options);
        if (++unconfirmed > 1) {
          if (id.success && !refused.includes(id.data)) refused.push(id.data);
          return REFUSAL;
        }
        return execute(input as never, options);
      },
    },
  } as ToolSet;
  return { tools: guarded, refused };
}

/** The share the person's message confirms: the previous answer's pending share, after a yes. */
export function confirmedShare(previous: DialogueState, message: string): PendingShare | null {
  const pending = previous.confirmation;
  if (pending?.tool !== "share_project") return null;
  return isAffirmative(message) === "yes" ? pending : null;
}

const SHARE_REFUSED: ToolError = {
  error: {
    code: "forbidden",
    message:
      "Refused: sharing a project needs the user's yes first. Share nothing now; ask the user to confirm sharing this project with this email in this role.",
  },
};

export interface ShareGate {
  tools: ToolSet;
  /** The share refused in this turn, by project id: what a "yes" to this answer would confirm. */
  refused: { project: string; email: string; role: PendingShare["role"] } | null;
}

/**
 * share_project runs only for the share a yes confirmed (the same project id, email and role), once; any other call
 * is refused and recorded so the answer's pending confirmation can name it.
 */
export function guardShares(tools: ToolSet, confirmed: PendingShare | null): ShareGate {
  const gate: ShareGate = { tools, refused: null };
  const share = tools.share_project;
  if (!share?.execute) return gate;
  const execute = share.execute;
  let allowed = confirmed;
  gate.tools = {
    ...tools,
    share_project: {
      ...share,
      execute: async (input: unknown, options: Parameters<typeof execute>[1]) => {
        const args = ShareProjectArgs.safeParse(input);
        const role = args.success ? (args.data.role ?? "editor") : undefined;
        if (
          args.success &&
          allowed &&
          args.data.project === allowed.project_id &&
          args.data.email === allowed.email &&
          role === allowed.role
        ) {
          allowed = null;
          return execute(input as never, options);
        }
        if (args.success && role) gate.refused = { project: args.data.project, email: args.data.email, role };
        return {
          isError: true,
          structuredContent: SHARE_REFUSED,
          content: [{ type: "text", text: SHARE_REFUSED.error.message }],
        };
      },
    },
  } as ToolSet;
  return gate;
}
