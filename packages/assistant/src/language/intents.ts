// The intent grammar of the builtin assistant: what a chat message asks for (add, list, complete, update…),
// read with a verb lexicon and patterns that tolerate politeness, word order, quotes and small typos.

import { resolveZone, type Zone } from "./dates";
import { readAdd, readImplicitAdd } from "./grammar/add";
import { COMPLETE_RULES, REOPEN_RULES, STATED_COMPLETE_RULES } from "./grammar/complete";
import { DELETE_RULES, readDeleteMany } from "./grammar/delete";
import { readList } from "./grammar/list";
import { prepareMessage } from "./grammar/message";
import { PROJECT_RULES, readShare, readSubtask } from "./grammar/projects";
import { applyRules, type Reader } from "./grammar/rules";
import { readSmalltalk } from "./grammar/smalltalk";
import type { Intent } from "./grammar/types";
import { correctTypos, squeeze } from "./grammar/typos";
import { FIELD_RULES } from "./grammar/update-fields";
import { GENERAL_RULES } from "./grammar/update-general";
import { TAG_RULES } from "./grammar/update-tags";
import type { ParseOptions } from "./quick-add";
import { truncateText } from "./words";

export type {
  DueFilter,
  Intent,
  IntentKind,
  ListFilter,
  SmalltalkTopic,
  StatusFilter,
  TaskChanges,
  TaskRef,
} from "./grammar/types";

const MAX_MESSAGE = 2000;

// Tags first, then the other fields, as one list.
const FIELD_RULES_IN_ORDER = [...TAG_RULES, ...FIELD_RULES];

/** The grammar in order of precedence; a weak reading may give way to a typo-corrected one. */
const READERS: { read: Reader; weak?: boolean }[] = [
  { read: readDeleteMany },
  { read: (msg) => applyRules(FIELD_RULES_IN_ORDER, msg) },
  { read: (msg) => applyRules(REOPEN_RULES, msg) },
  { read: (msg) => applyRules(COMPLETE_RULES, msg) },
  { read: (msg) => applyRules(STATED_COMPLETE_RULES, msg), weak: true },
  { read: (msg) => applyRules(DELETE_RULES, msg) },
  { read: (msg) => applyRules(GENERAL_RULES, msg) },
  { read: readShare },
  { read: readSubtask },
  { read: (msg) => applyRules(PROJECT_RULES, msg) },
  { read: readAdd },
  { read: readList },
];

function classify(raw: string, zone: Zone, options: ParseOptions): { intent: Intent; implicit: boolean } {
  const topic = readSmalltalk(raw);
  if (topic) return { intent: { kind: "smalltalk", topic }, implicit: false };
  const msg = prepareMessage(raw, zone, options, (text) => classify(text, zone, options).intent);
  if (!msg.text) return { intent: { kind: "unknown" }, implicit: false };
  for (const reader of READERS) {
    const intent = reader.read(msg);
    if (intent) return { intent, implicit: reader.weak === true };
  }
  const implicit = readImplicitAdd(msg);
  return implicit ? { intent: implicit, implicit: true } : { intent: { kind: "unknown" }, implicit: false };
}

/**
 * Reads what a chat message asks for. Never throws; anything it cannot place is `{ kind: "unknown" }`.
 * Dates are resolved in `options.timeZone` (default UTC) relative to `options.now` (default: now).
 */
export function parseIntent(message: string, options: ParseOptions = {}): Intent {
  try {
    const raw = truncateText(typeof message === "string" ? message : "", MAX_MESSAGE);
    if (!raw) return { kind: "unknown" };
    const zone = resolveZone(options);
    const resolved: ParseOptions = { now: zone.now, timeZone: zone.timeZone };
    const first = classify(raw, zone, resolved);
    if (first.intent.kind !== "unknown" && !first.implicit) return first.intent;
    // Only when the message made no sense as typed is a typo-corrected reading tried.
    const corrected = correctTypos(raw);
    if (corrected !== raw) {
      const second = classify(corrected, zone, resolved);
      // A stuck key ("addd buy milk") only repeats letters: then an explicit add beats reading the slip as a title.
      const stuckKey = first.implicit && !second.implicit && squeeze(corrected) === squeeze(raw);
      const improves =
        second.intent.kind !== "unknown" &&
        (first.intent.kind === "unknown" || second.intent.kind !== "add" || stuckKey);
      if (improves) return second.intent;
    }
    return first.intent;
  } catch {
    return { kind: "unknown" };
  }
}
