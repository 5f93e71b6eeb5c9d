// The intent grammar of the builtin assistant: what a chat message asks for (add, list, complete, update…),
// read with a verb lexicon and patterns that tolerate politeness, word order, quotes and small typos.
import type { Priority } from "@todo/contract/enums";
import { Tag } from "@todo/contract/task";
import { addDays, findDates, readWallClock, resolveDayAndTime, resolveZone, type Zone } from "./dates";
import { type ParseOptions, parsePriorityWord, parseQuickAdd, type QuickAddResult } from "./quick-add";
import { findRecurrence, formatRecurrence } from "./recurrence-phrases";
import {
  capitalizeFirst,
  collapseSpaces,
  findClosestWord,
  lookup,
  type MaskedText,
  maskQuotes,
  parseCount,
  readOnlyQuote,
  truncateText,
  unmaskQuotes,
} from "./words";

export type TaskRef = { id: number } | { title: string };
export type StatusFilter = "all" | "pending" | "completed";
export type DueFilter = "overdue" | "today" | "week" | "none";

export interface ListFilter {
  status?: StatusFilter;
  query?: string;
  priority?: Priority;
  tag?: string;
  due?: DueFilter;
  /**
   * A single day inside `due: "week"` ("what's due tomorrow?"). The API has no such filter, so the assistant asks
   * for the week and keeps that day's tasks.
   */
  day?: "tomorrow";
}

export interface TaskChanges {
  title?: string;
  description?: string;
  priority?: Priority;
  tags_add?: string[];
  tags_remove?: string[];
  due_at?: string | null;
  remind_at?: string | null;
  recurrence?: string | null;
}

export type SmalltalkTopic = "greeting" | "thanks" | "help" | "bye";

export type Intent =
  | { kind: "add"; task: QuickAddResult & { description?: string } }
  | { kind: "list"; filter: ListFilter }
  | { kind: "complete" | "delete" | "reopen"; ref: TaskRef }
  /** A bulk delete ("delete all completed tasks"): the agent must confirm before acting. */
  | { kind: "delete_many"; filter: ListFilter }
  | { kind: "update"; ref: TaskRef; changes: TaskChanges }
  | { kind: "smalltalk"; topic: SmalltalkTopic }
  | { kind: "unknown" };

export type IntentKind = Intent["kind"];

const MAX_MESSAGE = 2000;

