// The grammar's machinery: a rule is a list of whole-message patterns and what a match means; rules are tried in
// order and the first that builds an intent wins. Helpers build the common update and by-reference intents.
import { ADD_HEAD, QUESTION_HEAD } from "./heads";
import type { Message } from "./message";
import { readRef } from "./references";
import type { Intent, TaskChanges, TaskRef } from "./types";

export type Reader = (msg: Message) => Intent | null;

export const REF = "(.+?)";

export function compilePattern(source: string): RegExp {
  return new RegExp(`^${source}$`, "iu");
}

export function makeUpdate(ref: TaskRef | null, changes: TaskChanges): Intent | null {
  if (!ref || !Object.keys(changes).length) return null;
  return { kind: "update", ref, changes };
}

export function makeRefIntent(kind: "complete" | "delete" | "reopen", ref: TaskRef | null): Intent | null {
  return ref ? { kind, ref } : null;
}

/** A grammar rule: alternative whole-message patterns and what a match means. */
export interface Rule {
  patterns: RegExp[];
  /** Set for patterns that start with the task ("task 3 is urgent"): skipped for questions and new tasks. */
  refFirst?: boolean;
  /** Set for statements that a question can resemble ("is task 3 not done?"): skipped for questions. */
  noQuestions?: boolean;
  /** The intent for a match, or null to let later rules try. */
  build: (m: RegExpExecArray, msg: Message) => Intent | null;
}

export function applyRules(rules: Rule[], msg: Message): Intent | null {
  const question = QUESTION_HEAD.test(msg.text);
  const refFirstAllowed = !question && !ADD_HEAD.test(msg.text);
  for (const rule of rules) {
    if ((rule.refFirst && !refFirstAllowed) || (rule.noQuestions && question)) continue;
    for (const p of rule.patterns) {
      const m = p.exec(msg.text);
      const intent = m ? rule.build(m, msg) : null;
      if (intent) return intent;
    }
  }
  return null;
}

/** Builds an update from the captured task (group `refGroup`) and changes read from the match. */
export function makeUpdateRule(
  refGroup: number,
  changes: (m: RegExpExecArray, msg: Message) => TaskChanges | null,
): Rule["build"] {
  return (m, msg) => {
    const value = changes(m, msg);
    return value ? makeUpdate(readRef(msg, m[refGroup] ?? ""), value) : null;
  };
}

export function makeRefRule(kind: "complete" | "delete" | "reopen"): Rule["build"] {
  return (m, msg) => makeRefIntent(kind, readRef(msg, m[1] ?? ""));
}
