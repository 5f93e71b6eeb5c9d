// A message read as a follow-up to the previous answer: a pick from "Which one do you mean?", or a pronoun ("delete
// it", "mark them all done") standing for the task(s) the previous answer was about.
import type { Intent } from "../language/intents";
import { confirmationSaid, formatConfirmationRequest } from "./confirmation";
import { formatWhichOne, pickOptions, replaceTaskPronoun, replaceTasksPronoun } from "./follow-up";
import { type Plan, type PlanInput, reply, stateOf } from "./plan";
import { type ActionIntent, actionOf, intentOf, isAction, VERBS, whichOne } from "./plan-action";
import { planCompleteMany } from "./plan-batch";
import { planSeveral } from "./plan-several";
import { findSeveralTasks } from "./several";

/**
 * Reads the message as a follow-up to the previous answer, from the dialogue state stored with it. A pick from a
 * "Which one do you mean?" question runs the action the question recorded on the picked task; a pronoun ("delete
 * it", "move it to friday") means the task the previous answer named, and is never turned into a new task called
 * "Move it to". Null when the message stands on its own.
 */
export function planFollowUp(
  input: PlanInput,
  parse: (text: string) => Intent,
): Plan | { intent: ActionIntent } | null {
  const state = stateOf(input);
  const question = state.question?.kind === "which-task" ? state.question : null;
  const picked = question ? pickOptions(input.message, question.candidates) : null;
  if (question && picked?.length) {
    const intent = intentOf(question.action, picked[0]!.id);
    if (picked.length === 1) return { intent };
    if (intent.kind === "delete") {
      return reply(
        formatConfirmationRequest(picked, picked.length === 2 ? "both of them" : `all ${picked.length}`),
        confirmationSaid(picked),
      );
    }
    if (intent.kind === "complete")
      return planCompleteMany(
        picked.map((o) => o.id),
        input,
      );
    return reply(
      `Let's change them one at a time. Which one first? For example: "the first one".`,
      whichOne(picked, question.action),
    );
  }

  const subjects = state.shown;
  // "mark them all done", "delete those": every task the previous answer named.
  const asMany = replaceTasksPronoun(input.message, "tasks 1 and 2");
  const several = asMany ? findSeveralTasks(asMany, "task 1") : null;
  const manyShape = several ? parse(several.message) : null;
  if (manyShape && isAction(manyShape)) {
    if (subjects.length)
      return planSeveral(
        manyShape,
        subjects.map((o) => o.id),
        input,
      );
    return reply(
      `Which tasks do you mean? Tell me their numbers, for example "${VERBS[manyShape.kind]} tasks 2 and 3".`,
    );
  }

  const asAction = replaceTaskPronoun(input.message, "task 1");
  if (!asAction) return null;
  const shape = parse(asAction);
  if (!isAction(shape)) return null;
  if (subjects.length === 1) return { intent: { ...shape, ref: { id: subjects[0]!.id } } };
  const example = `${VERBS[shape.kind]} task ${subjects[0]?.id ?? 3}`;
  if (subjects.length > 1) {
    const offered = subjects.slice(0, 10);
    const lines = offered.map((o) => `- Task ${o.id}: ${o.title}`);
    return reply(
      formatWhichOne(`That could be any of these ${subjects.length} tasks.`, lines, example),
      whichOne(offered, actionOf(shape)),
    );
  }
  return reply(`Which task do you mean? Tell me its number or part of its title, for example "${example}".`);
}
