// Updates that add or remove tags: "add the tag work to task 3", "tag the call task urgent", "untag #5 home".

import { compilePattern, makeUpdateRule, REF, type Rule } from "./rules";
import { readTags } from "./values";

const TAG_LIST = "(#?[\\p{L}\\p{N}_-]+(?:\\s*(?:,|and|&)\\s*#?[\\p{L}\\p{N}_-]+)*)";
const HASH_TAGS = "(#[\\p{L}\\p{N}_-]+(?:\\s*(?:,|and|&)?\\s*#[\\p{L}\\p{N}_-]+)*)";
const ID_REF = "((?:task\\s*|#)\\d+|task\\s+[a-z]+)";

// Tags added and removed; tried before the other field updates.
export const TAG_RULES: Rule[] = [
  // Tags added.
  {
    patterns: [
      compilePattern(
        `(?:add|put|attach|apply|give)\\s+(?:the\\s+|a\\s+)?(?:tags?|labels?)\\s+(.+?)\\s+(?:to|on|onto)\\s+${REF}`,
      ),
      compilePattern(
        `(?:add|put|attach|apply)\\s+(?:the\\s+|a\\s+)?${TAG_LIST}\\s+(?:tags?|labels?)\\s+(?:to|on|onto)\\s+${REF}`,
      ),
    ],
    build: makeUpdateRule(2, (m) => ({ tags_add: readTags(m[1] ?? "") })),
  },
  {
    patterns: [compilePattern(`(?:add|put|attach)\\s+${HASH_TAGS}\\s+(?:to|on|onto)\\s+${REF}`)],
    build: makeUpdateRule(2, (m) => ({ tags_add: readTags((m[1] ?? "").replace(/#/g, " ")) })),
  },
  {
    patterns: [
      compilePattern(`(?:tag|label)\\s+${REF}\\s+(?:as|with)\\s+(.+)`),
      compilePattern(`(?:tag|label)\\s+${ID_REF}\\s+(.+)`),
      // "tag the call task urgent", "tag my dentist one #health": the reference ends at its noun.
      compilePattern(`(?:tag|label)\\s+((?:the|my|that|this)\\s+.+?\\s+(?:task|todo|to-do|item|one))\\s+(.+)`),
      compilePattern(`(?:tag|label)\\s+${REF}\\s+${HASH_TAGS}`),
      compilePattern(`(?:mark|flag)\\s+${REF}\\s+with\\s+(?:the\\s+|a\\s+)?(?:tags?|labels?)\\s+(.+)`),
      compilePattern(`give\\s+${REF}\\s+(?:the\\s+|a\\s+)?(?:tags?|labels?)\\s+(.+)`),
    ],
    build: makeUpdateRule(1, (m) => ({ tags_add: readTags(m[2] ?? "") })),
  },
  {
    refFirst: true,
    patterns: [
      compilePattern(`${REF}\\s+(?:should\\s+be\\s+|is\\s+)?(?:tagged|labell?ed)\\s+(?:as\\s+|with\\s+)?(.+)`),
    ],
    build: makeUpdateRule(1, (m) => ({ tags_add: readTags(m[2] ?? "") })),
  },

  // Tags removed.
  {
    patterns: [
      compilePattern(`(?:untag|unlabel)\\s+(.+?)\\s+from\\s+${REF}`),
      compilePattern(
        `(?:remove|delete|drop|take\\s+off|take|strip|clear)\\s+(?:the\\s+)?(?:tags?|labels?)\\s+(.+?)\\s+(?:from|off|on|of)\\s+${REF}`,
      ),
      compilePattern(
        `(?:remove|delete|drop|take|strip)\\s+(?:the\\s+)?${TAG_LIST}\\s+(?:tags?|labels?)\\s+(?:from|off|on|of)\\s+${REF}`,
      ),
    ],
    build: makeUpdateRule(2, (m) => ({ tags_remove: readTags(m[1] ?? "") })),
  },
  {
    patterns: [compilePattern(`(?:remove|delete|drop|take)\\s+${HASH_TAGS}\\s+(?:from|off)\\s+${REF}`)],
    build: makeUpdateRule(2, (m) => ({ tags_remove: readTags((m[1] ?? "").replace(/#/g, " ")) })),
  },
  {
    patterns: [compilePattern(`(?:untag|unlabel)\\s+${ID_REF}\\s+(?:as\\s+)?(.+)`)],
    build: makeUpdateRule(1, (m) => ({ tags_remove: readTags(m[2] ?? "") })),
  },
];