/** A message being read: quotes masked, politeness trimmed. Captures are taken from `text`. */
interface Message extends MaskedText {
  zone: Zone;
  options: ParseOptions;
  /** The person asked a question ("…?"), which is never a new task. */
  question: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Small talk: whole messages only, so "hi, add milk" is still a request.

const SMALLTALK: [SmalltalkTopic, RegExp][] = [
  [
    "greeting",
    /^(?:hi|hello|hey|heya|hiya|howdy|yo|hallo|hola|greetings|sup|what'?s\s+up|good\s+(?:morning|afternoon|evening|day)|morning|hi\s+there|hey\s+there|hello\s+there|how\s+are\s+you(?:\s+doing)?(?:\s+today)?|how'?s\s+it\s+going)(?:\s+(?:there|assistant|bot|buddy|friend|again|you))?$/,
  ],
  [
    "thanks",
    /^(?:(?:ok(?:ay)?|great|perfect|awesome|cool|nice|excellent|super|wonderful|brilliant|lovely|sweet|got\s+it|you(?:'re|\s+are)\s+(?:awesome|great|the\s+best|amazing|a\s+star|brilliant|a\s+lifesaver))[,\s]*)*(?:thanks?(?:\s+(?:a\s+lot|so\s+much|a\s+bunch|again|very\s+much|mate|buddy|man))*|thank\s+you(?:\s+(?:so|very)\s+much)?(?:\s+again)?|thx|thnx|ty|tysm|cheers|much\s+appreciated|appreciate\s+it|i\s+appreciate\s+it|great|perfect|awesome|cool|nice|excellent|got\s+it|ok(?:ay)?|sounds\s+good|good\s+job|well\s+done|nice\s+one)$/,
  ],
  [
    "help",
    /^(?:help(?:\s+me)?|what\s+(?:can|do)\s+you\s+do|what\s+are\s+you\s+able\s+to\s+do|what\s+can\s+i\s+(?:say|ask|do|type)(?:\s+you)?|what\s+should\s+i\s+say|how\s+(?:do|does)\s+(?:this|it|you)\s+work|how\s+do\s+i\s+use\s+(?:this|you|it)|how\s+can\s+you\s+help(?:\s+me)?|who\s+are\s+you|what\s+are\s+you|commands|instructions|usage|menu|options|what\s+do\s+you\s+understand|\?+|i\s+need\s+help|can\s+you\s+help(?:\s+me)?)$/,
  ],
  [
    "bye",
    /^(?:bye(?:\s+bye)?|goodbye|good\s+bye|see\s+(?:you|ya)(?:\s+later|\s+soon)?|cya|later|good\s*night|farewell|that'?s\s+all(?:\s+for\s+now)?|that\s+is\s+all|nothing\s+else|i'?m\s+done\s+for\s+(?:today|now)|exit|quit|ciao|take\s+care)$/,
  ],
];
const SMALLTALK_WORDS = ["hello", "thanks", "thank", "goodbye", "help", "cheers", "howdy"];

function readSmalltalk(raw: string): SmalltalkTopic | null {
  let text = raw
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[!.,…:;)(]+|[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]/gu, " ");
  text = collapseSpaces(text.replace(/\?+$/, (q) => (text.trim() === q ? q : "")));
  text = text.replace(/^(?:oh|ah|well|so|and|please)\s+/, "").replace(/\s+(?:please|again|assistant|bot)$/, "");
  for (const [topic, pattern] of SMALLTALK) if (pattern.test(text)) return topic;
  // One or two words with a typo ("thnaks", "helo").
  const words = text.split(" ");
  if (words.length <= 2 && words[0]) {
    const word = findClosestWord(words[0], SMALLTALK_WORDS);
    if (word === "hello" || word === "howdy") return "greeting";
    if (word === "thanks" || word === "thank" || word === "cheers") return "thanks";
    if (word === "goodbye") return "bye";
    if (word === "help" && words.length === 1) return "help";
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Preparing the message.

const POLITE_LEADS: RegExp[] = [
  /^(?:please|pls|plz|kindly|ok(?:ay)?|alright|all\s+right|so|um+|uh+|hmm+|well|hey(?:\s+there)?|hi(?:\s+there)?|hello|yo|assistant|bot|also|and|now|then|just|quick(?:ly)?|actually|oh|right|great|cool|thanks|sure|yes|yeah|yep|finally|already)(?:[\s,!.:;-]+|$)/iu,
  /^(?:can|could|would|will|can't|won't)\s+(?:you|u|ya)\s+(?:please\s+|kindly\s+|just\s+|quickly\s+)?/iu,
  /^(?:i(?:'d|\s+would)\s+(?:like|love)|i\s+want|i\s+wanna|i\s+need|i'd\s+want)\s+(?:you\s+)?to\s+(?=(?:add|create|delete|remove|show|list|mark|complete|finish|rename|change|update|move|push|postpone|reschedule|tag|untag|set|see|view|find|search|reopen|edit|clear|check|get|know|cancel|erase|prioriti[sz]e|make\s+(?:task|the|it|#)|look)(?![\p{L}]))/iu,
  /^(?:scratch\s+that|never\s*mind|wait|oops|sorry|on\s+second\s+thought)(?:[\s,!.:;-]+)/iu,
  /^(?:go\s+ahead\s+and|help\s+me|let'?s|let\s+me|is\s+it\s+possible\s+to|is\s+there\s+a\s+way\s+to|i\s+wonder\s+if\s+you\s+could|do\s+me\s+a\s+favou?r\s+and)\s+/iu,
];
const POLITE_TRAILS =
  /(?:[\s,]+(?:please|pls|plz|thanks|thank\s+you|thx|ty|for\s+me|right\s+now|real\s+quick|if\s+you\s+can|if\s+possible|asap\s+please|ok|okay|now))+$/iu;

function prepareMessage(raw: string, zone: Zone, options: ParseOptions): Message {
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
  return { text: collapseSpaces(text), quotes: masked.quotes, zone, options, question };
}

/** The message text with quotes restored as double-quoted segments (for the quick-add parser). */
function restoreQuotes(msg: Message, text: string): string {
  return unmaskQuotes(text, msg.quotes, '"');
}

/** A literal piece of text (a new title, a note): quote marks dropped, politeness trimmed. */
function readLiteral(msg: Message, text: string): string {
  const only = readOnlyQuote(text, msg.quotes);
  const value = only ?? unmaskQuotes(text, msg.quotes);
  return collapseSpaces(value.replace(/^["'“”‘’`]+|["'“”‘’`]+$/gu, "").replace(/\s+(?:instead|please)$/iu, ""));
}

// ---------------------------------------------------------------------------------------------------------
// Task references: "task 3", "#3", "the meeting task", "the one about groceries".

const PRONOUNS =
  /^(?:it|that|this|them|those|these|that\s+one|this\s+one|the\s+one|one|(?:the\s+)?(?:last|latest|newest|previous|first|other)(?:\s+one)?)$/iu;

function readRef(msg: Message, phrase: string): TaskRef | null {
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

function isIdRef(ref: TaskRef | null): ref is { id: number } {
  return ref !== null && "id" in ref;
}

// ---------------------------------------------------------------------------------------------------------
// Shared readers for dates, priorities, tags and repetitions inside a request.

/** A date that makes up (nearly) the whole phrase: "next week", "to friday at 5pm". */
function readWholeDate(msg: Message, phrase: string): Date | null {
  const text = phrase.replace(/^(?:to|for|on|at|until|till|by|into)\s+/iu, "");
  const found = findDates(text, msg.zone)[0];
  if (!found) return null;
  const rest = `${text.slice(0, found.index)} ${text.slice(found.end)}`
    .replace(/\b(?:to|for|on|at|the|until|till|by|instead|please|then)\b/giu, "")
    .trim();
  return rest ? null : found.instant;
}

const PRIORITY_WORD = "(?:high|highest|top|medium|med|normal|mid|low|lowest|none|urgent|important|critical|p[1-4])";

function readTags(text: string): string[] {
  const tags: string[] = [];
  for (const word of text.split(/\s*(?:,|\band\b|&|\s)\s*/iu)) {
    if (/^(?:the|a|an|tags?|labels?|as|with)$/iu.test(word)) continue;
    const parsed = Tag.safeParse(word);
    if (parsed.success && !tags.includes(parsed.data)) tags.push(parsed.data);
  }
  return tags.slice(0, 20);
}

function readRecurrenceRule(phrase: string): string | null {
  const found = findRecurrence(phrase);
  return found ? formatRecurrence(found.spec) : null;
}

// ---------------------------------------------------------------------------------------------------------
// The grammar. Each reader returns an intent or null; they are tried in order.

type Reader = (msg: Message) => Intent | null;

const REF = "(.+?)";

function compilePattern(source: string): RegExp {
  return new RegExp(`^${source}$`, "iu");
}

const QUESTION_HEAD =
  /^(?:what|what's|whats|which|how|anything|any|do\s+i|did\s+i|have\s+i|am\s+i|are\s+there|is\s+there|show|list|display|view|see|give|get|find|search|tell|look|where|when)(?![\p{L}])/iu;

function makeUpdate(ref: TaskRef | null, changes: TaskChanges): Intent | null {
  if (!ref || !Object.keys(changes).length) return null;
  return { kind: "update", ref, changes };
}

function makeRefIntent(kind: "complete" | "delete" | "reopen", ref: TaskRef | null): Intent | null {
  return ref ? { kind, ref } : null;
}

const DELETE_VERB =
  "(?:delete|remove|erase|drop|trash|bin|cancel|discard|scrap|ditch|kill|nuke|purge|get\\s+rid\\s+of|throw\\s+away|throw\\s+out|forget\\s+about|forget(?!\\s+to\\b)|wipe(?:\\s+out)?|clear(?:\\s+out)?|clean\\s+up|del|rm)";
const DONE_WORD =
  "(?:done|complete|completed|finished|checked(?:\\s+off)?|closed|resolved|ticked\\s+off|crossed\\s+off|taken\\s+care\\s+of|sorted(?:\\s+out)?|handled|accomplished)";
const UNDONE_WORD =
  "(?:not\\s+(?:yet\\s+)?(?:done|complete|completed|finished)(?:\\s+yet)?|undone|incomplete|uncompleted|unfinished|pending|open|to-?do|active|outstanding|in\\s+progress|not\\s+started)";

// "delete all completed tasks", "clear completed", "remove everything tagged work".
const readDeleteMany: Reader = (msg) => {
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

function splitAtDate(msg: Message, text: string): { ref: string; date: Date } | null {
  // A leading task number is never part of the date: "task 3 to 5pm" is not the range "3 to 5pm".
  const numbered = /^(?:task\s*|#)\d{1,9}(?![\p{N}])/iu.exec(text);
  const from = numbered ? numbered[0].length : 0;
  const found = findDates(text.slice(from), msg.zone).map((d) => ({ ...d, index: d.index + from, end: d.end + from }));
  for (const date of found) {
    const ref = text
      .slice(0, date.index)
      .replace(/(?:\s+(?:to|for|on|at|until|till|by|into|the|back|out|off|due))+\s*$/iu, "")
      .trim();
    const rest = text
      .slice(date.end)
      .replace(/\b(?:instead|please|then)\b/giu, "")
      .trim();
    if (ref && !rest) return { ref, date: date.instant };
  }
  return null;
}

function getTomorrowDefault(msg: Message): Date {
  const today = readWallClock(msg.zone.now, msg.zone.timeZone);
  return resolveDayAndTime(msg.zone, addDays(today, 1), null);
}

/** A grammar rule: alternative whole-message patterns and what a match means. */
interface Rule {
  patterns: RegExp[];
  /** Set for patterns that start with the task ("task 3 is urgent"): skipped for questions and new tasks. */
  refFirst?: boolean;
  /** Set for statements that a question can resemble ("is task 3 not done?"): skipped for questions. */
  noQuestions?: boolean;
  /** The intent for a match, or null to let later rules try. */
  build: (m: RegExpExecArray, msg: Message) => Intent | null;
}

function applyRules(rules: Rule[], msg: Message): Intent | null {
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

const TAG_LIST = "(#?[\\p{L}\\p{N}_-]+(?:\\s*(?:,|and|&)\\s*#?[\\p{L}\\p{N}_-]+)*)";
const HASH_TAGS = "(#[\\p{L}\\p{N}_-]+(?:\\s*(?:,|and|&)?\\s*#[\\p{L}\\p{N}_-]+)*)";
const ID_REF = "((?:task\\s*|#)\\d+|task\\s+[a-z]+)";

/** Builds an update from the captured task (group `refGroup`) and changes read from the match. */
function makeUpdateRule(
  refGroup: number,
  changes: (m: RegExpExecArray, msg: Message) => TaskChanges | null,
): Rule["build"] {
  return (m, msg) => {
    const value = changes(m, msg);
    return value ? makeUpdate(readRef(msg, m[refGroup] ?? ""), value) : null;
  };
}

const readPriority = (word: string | undefined): Priority => parsePriorityWord(word ?? "") ?? "none";
const readDueChange = (m: RegExpExecArray, msg: Message, group: number): TaskChanges | null => {
  const date = readWholeDate(msg, m[group] ?? "");
  return date ? { due_at: date.toISOString() } : null;
};

// Updates that name the field they change: tags, priority, due date, reminder, repetition, description.
const FIELD_RULES: Rule[] = [
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

function makeRefRule(kind: "complete" | "delete" | "reopen"): Rule["build"] {
  return (m, msg) => makeRefIntent(kind, readRef(msg, m[1] ?? ""));
}

const REOPEN_RULES: Rule[] = [
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

const COMPLETE_RULES: Rule[] = [
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
const STATED_COMPLETE_RULES: Rule[] = [
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

const DELETE_RULES: Rule[] = [
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

/** Splits "X to Y" where either side may contain "to": a quoted Y, an id, or "… task" marks the split. */
function splitRenameTarget(msg: Message, text: string): { ref: TaskRef; value: string } | null {
  const splits: { ref: string; value: string }[] = [];
  for (const m of text.matchAll(/\s+(?:to|into|as|with)\s+/giu)) {
    splits.push({ ref: text.slice(0, m.index), value: text.slice((m.index ?? 0) + m[0].length) });
  }
  const preferred =
    splits.find((x) => readOnlyQuote(x.value, msg.quotes) !== null) ??
    splits.find((x) => isIdRef(readRef(msg, x.ref))) ??
    splits.find((x) => /(?:task|todo|item|one)$/iu.test(x.ref.trim())) ??
    splits[0];
  if (!preferred) return null;
  const ref = readRef(msg, preferred.ref);
  return ref && preferred.value.trim() ? { ref, value: preferred.value } : null;
}

/**
 * A quoted new title followed by more changes to the same task: `"Call dad" and make it high priority`. The rest
 * is read as a request about one task ("it" standing for it) or as a bare value ("and high priority"); its changes
 * join the new title. Null when the text is not of that shape or the rest is not a change.
 */
function readQuotedTitleAndMore(msg: Message, value: string): TaskChanges | null {
  const m = /^\s*\uE000(\d+)\uE001\s*(?:,\s*(?:and\s+)?|and\s+(?:also\s+)?|;\s*)(.+)$/u.exec(value);
  const title = m ? msg.quotes[Number(m[1])] : undefined;
  if (!m || !title) return null;
  const rest = m[2] ?? "";
  const asRequest = restoreQuotes(msg, rest).replace(/(?<![\p{L}])(?:it|that|this one)(?![\p{L}])/iu, "task 1");
  const intent = classify(asRequest, msg.zone, msg.options).intent;
  const more =
    intent.kind === "update" && "id" in intent.ref && intent.ref.id === 1 ? intent.changes : readChangeValue(msg, rest);
  if (more.title !== undefined || Object.keys(more).length === 0) return null;
  return { title: capitalizeFirst(title), ...more };
}

/** "change X to Y": Y may be a date, a priority, a repetition or, most often, a new title. */
function readChangeValue(msg: Message, value: string): TaskChanges {
  const compound = readQuotedTitleAndMore(msg, value);
  if (compound) return compound;
  const quoted = readOnlyQuote(value, msg.quotes);
  if (quoted !== null) return { title: capitalizeFirst(quoted) };
  const priority = new RegExp(`^(?:an?\\s+)?(${PRIORITY_WORD}|no)(?:\\s+priority)?$`, "iu").exec(value.trim());
  if (priority) return { priority: parsePriorityWord(priority[1] ?? "") ?? "none" };
  const date = readWholeDate(msg, value);
  if (date) return { due_at: date.toISOString() };
  const rule = /^(?:every|each|daily|weekly|monthly|yearly|annually|hourly)\b/iu.test(value)
    ? readRecurrenceRule(value)
    : null;
  if (rule) return { recurrence: rule };
  const title = truncateText(readLiteral(msg, value), 200);
  return title ? { title: capitalizeFirst(title) } : {};
}

const readTitleChange = (msg: Message, text: string): TaskChanges | null => {
  const compound = readQuotedTitleAndMore(msg, text);
  if (compound) return compound;
  const title = truncateText(readLiteral(msg, text), 200);
  return title ? { title: capitalizeFirst(title) } : null;
};

/** "rename X to Y" and friends, where either side may contain "to". */
function makeRenameRule(changes: (msg: Message, value: string) => TaskChanges | null): Rule["build"] {
  return (m, msg) => {
    const split = splitRenameTarget(msg, m[1] ?? "");
    const value = split ? changes(msg, split.value) : null;
    return split && value ? makeUpdate(split.ref, value) : null;
  };
}

// Renames, moves and "change task 1 to …".
const GENERAL_RULES: Rule[] = [
  {
    patterns: [
      compilePattern(`(?:rename|retitle|re-?title|re-?name)\\s+(.+)`),
      compilePattern(
        `(?:change|update|set|edit|modify|fix)\\s+(?:the\\s+)?(?:title|name|text|wording)\\s+(?:of|for|on)\\s+(.+)`,
      ),
    ],
    build: makeRenameRule(readTitleChange),
  },
  {
    patterns: [
      compilePattern(
        `(?:change|update|set|edit|modify)\\s+${REF}(?:'s)?\\s+(?:title|name|text)\\s+(?:to|as|into)\\s+(.+)`,
      ),
      compilePattern(`(?:call|name)\\s+((?:task\\s*|#)\\d+)\\s+(.+)`),
    ],
    build: makeUpdateRule(1, (m, msg) => readTitleChange(msg, m[2] ?? "")),
  },
  {
    // Moving in time: "push the dentist to next week", "reschedule task 10 for monday at 2pm".
    patterns: [
      compilePattern(
        `(push|move|postpone|reschedule|delay|defer|shift|bump|put\\s+off|snooze|punt|push\\s+back|move\\s+back|kick|schedule|do|set|put)\\s+(.+)`,
      ),
    ],
    build: (m, msg) => {
      const verb = (m[1] ?? "").toLowerCase();
      const split = splitAtDate(msg, m[2] ?? "");
      if (split) {
        const ref = readRef(msg, split.ref.replace(/\s+(?:back|forward|out|off|over)$/iu, ""));
        // "schedule a meeting for friday" and "do laundry tomorrow" are new tasks, not moves.
        if ((verb === "schedule" || verb === "do") && !isIdRef(ref)) return null;
        // "set a reminder for 5pm…" and "put milk on my list" add; "set the dentist for thursday" moves.
        if ((verb === "set" || verb === "put") && ADD_HEAD.test(msg.text)) return null;
        return makeUpdate(ref, { due_at: split.date.toISOString() });
      }
      // Postponing without a date means to tomorrow.
      if (!/^(?:postpone|snooze|delay|defer|put\s+off)$/u.test(verb)) return null;
      const ref = readRef(msg, (m[2] ?? "").replace(/\s+(?:back|off|a\s+bit|for\s+now)$/iu, ""));
      return makeUpdate(ref, { due_at: getTomorrowDefault(msg).toISOString() });
    },
  },
  {
    // "change task 1 to 'Call mom tonight'": only when the task is clearly named or the value quoted.
    patterns: [compilePattern(`(?:change|update|edit|modify|replace|turn|make|set|switch)\\s+(.+)`)],
    build: (m, msg) => {
      if (ADD_HEAD.test(msg.text)) return null;
      const split = splitRenameTarget(msg, m[1] ?? "");
      const clear =
        split &&
        (isIdRef(split.ref) ||
          readOnlyQuote(split.value, msg.quotes) !== null ||
          /(?:task|todo|item|one)\s+(?:to|into|as|with)\s/iu.test(m[1] ?? ""));
      return split && clear ? makeUpdate(split.ref, readChangeValue(msg, split.value)) : null;
    },
  },
  {
    patterns: [compilePattern(`(?:change|edit|update|modify|rename)\\s+((?:task\\s*|#)\\d+)\\s*[:-]\\s*(.+)`)],
    build: makeUpdateRule(1, (m, msg) => readChangeValue(msg, m[2] ?? "")),
  },
];

// ---------------------------------------------------------------------------------------------------------
// Listing.

const TAG_STOP = new Set(
  "my the all our your his her their of these those any some current other new old recent upcoming next previous last every many much more few own existing outstanding remaining open active pending completed complete done finished due overdue late priority high low medium urgent important critical today todays today's week weekly daily recurring repeating undated scheduled unscheduled unfinished incomplete what which have are is do i me show list see view get display total number how those task tasks to-do todo todos to-dos and or with without for in on at that this it a an".split(
    " ",
  ),
);

const LIST_HEAD =
  /^(?:show|list|display|view|see|get|give|bring\s+up|pull\s+up|open|find|search|look|lookup|check|tell|read|print|fetch|what|what's|whats|which|how\s+many|how\s+much|any|anything|is\s+there|are\s+there|do\s+i|did\s+i|have\s+i|am\s+i|where|my|all|pending|completed|finished|overdue|open|remaining|tasks|todos|to-?dos|agenda|everything|today's|todays)(?![\p{L}])/iu;
const TASK_NOUN =
  /(?<![\p{L}])(?:tasks?|todos?|to-?dos?|to\s+do|list|items?|things|stuff|agenda|plate|schedule|everything|anything|reminders?|errands?|chores?)(?![\p{L}])/iu;

const PENDING_WORDS = ["pending", "incomplete", "unfinished", "outstanding", "remaining", "uncompleted"];
const COMPLETED_WORDS = ["completed", "finished", "accomplished", "archived"];

function readListFilter(msg: Message, input: string): ListFilter {
  const filter: ListFilter = {};
  let text = ` ${input.toLowerCase()} `;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(text);
    if (m) text = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
    return m;
  };

  const tag =
    take(/#([\p{L}\p{N}_-]+)/u) ??
    take(/(?<![\p{L}])(?:tagged|labell?ed)\s+(?:as\s+|with\s+)?#?([\p{L}\p{N}_-]+)/u) ??
    take(/(?<![\p{L}])with\s+(?:the\s+)?(?:tag|label)\s+#?([\p{L}\p{N}_-]+)/u) ??
    take(/(?<![\p{L}])(?:with\s+)?(?:the\s+)?([\p{L}\p{N}_-]+)\s+(?:tag|label)(?![\p{L}])/u) ??
    take(/(?<![\p{L}])(?:in|from|under)\s+(?:the\s+|my\s+)?([\p{L}\p{N}_-]+)\s+(?:list|category|project)(?![\p{L}])/u);
  if (tag && !TAG_STOP.has(tag[1] ?? "")) {
    const parsed = Tag.safeParse(tag[1] ?? "");
    if (parsed.success) filter.tag = parsed.data;
  }

  const none = take(
    /(?<![\p{L}])(?:(?:with\s+)?no|without(?:\s+an?)?|missing(?:\s+an?)?|lacking(?:\s+an?)?)\s+(?:due\s+)?(?:dates?|deadlines?|due)(?![\p{L}])|(?<![\p{L}])(?:undated|unscheduled)(?![\p{L}])/u,
  );
  if (none) filter.due = "none";
  else if (
    take(
      /(?<![\p{L}])(?:overdue|late|past\s+due|missed|behind|expired|past\s+(?:their\s+|the\s+)?(?:due\s+dates?|deadlines?))(?![\p{L}])/u,
    )
  ) {
    filter.due = "overdue";
  } else if (
    take(/(?<![\p{L}])(?:due\s+)?(?:today's|todays|today|tonight|this\s+(?:morning|afternoon|evening))(?![\p{L}])/u)
  ) {
    filter.due = "today";
  } else if (take(/(?<![\p{L}])(?:due\s+)?(?:tomorrow's|tomorrows|tomorrow|tmrw|tmr)(?![\p{L}])/u)) {
    filter.due = "week";
    filter.day = "tomorrow";
  } else if (
    take(
      /(?<![\p{L}])(?:due\s+)?(?:this\s+week|the\s+week|next\s+(?:7|seven)\s+days|(?:the\s+)?coming\s+week|week)(?![\p{L}])/u,
    )
  ) {
    filter.due = "week";
  }

  const priority =
    take(/(?<![\p{L}])(high|top|highest|medium|med|normal|low|lowest)[\s-]*(?:priority|prio|pri)(?![\p{L}])/u) ??
    take(/(?<![\p{L}])(?:priority|prio)\s*(?::|=|is|of)?\s*(high|medium|low|none)(?![\p{L}])/u) ??
    take(/(?<![\p{L}])(urgent|important|critical)(?![\p{L}])/u);
  if (priority) filter.priority = parsePriorityWord(priority[1] ?? "") ?? undefined;

  // Status words, allowing a typo in the longer ones ("pendng", "compelted").
  const statusOf = (word: string): StatusFilter | null => {
    const closest = word.length >= 5 ? findClosestWord(word, [...PENDING_WORDS, ...COMPLETED_WORDS]) : null;
    if (!closest) return null;
    return PENDING_WORDS.includes(closest) ? "pending" : "completed";
  };
  const statuses = text.split(/\s+/).filter(Boolean).map(statusOf);
  const negatedDone =
    /(?<![\p{L}])(?:not|n't|isn't|aren't|haven't|yet\s+to\s+be)\s+(?:yet\s+|been\s+)?(?:done|completed|finished)/u.test(
      text,
    );
  if (
    negatedDone ||
    statuses.includes("pending") ||
    /(?<![\p{L}])(?:open|left|active|undone|to\s+do|still\s+(?:need|have)|need\s+to\s+do|have\s+to\s+do|upcoming)(?![\p{L}])/u.test(
      text,
    )
  ) {
    filter.status = "pending";
  } else if (
    statuses.includes("completed") ||
    /(?<![\p{L}])(?:done|complete|closed|checked\s+off|ticked\s+off|did\s+i\s+(?:do|finish|complete|get\s+done))(?![\p{L}])/u.test(
      text,
    )
  ) {
    filter.status = "completed";
  } else if (/(?<![\p{L}])(?:all|every|everything|entire|whole)(?![\p{L}])/u.test(text)) {
    filter.status = "all";
  }

  // Free-text search: "tasks about the dentist", "search for milk", "find the dentist task".
  const about =
    /(?<![\p{L}])(?:about|containing|contain|mentioning|mention|matching|match|regarding|related\s+to|with\s+the\s+words?|called|named|titled|that\s+says?|including|includes?)\s+(.+)$/u.exec(
      text,
    );
  const search =
    /^\s*(?:find|search(?:\s+(?:for|my\s+tasks\s+for|tasks\s+for))?|look\s+(?:for|up)|lookup|do\s+i\s+have\s+(?:a\s+task|anything|any\s+tasks?)\s+(?:for|with|on))\s+(.+)$/u.exec(
      text,
    );
  const queryText = (about?.[1] ?? search?.[1] ?? "")
    .replace(
      /(?<![\p{L}])(?:in\s+(?:the\s+)?(?:title|name)|in\s+them|in\s+it|on\s+my\s+list|in\s+my\s+list|tasks?|todos?|items?|please)(?![\p{L}])/gu,
      " ",
    )
    .replace(/^\s*(?:the|my|a|an|any|some)\s+/u, "");
  const query = collapseSpaces(unmaskQuotes(queryText, msg.quotes));
  if (query && !/^(?:my|all|everything|the|anything)$/u.test(query)) {
    filter.query = query;
    return filter;
  }

  // "show my work tasks": a lone word in front of the noun is a tag.
  if (!filter.tag) {
    const noun =
      /(?<![\p{L}])([\p{L}\p{N}_-]+)\s+(?:tasks|todos|to-?dos|items|stuff|things|errands|chores)(?![\p{L}])/u.exec(
        text,
      );
    const word = noun?.[1] ?? "";
    if (word && !TAG_STOP.has(word) && !/^\d+$/.test(word)) {
      const parsed = Tag.safeParse(word);
      if (parsed.success) filter.tag = parsed.data;
    }
  }
  return filter;
}

const readList: Reader = (msg) => {
  const s = msg.text;
  if (!LIST_HEAD.test(s)) return null;
  const filter = readListFilter(msg, s);
  const hasFilter = Object.keys(filter).length > 0;
  // "what do I have on friday?", "what's next?": questions about the agenda, whatever the filter.
  const agendaQuestion =
    /^(?:what|what's|whats)\s+(?:do\s+i\s+have|have\s+i\s+got|do\s+i\s+need\s+to\s+do|should\s+i\s+do(?:\s+next)?|is\s+on|'s\s+on|on|next|up\s+next|is\s+next|'s\s+next)(?![\p{L}])/iu.test(
      s,
    ) || /^(?:what's|whats)\s+(?:on|next|up\s+next)(?![\p{L}])/iu.test(s);
  const completedQuestion =
    /^(?:what|which)\s+(?:have|did)\s+(?:i|we)\s+(?:done|do|finish(?:ed)?|complete(?:d)?|accomplish(?:ed)?|get\s+done)/iu.test(
      s,
    );
  if (completedQuestion) filter.status = "completed";
  // "what's due tomorrow?" is a list request even though the filter cannot say "tomorrow".
  const asksDue = /(?<![\p{L}])due(?![\p{L}])/iu.test(s) && QUESTION_HEAD.test(s);
  if (!hasFilter && !completedQuestion && !asksDue && !agendaQuestion && !TASK_NOUN.test(s)) return null;
  // "what's pending?" is a question; "pending" alone is fine too, but "open the door" is not a list request.
  if (/^open\s/iu.test(s) && !TASK_NOUN.test(s)) return null;
  return { kind: "list", filter };
};

// ---------------------------------------------------------------------------------------------------------
// Adding.

const ADD_HEAD =
  /^(?:add(?![\p{L}])|jot\s+down|note\s+down|remind\s+me|set\s+(?:a|me\s+a)\s+reminder|remember|don'?t\s+forget|do\s+not\s+forget|never\s+forget|note\s+to\s+self|memo|(?:i|we)(?:'ve|'d|\s+have|\s+will|'ll)?\s+(?:really\s+|still\s+|also\s+|definitely\s+)?(?:(?:need|have|got|want|ought|plan|am\s+going|'m\s+going)\s+to|must|should|gotta|wanna|gonna)|(?:need|have|got)\s+to|(?:new\s+)?(?:task|todo|to-do|reminder)\s*[:-]|(?:create|make|set\s+up|new|put|insert|log|record|write\s+down|schedule|open|start)\s+(?:(?:an?|the|another|one)\s+)?(?:new\s+)?(?:task|todo|to-do|item|reminder|entry|note)s?(?![\p{L}])(?!\s*(?:#|no\.?\s*|number\s+)?\d)|(?:put|pop|stick|write|jot|throw)\s+(?=.*\s(?:on|to|onto|in)\s+(?:my|the|our)\s+(?:[\p{L}-]+\s+)?list(?![\p{L}])))/iu;
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
  return { kind: "add", task: description ? { ...task, description } : task };
}

const readAdd: Reader = (msg) => {
  const head = ADD_HEAD.exec(msg.text);
  // A bare "add" names no task; better to say so than to add one called "Add".
  if (!head || !msg.text.slice(head[0].length).trim()) return null;
  return makeAdd(msg, msg.text);
};

// A message with no command verb but with task metadata ("dentist friday 3pm #health") is a new task.
function readImplicitAdd(msg: Message): Intent | null {
  if (msg.question || QUESTION_HEAD.test(msg.text) || !/[\p{L}]/u.test(msg.text)) return null;
  const task = parseQuickAdd(restoreQuotes(msg, msg.text), msg.options);
  const hasMetadata = task.due_at || task.recurrence || task.priority !== "none" || task.tags.length;
  // Metadata alone ("#work", "tomorrow") is no task: the title must be more than the message echoed back.
  const hasTitle = task.title.toLowerCase() !== collapseSpaces(restoreQuotes(msg, msg.text)).toLowerCase();
  return hasMetadata && hasTitle ? { kind: "add", task } : null;
}

/** The grammar in order of precedence; a weak reading may give way to a typo-corrected one. */
const READERS: { read: Reader; weak?: boolean }[] = [
  { read: readDeleteMany },
  { read: (msg) => applyRules(FIELD_RULES, msg) },
  { read: (msg) => applyRules(REOPEN_RULES, msg) },
  { read: (msg) => applyRules(COMPLETE_RULES, msg) },
  { read: (msg) => applyRules(STATED_COMPLETE_RULES, msg), weak: true },
  { read: (msg) => applyRules(DELETE_RULES, msg) },
  { read: (msg) => applyRules(GENERAL_RULES, msg) },
  { read: readAdd },
  { read: readList },
];

// ---------------------------------------------------------------------------------------------------------
// Typos: the words that decide the intent are compared with the lexicon; other words are left alone.

const COMMAND_WORDS = [
  "add",
  "create",
  "show",
  "list",
  "display",
  "view",
  "find",
  "search",
  "complete",
  "completed",
  "finish",
  "finished",
  "mark",
  "check",
  "delete",
  "remove",
  "erase",
  "cancel",
  "clear",
  "update",
  "change",
  "edit",
  "modify",
  "rename",
  "move",
  "push",
  "postpone",
  "reschedule",
  "delay",
  "untag",
  "reopen",
  "uncheck",
  "remind",
  "remember",
  "prioritize",
  "what's",
  "which",
];
const ROLE_WORDS = [
  "done",
  "complete",
  "completed",
  "finished",
  "pending",
  "overdue",
  "priority",
  "task",
  "today",
  "tomorrow",
  "remind",
  "delete",
  "remove",
];
// Too short for edit distance, but common enough in a chat box.
const SHORT_FORMS: Record<string, string> = {
  tsk: "task",
  ad: "add",
  shw: "show",
  sho: "show",
  lst: "list",
  ls: "list",
  del: "delete",
};
const SKIPPED_HEADS = new Set([
  "i",
  "we",
  "please",
  "pls",
  "can",
  "could",
  "you",
  "would",
  "will",
  "just",
  "hey",
  "ok",
  "okay",
]);

/** Letters typed twice or more count once: "addd" and "add" squeeze to the same "ad". */
const squeeze = (s: string) => s.toLowerCase().replace(/(\p{L})\1+/gu, "$1");

/** A command word typed with a stuck key ("addd"), which the typo allowance misses for words as short as "add". */
function stuckKeyCommand(word: string): string | null {
  return COMMAND_WORDS.find((c) => word.length > c.length && squeeze(word) === squeeze(c)) ?? null;
}

function correctTypos(text: string): string {
  const masked = maskQuotes(text);
  const tokens = masked.text.split(/(\s+)/);
  let commandSeen = false;
  let wordIndex = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (!/[\p{L}]/u.test(token)) continue;
    const bare = token.toLowerCase().replace(/[^\p{L}'-]/gu, "");
    wordIndex++;
    if (!commandSeen && SKIPPED_HEADS.has(bare)) continue;
    let fixed: string | null = null;
    if (!commandSeen && wordIndex <= 4) {
      // One slip at most: "schedule" must not turn into "reschedule".
      fixed = findClosestWord(bare, COMMAND_WORDS, 1) ?? stuckKeyCommand(bare);
      commandSeen = true;
    }
    fixed ??= lookup(SHORT_FORMS, bare) ?? null;
    if (!fixed && bare.length >= 4) fixed = findClosestWord(bare, ROLE_WORDS);
    if (fixed && fixed !== bare) tokens[i] = token.toLowerCase().replace(bare, fixed);
  }
  return unmaskQuotes(tokens.join(""), masked.quotes, '"');
}

function classify(raw: string, zone: Zone, options: ParseOptions): { intent: Intent; implicit: boolean } {
  const topic = readSmalltalk(raw);
  if (topic) return { intent: { kind: "smalltalk", topic }, implicit: false };
  const msg = prepareMessage(raw, zone, options);
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
