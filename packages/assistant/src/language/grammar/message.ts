// A chat message made ready for the grammar: quotes masked, politeness trimmed, and whether it was a question.
// Every reader takes this Message; captures are read from its text and quotes restored from it.

import type { Zone } from "../dates";
import type { ParseOptions } from "../quick-add";
import { collapseSpaces, type MaskedText, maskQuotes, readOnlyQuote, unmaskQuotes } from "../words";
import type { Intent } from "./types";

/** A message being read: quotes masked, politeness trimmed. Captures are taken from `text`. */
export interface Message extends MaskedText {
  zone: Zone;
  options: ParseOptions;
  /** The person asked a question ("…?"), which is never a new task. */
  question: boolean;
  /** Reads another piece of text as a whole message in the same zone (a request nested in a change). */
  reread: (text: string) => Intent;
}

const POLITE_LEADS: RegExp[] = [
  /^(?:please|pls|plz|kindly|ok(?:ay)?|alright|all\s+right|so|um+|uh+|hmm+|well|hey(?:\s+there)?|hi(?:\s+there)?|hello|yo|assistant|bot|also|and|now|then|just|quick(?:ly)?|actually|oh|right|great|cool|thanks|sure|yes|yeah|yep|finally|already)(?:[\s,!.:;-]+|$)/iu,
  /^(?:can|could|would|will|can't|won't)\s+(?:you|u|ya)\s+(?:please\s+|kindly\s+|just\s+|quickly\s+)?/iu,
  /^(?:i(?:'d|\s+would)\s+(?:like|love)|i\s+want|i\s+wanna|i\s+need|i'd\s+want)\s+(?:you\s+)?to\s+(?=(?:add|create|delete|remove|show|list|mark|complete|finish|rename|change|update|move|push|postpone|reschedule|tag|untag|set|see|view|find|search|reopen|edit|clear|check|get|know|cancel|erase|prioriti[sz]e|make\s+(?:task|the|it|#)|look)(?![\p{L}]))/iu,
  /^(?:scratch\s+that|never\s*mind|wait|oops|sorry|on\s+second\s+thought)(?:[\s,!.:;-]+)/iu,
  /^(?:go\s+ahead\s+and|help\s+me|let'?s|let\s+me|is\s+it\s+possible\s+to|is\s+there\s+a\s+way\s+to|i\s+wonder\s+if\s+you\s+could|do\s+me\s+a\s+favou?r\s+and)\s+/iu,
];
const POLITE_TRAILS =
  /(?:[\s,]+(?:please|pls|plz|thanks|thank\s+you|thx|ty|for\s+me|right\s+now|real\s+quick|if\s+you\s+can|if\s+possible|asap\s+please|ok|okay|now))+$/iu;

export function prepareMessage(raw: string, zone: Zone, options: ParseOptions, reread: Message["reread"]): Message {
  const masked = maskQuotes(raw.replace(/[’]/g, "'"));
  // Trailing "!!" after a space is a priority marker ("add water the ferns !!"), not punctuation.
  let text = collapseSpaces(masked.text).replace(/([^\s?!.…])[?!.…]+$/u, "$1");
  for (let round = 0; round < 8; round++) {
    const before = text;
    for (const lead of POLITE_LEADS) text = text.replace(lead, "");
    text = text
      .replace(POLITE_TRAILS, "")
      .replace(/([^\s?!.…,])[?!.…,]+$/u, "$1")
      .trim();
    if (text === before) break;
  }
  const question =
    /\?\s*$/u.test(raw) ||
    /^(?:who|whom|whose|why|is|are|was|were|does|did|can|could|would|will)(?![\p{L}])/iu.test(text);
  return { text: collapseSpaces(text), quotes: masked.quotes, zone, options, question, reread };
}

/** The message text with quotes restored as double-quoted segments (for the quick-add parser). */
export function restoreQuotes(msg: Message, text: string): string {
  return unmaskQuotes(text, msg.quotes, '"');
}

/** A literal piece of text (a new title, a note): quote marks dropped, politeness trimmed. */
export function readLiteral(msg: Message, text: string): string {
  const only = readOnlyQuote(text, msg.quotes);
  const value = only ?? unmaskQuotes(text, msg.quotes);
  return collapseSpaces(value.replace(/^["'“”‘’`]+|["'“”‘’`]+$/gu, "").replace(/\s+(?:instead|please)$/iu, ""));
}
