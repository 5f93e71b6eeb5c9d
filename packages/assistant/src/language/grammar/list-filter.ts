// The filter inside a list (or bulk-delete) request: tag, due window, priority, status and free-text search, each
// taken out of the text as it is recognised.
import { Tag } from "@todo/contract/task";
import { parsePriorityWord } from "../quick-add";
import { collapseSpaces, findClosestWord, unmaskQuotes } from "../words";
import type { Message } from "./message";
import type { ListFilter, StatusFilter } from "./types";

const TAG_STOP = new Set(
  "my the all our your his her their of these those any some current other new old recent upcoming next previous last every many much more few own existing outstanding remaining open active pending completed complete done finished due overdue late priority high low medium urgent important critical today todays today's week weekly daily recurring repeating undated scheduled unscheduled unfinished incomplete what which have are is do i me show list see view get display total number how those task tasks to-do todo todos to-dos and or with without for in on at that this it a an".split(
    " ",
  ),
);

const PENDING_WORDS = ["pending", "incomplete", "unfinished", "outstanding", "remaining", "uncompleted"];
const COMPLETED_WORDS = ["completed", "finished", "accomplished", "archived"];

/** Words that never make a project's name on their own ("my to-do list", "the whole list"). */
const NOT_A_PROJECT = new Set([...TAG_STOP, "to-do", "todo", "whole", "entire", "full", "usual", "main", "own"]);

/** A project named in a list request: "what's in my work project", "show the groceries list". */
function readListProject(text: string): string | undefined {
  const m =
    /(?<![\p{L}])(?:in|on|from|under|of|inside)\s+(?:the\s+|my\s+|our\s+)?([\p{L}\p{N}_'&-]+(?:\s+[\p{L}\p{N}_'&-]+){0,3}?)\s+(?:list|project)(?![\p{L}])/u.exec(
      text,
    ) ??
    /^\s*(?:show|list|display|view|open|see|check|read)\s+(?:me\s+)?(?:the|my|our)\s+([\p{L}\p{N}_'&-]+(?:\s+[\p{L}\p{N}_'&-]+){0,3}?)\s+(?:list|project)\s*$/u.exec(
      text,
    );
  const name = collapseSpaces(m?.[1] ?? "");
  if (!name || name.split(" ").every((w) => NOT_A_PROJECT.has(w))) return undefined;
  return name;
}

export function readListFilter(msg: Message, input: string): ListFilter {
  const filter: ListFilter = {};
  let text = ` ${input.toLowerCase()} `;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(text);
    if (m) text = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
    return m;
  };

  filter.project = readListProject(text);
  if (!filter.project) delete filter.project;
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
