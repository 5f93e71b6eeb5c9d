// Adding: an explicit request ("add milk tomorrow #shopping", "remind me to call mom") or a message with no verb but
// with task metadata ("dentist friday 3pm #health"). The task itself is read by quick add.
import { parseQuickAdd } from "../quick-add";
import { collapseSpaces } from "../words";
import { ADD_HEAD, QUESTION_HEAD } from "./heads";
import { type Message, readLiteral, restoreQuotes } from "./message";
import { splitAddProject } from "./projects";
import type { Reader } from "./rules";
import type { Intent } from "./types";

const DESCRIPTION_TAIL =
  /(?:\s*[,;]\s*|\s+)(?:with\s+(?:a\s+|the\s+)?)?(?:note|notes|description|details)\s*(?::|-|saying|that\s+says)?\s+(.+)$/iu;

function makeAdd(msg: Message, text: string): Intent {
  let body = text;
  let description: string | undefined;
  const tail = DESCRIPTION_TAIL.exec(body);
  if (tail && tail.index > 0) {
    description = readLiteral(msg, tail[1] ?? "") || undefined;
    body = body.slice(0, tail.index);
  }
  const task = parseQuickAdd(restoreQuotes(msg, body), msg.options);
  const withNotes = <T extends object>(t: T) => (description ? { ...t, description } : t);
  const split = splitAddProject(msg, body);
  if (split) {
    const body = split.body.replace(/^(?:put|pop|stick|write|jot|throw)\s+(?:down\s+)?/iu, "add ");
    const inProject = parseQuickAdd(restoreQuotes(msg, body), msg.options);
    if (inProject.title) {
      return { kind: "add", task: withNotes(task), project: { name: split.project, task: withNotes(inProject) } };
    }
  }
  return { kind: "add", task: withNotes(task) };
}

export const readAdd: Reader = (msg) => {
  const head = ADD_HEAD.exec(msg.text);
  // A bare "add" names no task; better to say so than to add one called "Add".
  if (!head || !msg.text.slice(head[0].length).trim()) return null;
  return makeAdd(msg, msg.text);
};

// A message with no command verb but with task metadata ("dentist friday 3pm #health") is a new task.
export function readImplicitAdd(msg: Message): Intent | null {
  if (msg.question || QUESTION_HEAD.test(msg.text) || !/[\p{L}]/u.test(msg.text)) return null;
  const task = parseQuickAdd(restoreQuotes(msg, msg.text), msg.options);
  const hasMetadata = task.due_at || task.recurrence || task.priority !== "none" || task.tags.length;
  // Metadata alone ("#work", "tomorrow") is no task: the title must be more than the message echoed back.
  const hasTitle = task.title.toLowerCase() !== collapseSpaces(restoreQuotes(msg, msg.text)).toLowerCase();
  return hasMetadata && hasTitle ? { kind: "add", task } : null;
}
