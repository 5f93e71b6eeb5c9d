// The builtin assistant's brain: from the person's message and the tool results so far in this turn, decide the
// next tool calls or the final answer. It plugs into the same agent loop as an LLM. Only the person's own message
// is ever read as a request; task titles and tool results are data.
import { parseIntent } from "../language/intents";
import { isAffirmative } from "./confirmation";
import { HELP, type Plan, type PlanInput, reply, stateOf } from "./plan";
import { isAction, planAction } from "./plan-action";
import { planAdd } from "./plan-add";
import { planConfirmed } from "./plan-batch";
import { planDeleteMany } from "./plan-delete-many";
import { planCorrection, planOrdinal, planUndo } from "./plan-dialogue";
import { planFollowUp } from "./plan-follow-up";
import { planList } from "./plan-list";
import { planShare, planShareConfirmed } from "./plan-projects";
import { planSeveral } from "./plan-several";
import { findSeveralTasks } from "./several";

export type { DialogueSaid } from "../dialogue/state";
export type { Plan, PlanInput, ToolCallPlan, ToolOutcome } from "./plan";

function smalltalk(topic: string): string {
  switch (topic) {
    case "greeting":
      return `Hi! ${HELP}`;
    case "thanks":
      return "You're welcome! Anything else on your list?";
    case "bye":
      return "Bye! Your tasks will be here when you come back.";
    default:
      return HELP;
  }
}

export function planTurn(input: PlanInput): Plan {
  const pending = stateOf(input).confirmation;
  if (pending) {
    // Only the deletion the previous answer recorded as pending: its exact tasks, nothing else.
    const answer = isAffirmative(input.message);
    if (pending.tool === "share_project") {
      if (answer === "yes") return planShareConfirmed(pending, input);
      if (answer === "no") return reply(`OK, I didn't share "${pending.project_name}".`);
    } else {
      if (answer === "yes") return planConfirmed(pending.task_ids, input);
      if (answer === "no") return reply("OK, I kept them. Nothing was deleted.");
    }
  }

  const parse = (text: string) => parseIntent(text, { now: input.now, timeZone: input.timeZone });
  const undo = planUndo(input);
  if (undo) return undo;
  const followUp = planFollowUp(input, parse) ?? planOrdinal(input, parse) ?? planCorrection(input, parse);
  if (followUp && "type" in followUp) return followUp;
  if (!followUp) {
    const several = findSeveralTasks(input.message, "task 1");
    const shape = several ? parse(several.message) : null;
    if (several && shape && isAction(shape)) return planSeveral(shape, several.ids, input);
  }
  const intent = followUp?.intent ?? parse(input.message);
  switch (intent.kind) {
    case "smalltalk":
      return reply(smalltalk(intent.topic));
    case "add":
      return planAdd(intent, input);
    case "list":
      return planList(intent.filter, input);
    case "share":
      return planShare(intent, input);
    case "delete_many":
      return planDeleteMany(intent.filter, input);
    case "complete":
    case "delete":
    case "reopen":
    case "update":
      return planAction(intent, input);
    default:
      return reply(`Sorry, I didn't understand that. ${HELP}`);
  }
}
