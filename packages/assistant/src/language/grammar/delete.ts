// Deleting one task ("remove the dentist task") or a group ("delete all completed tasks", which the planner
// confirms before acting).
import { readListFilter } from "./list-filter";
import { compilePattern, makeRefRule, REF, type Reader, type Rule } from "./rules";

const DELETE_VERB =
  "(?:delete|remove|erase|drop|trash|bin|cancel|discard|scrap|ditch|kill|nuke|purge|get\\s+rid\\s+of|throw\\s+away|throw\\s+out|forget\\s+about|forget(?!\\s+to\\b)|wipe(?:\\s+out)?|clear(?:\\s+out)?|clean\\s+up|del|rm)";

// "delete all completed tasks", "clear completed", "remove everything tagged work".
export const readDeleteMany: Reader = (msg) => {
  const m = compilePattern(`${DELETE_VERB}\\s+(.+)`).exec(msg.text);
  if (!m) return null;
  const object = m[1] ?? "";
  const bulk =
    /^(?:all|every|everything|each|both)(?![\p{L}])/iu.test(object) ||
    /^(?:(?:the|my)\s+)?(?:completed|done|finished|old|overdue|checked|closed|ticked|crossed)(?:\s+(?:ones|tasks|todos|to-?dos|items|stuff|things|entries))?$/iu.test(
      object,
    ) ||
    /^(?:(?:the|my)\s+)?(?:whole\s+|entire\s+)?(?:list|to-?do\s+list|task\s+list|tasks|todos)$/iu.test(object) ||
    // "delete my work tasks", "remove the low priority todos": a plural with a qualifier names a group.
    /^(?:(?:the|my|our)\s+)?(?:#?[\p{L}\d_'’-]+\s+){1,3}(?:tasks|todos|to-?dos|items)$/iu.test(object);
  if (!bulk) return null;
  const filter = readListFilter(msg, object);
  if (!filter.status && !filter.due && !filter.tag && !filter.priority && !filter.query) filter.status = "all";
  return { kind: "delete_many", filter };
};

export const DELETE_RULES: Rule[] = [
  {
    patterns: [
      compilePattern(`${DELETE_VERB}\\s+${REF}`),
      compilePattern(`(?:i|we)\\s+(?:don't|do\\s+not|no\\s+longer|won't)\\s+need\\s+${REF}(?:\\s+any\\s?more)?`),
      compilePattern(`${REF}\\s+(?:can|should|must)\\s+be\\s+(?:deleted|removed|dropped|cancell?ed|trashed|erased)`),
      compilePattern(`${REF}\\s+(?:is|was)\\s+(?:cancell?ed|not\\s+needed|no\\s+longer\\s+needed)(?:\\s+any\\s?more)?`),
    ],
    build: makeRefRule("delete"),
  },
];
