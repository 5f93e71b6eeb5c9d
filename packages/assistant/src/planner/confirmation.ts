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
    listed: candidates,
    question: { kind: "confirm", candidates, action: { kind: "delete" } },
    confirmation: { tool: "delete_task", task_ids: candidates.map((t) => t.id) },
  };
}

// A reply is read as yes (or no) when it is made only of such phrases, in any order and with any punctuation:
// "yes please", "sure, go ahead", "yep!", "ok do it", "no thanks, keep them". Anything else is neither.
const YES_PHRASES = [
  "y",
  "ya",
  "yes",
  "yess",
  "yep",
  "yeah",
  "yea",
  "yup",
  "sure",
  "sure thing",
  "ok",
  "okay",
  "k",
  "alright",
  "all right",
  "fine",
  "right",
  "correct",
  "absolutely",
  "definitely",
  "of course",
  "confirm",
  "confirmed",
  "i confirm",
  "do it",
  "go ahead",
  "go for it",
  "please",
  "please do",
  "do so",
  "sounds good",
  "that's fine",
  "thats fine",
  "that's right",
  "delete them",
  "delete them all",
  "delete all",
  "delete all of them",
  "delete",
  "delete it",
  "yes delete them",
  "thanks",
  "thank you",
];
const NO_PHRASES = [
  "n",
  "no",
  "nope",
  "nah",
  "no way",
  "cancel",
  "cancel that",
  "stop",
  "don't",
  "dont",
  "do not",
  "don't do it",
  "don't delete them",
  "do not delete them",
  "keep",
  "keep them",
  "keep them all",
  "keep it",
  "never mind",
  "nevermind",
  "not now",
  "thanks",
  "thank you",
  "please",
];

const phrases = (list: string[]) =>
  list
    .map((p) => p.replace(/'/g, "['’]?").replace(/ /g, "\\s+"))
    .sort((a, b) => b.length - a.length)
    .join("|");
const SEP = "[\\s,.!;:-]*";
const onlyOf = (list: string[]) => new RegExp(`^(?:${phrases(list)})(?:${SEP}(?:${phrases(list)}))*${SEP}$`, "i");
const YES = onlyOf(YES_PHRASES);
const NO = onlyOf(NO_PHRASES);
/** A reply made only of politeness ("thanks", "please") is neither yes nor no. */
const POLITE_ONLY = onlyOf(["thanks", "thank you", "please"]);

export function isAffirmative(message: string): "yes" | "no" | "other" {
  const m = message.trim().replace(/\s+/g, " ");
  // A real answer is short; a long message is a request of its own.
  if (!m || m.length > 200 || POLITE_ONLY.test(m)) return "other";
  if (NO.test(m)) return "no";
  if (YES.test(m)) return "yes";
  return "other";
}
