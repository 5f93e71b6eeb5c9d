// Quick add: one line of text ("Pay rent every 1st 9am #home !high") becomes the fields of a new task.
// Each piece of metadata is recognised, taken out of the text, and what is left, cleaned, is the title.
import type { Priority } from "@todo/contract/enums";
import { Tag } from "@todo/contract/task";
import { findDates, makeInstant, resolveZone, type Zone } from "./dates";
import { correctDateWords } from "./grammar/typos";
import { findFirstOccurrence, findRecurrence, formatRecurrence } from "./recurrence-phrases";
import {
  COUNT_SOURCE,
  capitalizeFirst,
  collapseSpaces,
  lookup,
  maskQuotes,
  parseCount,
  readOnlyQuote,
  truncateText,
  unmaskQuotes,
} from "./words";

export interface QuickAddResult {
  title: string;
  priority: Priority;
  tags: string[];
  /** ISO 8601 UTC. */
  due_at: string | null;
  remind_at: string | null;
  /** Canonical RRULE such as FREQ=WEEKLY;BYDAY=MO. */
  recurrence: string | null;
  /** True when the text held nothing but metadata ("#home", "!high"), so the title is the text itself. */
  untitled?: boolean;
}

export interface ParseOptions {
  /** The reference time for relative dates; defaults to the current time. */
  now?: Date;
  /** IANA time zone the person lives in; defaults to UTC (and unknown zones fall back to it). */
  timeZone?: string;
  /** Read numeric dates day first ("12/03" is 12 March): the person's locale writes them so (isDayFirst). */
  dayFirst?: boolean;
}

const MAX_TITLE = 200;
const MAX_TAGS = 20;
// Longer input is still accepted, but only its start is read for metadata.
const MAX_PARSED = 1000;
const FALLBACK_TITLE = "Untitled task";

const PRIORITY_WORDS: Record<string, Priority> = {
  high: "high",
  hi: "high",
  h: "high",
  top: "high",
  highest: "high",
  urgent: "high",
  important: "high",
  critical: "high",
  medium: "medium",
  med: "medium",
  mid: "medium",
  m: "medium",
  normal: "medium",
  moderate: "medium",
  low: "low",
  lo: "low",
  l: "low",
  lowest: "low",
  minor: "low",
  none: "none",
  no: "none",
};

/**
 * A priority written as a word or a code: "high", "urgent", "p1", "1", "!!". Null when it is not one.
 * Numbers follow the Todoist convention (1 is the highest); exclamation marks count up (!!! is high).
 */
export function parsePriorityWord(word: string): Priority | null {
  const w = word.trim().toLowerCase();
  const bangs = /^!{1,3}$/.exec(w);
  if (bangs) return (["low", "medium", "high"] as const)[w.length - 1] ?? null;
  const body = w.replace(/^!/, "");
  const code = /^p?([0-4])$/.exec(body);
  if (code) return (["none", "high", "medium", "low", "none"] as const)[Number(code[1])] ?? null;
  return lookup(PRIORITY_WORDS, body) ?? null;
}

const W = "(?<![\\p{L}\\p{N}])";
const WE = "(?![\\p{L}\\p{N}])";

// Markers that state a priority explicitly: taken out of the title wherever they are.
const PRIORITY_MARKERS: RegExp[] = [
  /(?<=^|\s)!(high|hi|h|urgent|medium|med|m|normal|low|lo|l|none|no)(?=$|[\s,.;])/iu,
  /(?<=^|\s)!([0-4])(?=$|[\s,.;])/u,
  /(?<=^|\s)(!{1,3})(?=$|[\s,.;])/u,
  new RegExp(`${W}(p[1-4])${WE}`, "iu"),
  new RegExp(
    `${W}(?:(?:with|at|as)\\s+)?(?:an?\\s+)?(high|top|highest|medium|mid|normal|moderate|low|lowest|no)[\\s-]*(?:priority|prio|pri)${WE}`,
    "iu",
  ),
  new RegExp(
    `${W}(?:with\\s+)?(?:priority|prio|pri)\\s*(?::|=|is|of|to|at)?\\s*(high|highest|top|medium|med|normal|low|lowest|none|[1-4])${WE}`,
    "iu",
  ),
];
// Words that imply urgency; taken out only at the edges ("Urgent: call the bank", "fix the server asap"), so
// "Call urgent care" keeps its title.
const URGENCY_WORD = new RegExp(`${W}(urgent(?:ly)?|asap|a\\.s\\.a\\.p\\.?|important|critical)${WE}`, "iu");

