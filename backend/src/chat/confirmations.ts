// Bulk deletion needs the user's confirmation, for the builtin model and any LLM alike. In a turn, at most one
// delete_task runs that the person has not confirmed. A "yes" confirms exactly the deletion recorded as pending in
// the dialogue state of the previous answer (its task ids), never an earlier question's wording; a deletion this
// gate refuses becomes the pending confirmation of this turn's answer, so the next "yes" can confirm it.
import { isAffirmative } from "@todo/assistant/planner/confirmation";
import type { DialogueState } from "@todo/contract/conversation";
import { TaskIdArg, type ToolError } from "@todo/contract/tools";
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
