// Projects, subtasks, assignees and sharing in a chat message: "move task 4 to Home", "add a subtask to task 3:
// buy stamps", "assign the plumber task to Sam", "unassign task 2", "share the groceries list with sam@example.com".
// Project and member names stay as the person wrote them; the planner resolves them among their projects.
import { Email } from "@todo/contract/project";
import { collapseSpaces } from "../words";
import { type Message, readLiteral } from "./message";
import { readRef } from "./references";
import { compilePattern, makeUpdate, type Reader, type Rule } from "./rules";
import type { Intent } from "./types";
import { splitAtDate } from "./values";

/** Words that name no project: "my list", "the to-do list". */
const NO_PROJECT = /^(?:to-?do|todo|to\s+do|task|tasks|whole|entire|full|own|usual|main)$/iu;

/** A project named in a phrase ("the groceries list", "my Work project", "Home"): the name, or null. */
export function readProjectName(msg: Message, phrase: string): string | null {
  const name = readLiteral(
    msg,
    collapseSpaces(phrase)
      .replace(/^(?:the|my|our|your)\s+/iu, "")
      .replace(/\s+(?:list|project|folder)$/iu, ""),
  );
  if (!name || NO_PROJECT.test(name) || name.length > 100) return null;
  return name;
}

const ROLE = "(?:\\s+as\\s+(?:an?\\s+)?(viewer|editor|owner|reader|collaborator))?";
const ROLE_WORDS: Record<string, "viewer" | "editor" | "owner"> = {
  viewer: "viewer",
  reader: "viewer",
  editor: "editor",
  collaborator: "editor",
  owner: "owner",
};

/** "share the groceries list with sam@example.com (as a viewer)". */
export const readShare: Reader = (msg) => {
  const m = compilePattern(`share\\s+(.+?)\\s+with\\s+(\\S+@\\S+?)${ROLE}`).exec(msg.text);
  if (!m) return null;
  const project = readProjectName(msg, m[1] ?? "");
  const email = Email.safeParse(m[2] ?? "");
  if (!project || !email.success) return null;
  return { kind: "share", project, email: email.data, role: ROLE_WORDS[(m[3] ?? "editor").toLowerCase()]! };
};

/** "add a subtask to task 3: buy stamps", "add buy stamps as a subtask of task 3". */
export const readSubtask: Reader = (msg) => {
  const first = compilePattern(
    `(?:add|create|make|new|put)\\s+(?:a\\s+|another\\s+|one\\s+more\\s+)?(?:new\\s+)?sub-?task\\s+(?:to|for|under|of|on|in)\\s+(.+?)\\s*(?::|,|;|\\s-|\\s+saying|\\s+called)\\s*(.+)`,
  ).exec(msg.text);
  const second = first
    ? null
    : compilePattern(
        `(?:add|create|put)\\s+(.+?)\\s+(?:as\\s+a\\s+sub-?task|under)\\s+(?:of|to|for|under\\s+)?\\s*(.+)`,
      ).exec(msg.text);
  const [parentText, titleText] = first ? [first[1], first[2]] : second ? [second[2], second[1]] : [];
  if (!parentText || !titleText) return null;
  const parent = readRef(msg, parentText);
  // "add milk under groceries" names a project, not a task: only a task reference makes a subtask.
  if (!parent || (second && !("id" in parent) && !/sub-?task/iu.test(msg.text))) return null;
  const add = msg.reread(`add ${titleText}`);
  if (add.kind !== "add") return null;
  return { ...add, parent };
};

/** Moves to a project and (un)assigning: "move task 4 to Home", "assign the plumber task to Sam". */
export const PROJECT_RULES: Rule[] = [
  {
    patterns: [
      compilePattern(`(?:re)?assign\\s+(.+?)\\s+to\\s+(.+)`),
      compilePattern(`(?:hand|give)\\s+((?:task\\s*|#)\\d+|the\\s+.+?\\s+task)\\s+(?:over\\s+)?to\\s+(.+)`),
    ],
    build: (m, msg) => {
      const who = readLiteral(msg, (m[2] ?? "").replace(/^(?:the\s+)?(?:member\s+)?/iu, ""));
      if (!who || who.length > 254) return null;
      return makeUpdate(readRef(msg, m[1] ?? ""), { assignee: /^(?:me|myself)$/iu.test(who) ? "me" : who });
    },
  },
  {
    patterns: [compilePattern(`(?:unassign|un-assign|deassign)\\s+(.+?)(?:\\s+from\\s+.+)?`)],
    build: (m, msg) => makeUpdate(readRef(msg, m[1] ?? ""), { assignee: null }),
  },
  {
    // After the moves in time (update-general): "move the dentist to friday" never gets here.
    patterns: [compilePattern(`(?:move|file|transfer)\\s+(.+?)\\s+(?:to|into|in|under|over\\s+to)\\s+(.+)`)],
    build: (m, msg) => {
      if (splitAtDate(msg, `${m[1]} to ${m[2]}`)) return null;
      const ref = readRef(msg, m[1] ?? "");
      const project = readProjectName(msg, m[2] ?? "");
      if (!ref || !project) return null;
      return makeUpdate(ref, { project: /^inbox$/iu.test(project) ? "inbox" : project });
    },
  },
];

/** A project named at the end of an add: "add milk to the shopping list", "add milk to my Home project". */
export function splitAddProject(msg: Message, text: string): { body: string; project: string } | null {
  const m = /^(.+?)\s+(?:to|on|onto|in|into)\s+((?:the|my|our)\s+.+?\s+(?:list|project)|.+?\s+project)$/iu.exec(text);
  if (!m) return null;
  const project = readProjectName(msg, m[2] ?? "");
  return project ? { body: m[1] ?? "", project } : null;
}

export type ProjectIntent = Extract<Intent, { kind: "share" }>;
