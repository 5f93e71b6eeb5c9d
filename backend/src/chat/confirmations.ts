// Bulk deletion needs the user's confirmation. The agent lets at most one delete_task run in a turn unless the
// previous answer asked to confirm a deletion and the user agreed; this holds for the builtin model and any LLM.

import { isAffirmative, parseConfirmationRequest } from "@todo/assistant/planner/confirmation";
import type { MessageJson } from "@todo/core/conversations/conversations.service";
import type { ToolSet } from "ai";

export interface PendingConfirmation {
  /** The user agreed to the deletion the previous answer asked about. */
  confirmed: boolean;
  /** Task ids the builtin model asked about, when the previous answer was its confirmation request. */
  state: { action: "delete_many"; ids: number[]; answer: "yes" | "no" | "other" } | null;
}

export function pendingConfirmationFrom(history: MessageJson[], message: string): PendingConfirmation {
  const last = [...history].reverse().find((m) => m.role === "assistant");
  const asked = last ? parseConfirmationRequest(last.content) : null;
  const answer = isAffirmative(message);
  const confirmed = Boolean(last && /\bdelet/i.test(last.content) && /\?/.test(last.content) && answer === "yes");
  return { confirmed, state: asked ? { action: "delete_many", ids: asked.ids, answer } : null };
}

const REFUSAL = {
  isError: true,
  content: [
    {
      type: "text",
      text: "Refused: deleting more than one task at once needs the user's confirmation. Delete nothing more now; list the tasks and ask the user to confirm.",
    },
  ],
};

export function guardDeletes(tools: ToolSet, confirmed: boolean): ToolSet {
  const remove = tools.delete_task;
  if (!remove?.execute || confirmed) return tools;
  let deletions = 0;
  const execute = remove.execute;
  return {
    ...tools,
    delete_task: {
      ...remove,
      execute: async (input: unknown, options: Parameters<typeof execute>[1]) => {
        deletions++;
        if (deletions > 1) return REFUSAL;
        return execute(input as never, options);
      },
    },
  } as ToolSet;
}
