// The wording of bulk-delete confirmations, shared by the builtin planner (which writes them) and the agent
// (which reads them back from the stored conversation on the next turn).

const CONFIRM_MARK = 'Reply "yes" to delete them';

export function formatConfirmationRequest(tasks: { id: number; title: string }[], what: string): string {
  const lines = tasks.map((t) => `- #${t.id} ${t.title}`);
  return `That would delete ${tasks.length} ${tasks.length === 1 ? "task" : "tasks"} (${what}):\n${lines.join("\n")}\nDelete all of them? ${CONFIRM_MARK}, or "no" to keep them.`;
}

export function parseConfirmationRequest(text: string): { ids: number[] } | null {
  if (!text.includes(CONFIRM_MARK)) return null;
  const ids = [...text.matchAll(/^- #(\d+) /gm)].map((m) => Number(m[1]));
  return ids.length ? { ids } : null;
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
