// Completing and reopening: "mark task 3 as done", "I called mom", "the report is done", "task 4 isn't finished".

import { readRef } from "./references";
import { compilePattern, makeRefIntent, makeRefRule, REF, type Rule } from "./rules";

const DONE_WORD =
  "(?:done|complete|completed|finished|checked(?:\\s+off)?|closed|resolved|ticked\\s+off|crossed\\s+off|taken\\s+care\\s+of|sorted(?:\\s+out)?|handled|accomplished)";
const UNDONE_WORD =
  "(?:not\\s+(?:yet\\s+)?(?:done|complete|completed|finished)(?:\\s+yet)?|undone|incomplete|uncompleted|unfinished|pending|open|to-?do|active|outstanding|in\\s+progress|not\\s+started)";

export const REOPEN_RULES: Rule[] = [
  {
    noQuestions: true,
    patterns: [
      compilePattern(
        `(?:reopen|re-open|uncheck|unmark|un-?complete|unfinish|undo|restore|reactivate|resume|revive|unarchive|un-?tick)\\s+${REF}`,
      ),
      compilePattern(
        `(?:mark|set|flag|put|make|move|turn|change)\\s+${REF}\\s+(?:as\\s+|to\\s+|back\\s+to\\s+|back\\s+as\\s+)?${UNDONE_WORD}(?:\\s+again)?`,
      ),
      compilePattern(
        `(?:move|put|bring|set|turn)\\s+${REF}\\s+back(?:\\s+(?:to|on|into)\\s+(?:pending|open|to-?do|active|my\\s+list|the\\s+list|my\\s+tasks|the\\s+to-?do\\s+list))?`,
      ),
      compilePattern(
        `${REF}\\s+(?:isn't|is\\s+not|wasn't|was\\s+not|ain't|aren't|are\\s+not)\\s+(?:actually\\s+|really\\s+)?${DONE_WORD}(?:\\s+yet|\\s+after\\s+all)?`,
      ),
      compilePattern(
        `(?:i|we)\\s+(?:didn't|did\\s+not|haven't|have\\s+not|never)\\s+(?:actually\\s+|really\\s+)?(?:finish|finished|complete|completed|do|done)\\s+${REF}(?:\\s+yet|\\s+after\\s+all)?`,
      ),
    ],
    build: makeRefRule("reopen"),
  },
];

// Past tenses that say a task was done when the person reports it ("I called mom" → the "Call mom" task).
const REPORTED_VERBS =
  /^(?:called|paid|bought|sent|emailed|mailed|wrote|fixed|cleaned|washed|fed|walked|booked|submitted|watered|picked\s+up|dropped\s+off|returned|cancelled|renewed|ordered|cooked|read|replied\s+to|answered|texted|visited|filed|signed|printed|reviewed|packed|took\s+out|posted|scheduled|practiced|practised|studied|prepared|finished\s+up)$/iu;

export const COMPLETE_RULES: Rule[] = [
  {
    patterns: [
      compilePattern(`(?:mark|set|flag|put|make)\\s+(?:as\\s+)?(?:done|complete|completed|finished)\\s*:?\\s+${REF}`),
      compilePattern(
        `(?:mark|set|flag|put|make|consider|call)\\s+${REF}\\s+(?:as\\s+|to\\s+)?(?:being\\s+)?${DONE_WORD}`,
      ),
      compilePattern(`(?:check|tick|cross|strike|knock|mark)\\s+${REF}\\s+off`),
      compilePattern(
        `(?:complete|finish|close|resolve|accomplish|check\\s+off|tick\\s+off|cross\\s+off|mark\\s+off|strike\\s+off|strike|done\\s+with|finished\\s+with|finished|completed|wrap\\s+up|knock\\s+out|knock\\s+off|done)\\s*:?\\s+${REF}`,
      ),
      compilePattern(
        `(?:i|we)(?:'ve|\\s+have|'m|\\s+am|\\s+just|\\s+already|\\s+finally|\\s+now|\\s+totally|\\s+also)*\\s+(?:finished\\s+with|completed|finished|done\\s+with|done|did|wrapped\\s+up|took\\s+care\\s+of|taken\\s+care\\s+of|handled|sorted(?:\\s+out)?|got\\s+through|dealt\\s+with|knocked\\s+out|ticked\\s+off|checked\\s+off|crossed\\s+off|finished\\s+up)\\s+${REF}`,
      ),
      compilePattern(`(?:i|we)\\s+got\\s+${REF}\\s+done`),
      compilePattern(`(?:get|got)\\s+${REF}\\s+done`),
    ],
    build: makeRefRule("complete"),
  },
  {
    patterns: [
      compilePattern(
        `(?:i|we)(?:'ve|\\s+have|\\s+just|\\s+already|\\s+finally|\\s+also)*\\s+(\\w+(?:\\s+(?:up|off|out|to))?)\\s+${REF}`,
      ),
    ],
    build: (m, msg) => {
      if (!REPORTED_VERBS.test(m[1] ?? "")) return null;
      const ref = readRef(msg, m[2] ?? "");
      // The verb is part of what identifies the task: "I called mom" matches "Call mom", not "Email mom".
      if (ref && "title" in ref) return { kind: "complete", ref: { title: `${m[1]} ${ref.title}` } };
      return makeRefIntent("complete", ref);
    },
  },
];

// Word order alone says these ("the report is done"); a typo-corrected reading may replace them.
export const STATED_COMPLETE_RULES: Rule[] = [
  {
    refFirst: true,
    patterns: [
      compilePattern(
        `${REF}\\s+(?:is|are|was|were|has\\s+been|have\\s+been|'s|got|is\\s+now|are\\s+now|is\\s+finally|is\\s+all)\\s+(?:now\\s+|all\\s+|finally\\s+|already\\s+)?${DONE_WORD}`,
      ),
      compilePattern(`${REF}\\s+(?:done|completed|finished|complete)`),
    ],
    build: (m, msg) => (/(?:\s(?:not|as|to|be)|n't)$/iu.test(m[1] ?? "") ? null : makeRefRule("complete")(m, msg)),
  },
];
