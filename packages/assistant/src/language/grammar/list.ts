// Listing: "show my work tasks", "what's due today?", "what did I finish?". A list head and a task noun or a filter
// make a list request; "open the door" does not.
import { QUESTION_HEAD } from "./heads";
import { readListFilter } from "./list-filter";
import type { Reader } from "./rules";

const LIST_HEAD =
  /^(?:show|list|display|view|see|get|give|bring\s+up|pull\s+up|open|find|search|look|lookup|check|tell|read|print|fetch|what|what's|whats|which|how\s+many|how\s+much|any|anything|is\s+there|are\s+there|do\s+i|did\s+i|have\s+i|am\s+i|where|my|all|pending|completed|finished|overdue|open|remaining|tasks|todos|to-?dos|agenda|everything|today's|todays)(?![\p{L}])/iu;
const TASK_NOUN =
  /(?<![\p{L}])(?:tasks?|todos?|to-?dos?|to\s+do|list|items?|things|stuff|agenda|plate|schedule|everything|anything|reminders?|errands?|chores?)(?![\p{L}])/iu;

export const readList: Reader = (msg) => {
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
