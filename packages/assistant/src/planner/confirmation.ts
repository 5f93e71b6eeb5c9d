// Bulk-delete confirmations: the question the builtin planner writes, the pending confirmation it records in the
// dialogue state (the exact deletions a "yes" runs), and how a reply reads as yes or no. The agent's gate reads the
// recorded confirmation, never the wording of the question.
import type { DialogueSaid } from "../dialogue/state";

export function formatConfirmationRequest(tasks: { id: number; title: string }[], what: string): string {
  const lines = tasks.map((t) => `- #${t.id} ${t.title}`);
  return `That would delete ${tasks.length} ${tasks.length === 1 ? "task" : "tasks"} (${what}):\n${lines.join("\n")}\nDelete all of them? Reply "yes" to delete them, or "no" to keep them.`;
}

/** What asking to confirm these deletions records: the tasks shown, the question, and the pending deletion. */
export function confirmationSaid(tasks: { id: number; title: string }[]): DialogueSaid {
  const candidates = tasks.map((t) => ({ id: t.id, title: t.title }));
  return {
    shown: candidates,
    question: { kind: "confirm", candidates, action: { kind: "delete" } },
    confirmation: { tool: "delete_task", task_ids: candidates.map((t) => t.id) },
  };
}

const YES =
  /^(y|ya|yes|yep|yeah|yup|sure|ok|okay|confirm(ed)?|do it|go ahead|please do|delete (them|all( of them)?)|yes,? (please|delete( them)?|do it))\b[.! ]*$/i;
const NO =
  /^(n|no|nope|nah|cancel|stop|don'?t|do not|keep( them)?|never ?mind|no,? (thanks|thank you|keep them))\b[.! ]*$/i;

export function isAffirmative(message: string): "yes" | "no" | "other" {
  const m = message.trim().replace(/\s+/g, " ");
  if (YES.test(m)) return "yes";
  if (NO.test(m)) return "no";
  return "other";
}
