// Task references inside a request: "task 3", "#3", "the meeting task", "the one about groceries". A pronoun or an
// indefinite phrase ("a reminder") is no reference: follow-ups and new tasks are handled elsewhere.
import { collapseSpaces, parseCount } from "../words";
import { type Message, readLiteral } from "./message";
import type { TaskRef } from "./types";

const PRONOUNS =
  /^(?:it|that|this|them|those|these|that\s+one|this\s+one|the\s+one|one|(?:the\s+)?(?:last|latest|newest|previous|first|other)(?:\s+one)?)$/iu;

export function readRef(msg: Message, phrase: string): TaskRef | null {
  let p = collapseSpaces(phrase)
    .replace(/\s+(?:from|off|on|in|out\s+of)\s+(?:my|the)\s+(?:(?:to-?do|todo|task)\s+)?(?:list|tasks|to-?dos?)$/iu, "")
    .replace(/(?:\s+(?:please|now|already|again|too|as\s+well|for\s+me|then|today|entirely|completely))+$/iu, "");
  // "a reminder", "a new todo": an indefinite phrase describes a new task, not an existing one.
  if (/^(?:a|an|another|some|new)\s/iu.test(p)) return null;
  p = p.replace(/^(?:the|my|that|this|our|your)\s+/iu, "");
  const id =
    /^(?:(?:task|todo|to-do|item|number|no\.?|id|entry|card)\s*)?(?:number\s+|no\.?\s*|#\s*)?(\d{1,9})(?:\s+(?:task|todo|item))?$/iu.exec(
      p,
    );
  if (id) return { id: Number(id[1]) };
  const spelled = /^(?:(?:task|todo|item)\s+(?:number\s+|no\.?\s*)?|number\s+)([a-z]+)$/iu.exec(p);
  const spelledId = spelled ? parseCount(spelled[1] ?? "") : null;
  if (spelledId && !/^(?:a|an)$/i.test(spelled?.[1] ?? "")) return { id: spelledId };
  if (PRONOUNS.test(p) || /^tasks?\s+\d+(?:\s*(?:,|and|&)\s*\d+)+$/iu.test(p)) return null;
  p = p
    .replace(
      /^(?:(?:one|task|todo|to-do|item|thing|reminder|entry)\s+)?(?:about|called|named|titled|regarding|re:?|that\s+says|saying|with\s+the\s+title|for|to|where\s+i\s+(?:need|have)\s+to|which\s+is|that\s+is)\s+/iu,
      "",
    )
    .replace(/^(?:task|todo|item)\s*[:-]\s*/iu, "")
    .replace(/^(?:the|my|a|an)\s+/iu, "");
  const shorter = p.replace(/\s+(?:task|todo|to-do|item|one|reminder|entry|thing)s?$/iu, "");
  if (shorter.trim()) p = shorter;
  const title = readLiteral(msg, p).replace(/^(?:the|my)\s+/iu, "");
  if (!title || PRONOUNS.test(title) || /^(?:task|todo|item|one|tasks)$/iu.test(title)) return null;
  return { title };
}

export function isIdRef(ref: TaskRef | null): ref is { id: number } {
  return ref !== null && "id" in ref;
}
