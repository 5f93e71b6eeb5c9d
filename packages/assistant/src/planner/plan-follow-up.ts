// A message read as a follow-up to the previous answer: a pick from "Which one do you mean?", or a pronoun ("delete
// it", "mark them all done") standing for the task(s) the previous answer was about.
import type { Intent } from "../language/intents";
import { formatConfirmationRequest } from "./confirmation";
import {
  answerSubjects,
  formatWhichOne,
  type Option,
  pickOptions,
  replaceTaskPronoun,
  replaceTasksPronoun,
  whichOneOptions,
} from "./follow-up";
import { type Plan, type PlanInput, reply } from "./plan";
import { type ActionIntent, isAction, VERBS } from "./plan-action";
import { planCompleteMany } from "./plan-batch";
import { planSeveral } from "./plan-several";
import { findSeveralTasks } from "./several";

/**
 * Reads the message as a follow-up to the previous answer. A pick from a "Which one do you mean?" question
 * re-runs the previous request on the picked task; a pronoun ("delete it", "move it to friday") means the task the
 * previous answer was about, and is never turned into a new task called "Move it to". Null when the message
 * stands on its own.
 */
export function planFollowUp(
  input: PlanInput,
  parse: (text: string) => Intent,
): Plan | { intent: ActionIntent } | null {
  const previous = input.previous;
  // The previous request, aimed at one task: its title reference or pronoun replaced by the task's number.
  const retarget = (message: string, id: number): ActionIntent | null => {
    const intent = parse(replaceTaskPronoun(message, `task ${id}`) ?? message);
    return isAction(intent) ? { ...intent, ref: { id } } : null;
  };

  const offered = previous ? whichOneOptions(previous.answer) : null;
  const picked = previous && offered ? pickOptions(input.message, offered) : null;
  if (previous && picked?.length) {
    const intent = retarget(previous.message, picked[0]!.id);
    if (intent && picked.length === 1) return { intent };
    if (intent?.kind === "delete") {
      return reply(formatConfirmationRequest(picked, picked.length === 2 ? "both of them" : `all ${picked.length}`));
    }
    if (intent?.kind === "complete")
      return planCompleteMany(
        picked.map((o) => o.id),
        input,
      );
    if (intent) return reply(`Let's change them one at a time. Which one first? For example: "the first one".`);
  }

  const subjects: Option[] = previous ? answerSubjects(previous.answer) : [];
  // "mark them all done", "delete those": every task the previous answer was about.
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
  if (subjects.length === 1) {
    const intent = retarget(input.message, subjects[0]!.id);
    if (intent) return { intent };
  }
  const example = `${VERBS[shape.kind]} task ${subjects[0]?.id ?? 3}`;
  if (subjects.length > 1) {
    const lines = subjects.slice(0, 10).map((o) => `- Task ${o.id}: ${o.title}`);
    return reply(formatWhichOne(`That could be any of these ${subjects.length} tasks.`, lines, example));
  }
  return reply(`Which task do you mean? Tell me its number or part of its title, for example "${example}".`);
}
