// Updates that name the field they change: priority, due date, reminder, repetition, description (tags are in
// update-tags.ts and are tried first).
import { readLiteral } from "./message";
import { isIdRef, readRef } from "./references";
import { compilePattern, makeUpdate, makeUpdateRule, REF, type Rule } from "./rules";
import { PRIORITY_WORD, readDueChange, readPriority, readRecurrenceRule, splitAtDate } from "./values";

export const FIELD_RULES: Rule[] = [
  // Priority.
  {
    patterns: [
      compilePattern(
        `(?:set|change|make|update|put|move|bump|raise|lower|drop)\\s+(?:the\\s+)?(?:priority|prio)\\s+(?:of|for|on)\\s+${REF}\\s+(?:to|as|at)\\s+(${PRIORITY_WORD})(?:\\s+priority)?`,
      ),
      compilePattern(
        `(?:set|change|make|update|put|give)\\s+${REF}(?:'s|s')?\\s+(?:priority|prio)\\s+(?:to\\s+|as\\s+|at\\s+)?(?:be\\s+)?(${PRIORITY_WORD})`,
      ),
      compilePattern(`give\\s+${REF}\\s+(?:a\\s+|an\\s+)?(${PRIORITY_WORD})\\s+priority`),
      compilePattern(
        `(?:make|mark|set|flag|bump|raise|lower|change|put|move|update|turn)\\s+${REF}\\s+(?:as\\s+|to\\s+|at\\s+|up\\s+to\\s+|down\\s+to\\s+|into\\s+)?(?:an?\\s+)?(${PRIORITY_WORD}|no)(?:\\s+priority|\\s+prio)`,
      ),
      compilePattern(
        `(?:make|mark|set|flag|bump|raise|lower|change|put|move|update|turn)\\s+${REF}\\s+(?:as\\s+|to\\s+|at\\s+|up\\s+to\\s+|down\\s+to\\s+|into\\s+)?(?:an?\\s+)?(${PRIORITY_WORD})`,
      ),
    ],
    build: makeUpdateRule(1, (m) => ({ priority: readPriority(m[2]) })),
  },
  {
    refFirst: true,
    patterns: [
      compilePattern(
        `${REF}\\s+(?:is|'s|isn't|is\\s+no\\s+longer)\\s+(?:not\\s+)?(?:urgent|important|critical|a\\s+priority|high\\s+priority)(?:\\s+any\\s?more)?`,
      ),
    ],
    // "task 7 is not urgent": only the negated form; the plain one is the next rule.
    build: (m, msg) =>
      /(?:not|n't|no\s+longer)/iu.test(msg.text) ? makeUpdateRule(1, () => ({ priority: "none" }))(m, msg) : null,
  },
  {
    refFirst: true,
    patterns: [
      compilePattern(
        `${REF}\\s+(?:is|should\\s+be|is\\s+now)\\s+(?:an?\\s+)?(?:(${PRIORITY_WORD})\\s+priority|(urgent|important|critical))`,
      ),
    ],
    build: makeUpdateRule(1, (m) => ({ priority: readPriority(m[2] ?? m[3]) })),
  },
  {
    patterns: [compilePattern(`(?:prioriti[sz]e|escalate)\\s+${REF}`)],
    build: makeUpdateRule(1, () => ({ priority: "high" })),
  },
  {
    patterns: [compilePattern(`de-?prioriti[sz]e\\s+${REF}`)],
    build: makeUpdateRule(1, () => ({ priority: "low" })),
  },
  {
    patterns: [
      compilePattern(
        `(?:remove|clear|drop|reset|unset)\\s+(?:the\\s+)?(?:priority|prio)\\s+(?:of|from|on|for)\\s+${REF}`,
      ),
    ],
    build: makeUpdateRule(1, () => ({ priority: "none" })),
  },

  // Due date removed or set.
  {
    patterns: [
      compilePattern(
        `(?:remove|clear|delete|drop|unset)\\s+(?:the\\s+)?(?:due\\s+date|deadline|due|date)\\s+(?:of|from|for|on)\\s+${REF}`,
      ),
    ],
    build: makeUpdateRule(1, () => ({ due_at: null })),
  },
  {
    patterns: [
      compilePattern(
        `(?:set|change|update|move|make|put)\\s+(?:the\\s+)?(?:due\\s+date|deadline|due\\s+time|due|date|time)\\s+(?:of|for|on)\\s+${REF}\\s+(?:to|for|as|at|on)\\s+(.+)`,
      ),
      compilePattern(
        `(?:set|change|update|make|move)\\s+${REF}(?:'s)?\\s+(?:due\\s+date|deadline|due\\s+time|due|date)\\s+(?:to|for|as|at|on)\\s+(.+)`,
      ),
      compilePattern(`(?:make|set)\\s+${REF}\\s+due\\s+(.+)`),
    ],
    build: makeUpdateRule(1, (m, msg) => readDueChange(m, msg, 2)),
  },
  {
    refFirst: true,
    patterns: [
      compilePattern(
        `${REF}\\s+(?:is\\s+|are\\s+|should\\s+be\\s+|is\\s+now\\s+|are\\s+now\\s+|will\\s+be\\s+|'s\\s+)?due\\s+(.+)`,
      ),
    ],
    // "Report due friday" on its own is a new task; an existing one is named ("task 3", "the report").
    build: (m, msg) => {
      const ref = readRef(msg, m[1] ?? "");
      const named = isIdRef(ref) || /(?:task|todo|item|^the\s|^my\s)/iu.test(m[1] ?? "");
      const changes = named ? readDueChange(m, msg, 2) : null;
      return changes ? makeUpdate(ref, changes) : null;
    },
  },

  // Reminder.
  {
    patterns: [
      compilePattern(`(?:remove|clear|delete|cancel|drop)\\s+(?:the\\s+)?reminders?\\s+(?:of|from|for|on)\\s+${REF}`),
    ],
    build: makeUpdateRule(1, () => ({ remind_at: null })),
  },
  {
    patterns: [
      compilePattern(
        `(?:remind\\s+me\\s+(?:about|of)|set\\s+(?:a\\s+)?reminder\\s+(?:for|on)|add\\s+(?:a\\s+)?reminder\\s+(?:to|for|on))\\s+(.+)`,
      ),
    ],
    // Only for a named task: "remind me about the meeting tomorrow" is more likely a new reminder.
    build: (m, msg) => {
      const split = splitAtDate(msg, m[1] ?? "");
      const ref = split ? readRef(msg, split.ref) : null;
      if (!split || !ref || !(isIdRef(ref) || /(?:task|todo|item)$/iu.test(split.ref))) return null;
      return makeUpdate(ref, { remind_at: split.date.toISOString() });
    },
  },

  // Repetition.
  {
    patterns: [
      compilePattern(`(?:stop|quit)\\s+(?:repeating|recurring)\\s+${REF}`),
      compilePattern(
        `(?:make|set)\\s+${REF}\\s+(?:not\\s+recurring|non-?recurring|one-?off|a\\s+one-?off|one\\s+time|not\\s+repeat(?:ing)?)`,
      ),
      compilePattern(
        `(?:remove|clear|delete|cancel|drop)\\s+(?:the\\s+)?(?:recurrence|repeat|repetition|repeating)\\s+(?:of|from|for|on)\\s+${REF}`,
      ),
      compilePattern(`${REF}\\s+should\\s+(?:not|n't|no\\s+longer)\\s+(?:repeat|recur)`),
      compilePattern(`(?:don't|do\\s+not)\\s+repeat\\s+${REF}(?:\\s+any\\s?more)?`),
    ],
    build: makeUpdateRule(1, () => ({ recurrence: null })),
  },
  {
    patterns: [
      compilePattern(
        `(?:make|set|have|let|change)\\s+${REF}\\s+(?:to\\s+)?(?:repeat|recur|be\\s+recurring|be\\s+repeating|recurring|repeating|repeat\\s+itself|happen|be)?\\s*((?:every|each|daily|weekly|monthly|yearly|annually|hourly|biweekly|fortnightly|on\\s+\\w+days|once\\s+a|weekdays).*)`,
      ),
      compilePattern(`repeat\\s+${REF}\\s+((?:every|each|daily|weekly|monthly|yearly|on\\s+\\w+days).*)`),
      compilePattern(`${REF}\\s+should\\s+(?:repeat|recur|happen|be\\s+done)\\s+(.+)`),
    ],
    build: makeUpdateRule(1, (m) => {
      const rule = readRecurrenceRule(m[2] ?? "");
      return rule ? { recurrence: rule } : null;
    }),
  },

  // Description.
  {
    patterns: [
      compilePattern(
        `(?:add|set|put|attach|write|leave)\\s+(?:a\\s+|the\\s+)?(?:note|notes|description|details?|comment)\\s+(?:to|on|for)\\s+${REF}\\s*(?::|,|-|\\s+saying|\\s+that\\s+says|\\s+with)\\s*(.+)`,
      ),
      compilePattern(
        `(?:set|change|update|make)\\s+(?:the\\s+)?(?:description|notes?|details)\\s+(?:of|for|on)\\s+${REF}\\s+(?:to|as)\\s+(.+)`,
      ),
      compilePattern(`describe\\s+${REF}\\s+as\\s+(.+)`),
    ],
    build: makeUpdateRule(1, (m, msg) => ({ description: readLiteral(msg, m[2] ?? "") })),
  },
];