const TAG_MARK = /(^|[\s,;(])#([\p{L}\p{N}_-]+)(?=$|[\s,;.!?)])/u;
const TAG_TAIL =
  /\s*,?\s+(?:tagged(?:\s+(?:as|with))?|with\s+(?:the\s+)?(?:tags?|labels?)|tags?\s*:|labels?\s*:|labell?ed(?:\s+(?:as|with))?)\s+(#?[\p{L}\p{N}_-]+(?:\s*(?:,|and|&)\s*#?[\p{L}\p{N}_-]+)*)\s*$/iu;
const LIST_TAIL = /\s+(?:to|on|onto|in|into)\s+(?:my|the|our)\s+([\p{L}\p{N}_-]+)\s+list\s*$/iu;
const GENERIC_LISTS = new Set(["to-do", "todo", "task", "tasks", "todos", "to-dos", "reminder", "reminders", "main"]);
const GENERIC_LIST_TAIL =
  /\s+(?:to|on|onto|in|into)\s+(?:my|the|our)\s+(?:(?:to-?do|todo|task)s?\s+)?(?:list|tasks|to-?dos?|agenda|reminders)\s*$/iu;

const REMIND_LEAD =
  /^\s*(?:(?:please|pls|hey|ok|okay|so|can\s+you|could\s+you|would\s+you|will\s+you|and)[,\s]+)*(?:remind\s+me|set\s+(?:a|me\s+a)\s+reminder)\b/iu;
const REMIND_BEFORE = new RegExp(
  `[\\s,]*(?:and\\s+)?(?:remind(?:\\s+me)?|with\\s+a\\s+reminder|reminder|alert(?:\\s+me)?|notify\\s+me)\\s+(${COUNT_SOURCE})\\s+(minutes?|mins?|hours?|hrs?|days?|weeks?)\\s+(?:before|earlier|ahead|prior|in\\s+advance)(?:\\s+(?:of\\s+time|it|that))?`,
  "iu",
);

// Words left dangling in front of a date or a repetition once it is taken out ("due", "by", "starting").
const CONNECTORS =
  /(?:[\s,]*(?<![\p{L}\p{N}])(?:due(?:\s+(?:on|by|at|in))?|by|on|at|before|for|from|starting|start|beginning|until|till|til|this|next|in\s+the|in|around|and\s+remind\s+me|remind\s+me|remind|with\s+a\s+reminder|(?<!(?:set|create|add)\s+(?:a|me\s+a)\s+)reminder|set\s+for|scheduled\s+for|every|repeat(?:ing|s)?|recurring))+[\s,]*$/iu;

// What people put in front of the task itself. Applied repeatedly, so "can you add a task to" unwraps fully.
const LEADS: RegExp[] = [
  /^(?:please|pls|plz|kindly|hey|hi|hello|ok|okay|alright|so|um+|uh+|oh|also|and|then|now|just|btw)(?:[\s,!.:;-]+|$)/iu,
  // "quick: call the bank", but "Quick one friday" keeps its first word.
  /^quick(?:ly)?\s*[,!.:;-]+\s*/iu,
  /^(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?/iu,
  /^(?:i(?:'d|\s+would)\s+like|i\s+want|i\s+wanna|i'd\s+want)\s+(?:you\s+)?to\s+/iu,
  /^(?:go\s+ahead\s+and|help\s+me)\s+/iu,
  /^(?:add|put|insert|log|jot\s+down|write\s+down|note\s+down|record)\s+(?:to|on)\s+(?:my|the)\s+(?:to-?do\s+)?list\s*[:,-]?\s*/iu,
  /^(?:add|jot\s+down|note\s+down)(?:\s*[:,-]\s*|\s+)(?:me\s+)?(?:(?:an?|the|another|one|this)\s+)?(?:new\s+)?(?:(?:task|todo|to-do|item|reminder|entry|note)s?(?:\s*(?:called|named|titled|saying|that\s+says|for|about|to|:|-)\s*|\s+))?/iu,
  // Verbs that are also ordinary task words ("Make dinner", "Log hours") only count with a task noun.
  /^(?:create|make|set\s+up|schedule|new|open|start|put|insert|log|record|write\s+down)\s+(?:(?:an?|the|another|one)\s+)?(?:new\s+)?(?:task|todo|to-do|item|reminder|entry)s?(?:\s*(?:called|named|titled|saying|that\s+says|for|about|to|:|-)\s*|\s+|$)/iu,
  /^(?:new\s+)?(?:task|todo|to-do|reminder|item)\s*[:-]\s*/iu,
  /^(?:remind\s+me|set\s+(?:a|me\s+a)\s+reminder|remember|don'?t\s+forget|do\s+not\s+forget|never\s+forget|note\s+to\s+self|reminder|memo)(?:\s+(?:to|that|about|of)\s+|\s*[:,-]\s*|\s+|$)/iu,
  /^(?:that\s+)?(?:i|we)(?:'ve|'d|\s+have|\s+will|'ll)?\s+(?:really\s+|still\s+|also\s+|definitely\s+)?(?:(?:need|needs|have|has|got|want|ought|plan|am\s+going|'m\s+going|are\s+going|'re\s+going)\s+to|must|should|gotta|wanna|gonna)\s+(?:(?:really|probably|definitely|also|still|just|maybe|finally|seriously|actually|totally)\s+)*/iu,
  /^(?:need|have|got|want)\s+to\s+/iu,
  /^(?:gotta|gonna|must|should)\s+/iu,
  /^to\s+(?=\S)/iu,
  /^(?:[-–—*•·:;,.!?]+|\d{1,2}[.)]\s+)\s*/u,
];

const TRAILS: RegExp[] = [
  /[\s,;:.!?\-–—]+$/u,
  /\s+(?:please|pls|plz|thanks|thank\s+you|thx|ty|for\s+me)$/iu,
  GENERIC_LIST_TAIL,
];

function cutSpan(text: string, index: number, end: number): string {
  const before = text.slice(0, index).replace(CONNECTORS, "");
  return `${before} ${text.slice(end)}`;
}

function addTags(tags: string[], raw: string[]): void {
  for (const candidate of raw) {
    const parsed = Tag.safeParse(candidate);
    if (parsed.success && !tags.includes(parsed.data) && tags.length < MAX_TAGS) tags.push(parsed.data);
  }
}

/** Takes out "#tags"; tags that break the Tag rules stay in the text. */
function extractTags(text: string, tags: string[]): string {
  let rest = text;
  let searchFrom = 0;
  for (let guard = 0; guard < 200; guard++) {
    const m = TAG_MARK.exec(rest.slice(searchFrom));
    if (!m) break;
    const start = searchFrom + m.index + (m[1]?.length ?? 0);
    const end = searchFrom + m.index + m[0].length;
    const parsed = Tag.safeParse(m[2] ?? "");
    if (parsed.success && tags.length < MAX_TAGS) {
      if (!tags.includes(parsed.data)) tags.push(parsed.data);
      rest = `${rest.slice(0, start)} ${rest.slice(end)}`;
      searchFrom = start;
    } else {
      searchFrom = end;
    }
  }
  return rest;
}

function isAtEdge(text: string, index: number, end: number): boolean {
  const before = text.slice(0, index).trim();
  const after = text.slice(end).trim();
  return !before || !after || /[:,;.!(-]$/.test(before) || /^[:,;.!)-]/.test(after);
}

function extractPriority(text: string): { text: string; priority: Priority } {
  let rest = text;
  let priority: Priority | null = null;
  for (const marker of PRIORITY_MARKERS) {
    for (let guard = 0; guard < 20; guard++) {
      const m = marker.exec(rest);
      if (!m) break;
      const raw = m[1] ?? "";
      priority ??= parsePriorityWord(raw);
      rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
    }
  }
  const urgent = URGENCY_WORD.exec(rest);
  if (urgent && isAtEdge(rest, urgent.index, urgent.index + urgent[0].length)) {
    priority ??= "high";
    rest = `${rest.slice(0, urgent.index)} ${rest.slice(urgent.index + urgent[0].length)}`;
  }
  return { text: rest, priority: priority ?? "none" };
}

function extractReminderOffset(text: string): { text: string; minutes: number | null } {
  const m = REMIND_BEFORE.exec(text);
  if (!m) return { text, minutes: null };
  const count = parseCount(m[1] ?? "") ?? 1;
  const unit = (m[2] ?? "").toLowerCase();
  const per = unit.startsWith("w") ? 10080 : unit.startsWith("d") ? 1440 : unit.startsWith("h") ? 60 : 1;
  return { text: `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`, minutes: count * per };
}

type DateRole = "due" | "remind" | "until" | "start";

function readDateRole(before: string, hasRecurrence: boolean): DateRole {
  if (/(?:remind(?:er)?|alert|ping|notify)(?:\s+me)?(?:\s+(?:at|on|by|in))?\s*$/iu.test(before)) return "remind";
  if (hasRecurrence && /(?:until|till|til|through|thru|ending(?:\s+on)?|ends?(?:\s+on)?)\s*$/iu.test(before)) {
    return "until";
  }
  if (/(?:starting|from|beginning|starts?)(?:\s+on)?\s*$/iu.test(before)) return "start";
  return "due";
}

/** Strips command words, politeness and dangling punctuation around the title, then restores quotes. */
function cleanTitle(text: string, quotes: string[], tags: string[]): string {
  let t = collapseSpaces(text);
  let onList = false;
  for (let round = 0; round < 12; round++) {
    const before = t;
    for (const lead of LEADS) t = t.replace(lead, "").trimStart();
    // "put milk on my list": once the list is gone, "put" is no part of the task.
    if (onList) t = t.replace(/^(?:put|pop|stick|throw|write|jot)\s+(?:down\s+)?/iu, "");
    for (const trail of TRAILS) {
      const trimmed = t.replace(trail, "").trimEnd();
      if (trail === GENERIC_LIST_TAIL && trimmed !== t) onList = true;
      t = trimmed;
    }
    const tagTail = TAG_TAIL.exec(t);
    if (tagTail) {
      addTags(tags, (tagTail[1] ?? "").split(/\s*(?:,|\band\b|&)\s*/iu));
      t = t.slice(0, tagTail.index);
    }
    const listTail = LIST_TAIL.exec(t);
    if (listTail && !GENERIC_LISTS.has((listTail[1] ?? "").toLowerCase())) {
      addTags(tags, [listTail[1] ?? ""]);
      t = t.slice(0, listTail.index);
      onList = true;
    }
    t = collapseSpaces(t);
    if (t === before) break;
  }
  const quoted = readOnlyQuote(t, quotes);
  let title = quoted ?? unmaskQuotes(t, quotes);
  title = collapseSpaces(title.replace(/^["'“”‘’`«»]+|["'“”‘’`«»]+$/gu, ""));
  return capitalizeFirst(truncateText(title, MAX_TITLE));
}

function makeFallbackTitle(original: string): string {
  const trimmed = truncateText(original.trim(), MAX_TITLE);
  return trimmed || FALLBACK_TITLE;
}

function parseSafely(original: string, zone: Zone): QuickAddResult {
  const input = truncateText(original, MAX_PARSED);
  const masked = maskQuotes(input);
  let text = collapseSpaces(masked.text);
  const tags: string[] = [];
  const wantsReminder = REMIND_LEAD.test(text);

  const offset = extractReminderOffset(text);
  text = offset.text;
  text = extractTags(text, tags);
  // Before priorities, so "tagged work and urgent" keeps "urgent" as a tag.
  const tagTail = TAG_TAIL.exec(text);
  if (tagTail) {
    addTags(tags, (tagTail[1] ?? "").split(/\s*(?:,|\band\b|&)\s*/iu));
    text = text.slice(0, tagTail.index);
  }
  const prioritised = extractPriority(text);
  text = prioritised.text;

  const recurrence = findRecurrence(text);
  if (recurrence) text = cutSpan(text, recurrence.index, recurrence.end);

  // Each date plays one role, read from the words in front of it; the first of each role wins, except that a day
  // opening the line ("Sunday roast prep saturday") is the title's word when another day follows.
  const roles = new Map<DateRole, ReturnType<typeof findDates>[number]>();
  text = correctDateWords(text);
  for (const found of findDates(text, zone)) {
    const role = readDateRole(text.slice(0, found.index), recurrence !== null);
    const first = roles.get(role);
    const opensLine = first !== undefined && text.slice(0, first.index).trim() === "" && first.time === null;
    if (!first || (role === "due" && opensLine && found.hasDay)) roles.set(role, found);
  }
  const due = roles.get("start") ?? roles.get("due");
  const remind = roles.get("remind");
  const until = roles.get("until");
  const taken = [due, remind, until].filter((f) => f !== undefined).sort((a, b) => b.index - a.index);
  for (const found of taken) text = cutSpan(text, found.index, found.end);

  let dueAt: Date | null = null;
  let rule: string | null = null;
  if (recurrence) {
    const startDate = due?.hasDay ? due.date : null;
    dueAt = findFirstOccurrence(recurrence.spec, zone, startDate, due?.time ?? recurrence.time);
    const untilAt = until ? makeInstant(zone.timeZone, until.date, until.time ?? { hour: 23, minute: 59 }) : null;
    rule = formatRecurrence(recurrence.spec, untilAt);
  } else if (due) {
    dueAt = due.instant;
  }

  let remindAt: Date | null = remind?.instant ?? null;
  if (!remindAt && offset.minutes !== null && dueAt) remindAt = new Date(dueAt.getTime() - offset.minutes * 60000);
  if (wantsReminder) {
    dueAt ??= remindAt;
    remindAt ??= dueAt;
  }

  const cleaned = cleanTitle(text, masked.quotes, tags);
  const title = cleaned || makeFallbackTitle(original);
  return {
    ...(cleaned ? {} : { untitled: true }),
    title,
    priority: prioritised.priority,
    tags,
    due_at: dueAt ? dueAt.toISOString() : null,
    remind_at: remindAt ? remindAt.toISOString() : null,
    recurrence: rule,
  };
}

/**
 * Parses one line of quick-add text into task fields. Never throws and always returns a usable title: when
 * cleaning leaves nothing, the original text (cut to 200 characters) is the title.
 */
export function parseQuickAdd(text: string, options?: ParseOptions): QuickAddResult {
  const original = typeof text === "string" ? text : String(text ?? "");
  try {
    return parseSafely(original, resolveZone(options));
  } catch {
    return {
      title: makeFallbackTitle(original),
      priority: "none",
      tags: [],
      due_at: null,
      remind_at: null,
      recurrence: null,
    };
  }
}
