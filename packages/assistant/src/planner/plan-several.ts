// One action on several tasks named by number ("mark 3 and 4 as done", "delete tasks 2, 5 and 7"): deleting asks
// first; completing, reopening and updating run once per task.
import { describeChanges, updateArgs } from "./changes";
import { confirmationSaid, formatConfirmationRequest } from "./confirmation";
import {
  call,
  friendlyError,
  type ListedTask,
  lastOutcome,
  listedTasks,
  type Plan,
  type PlanInput,
  reply,
  tasksWord,
} from "./plan";
import type { ActionIntent } from "./plan-action";
import { planBatch, planCompleteMany } from "./plan-batch";
import { joinNumbers } from "./several";

/** One action on several tasks named by number ("mark 3 and 4 as done", "delete tasks 2, 5 and 7"). */
export function planSeveral(shape: ActionIntent, ids: number[], input: PlanInput): Plan {
  if (shape.kind === "complete") return planCompleteMany(ids, input);
  const changesTags =
    shape.kind === "update" && Boolean(shape.changes.tags_add?.length || shape.changes.tags_remove?.length);
  let known: ListedTask[] | null = null;
  if (shape.kind === "delete" || changesTags) {
    const listed = lastOutcome(input.outcomes, "list_tasks");
    if (!listed) return call({ name: "list_tasks", args: { status: "all", timezone: input.timeZone } });
    known = listedTasks(listed);
    if (!known) return reply(friendlyError(listed));
  }
  if (shape.kind === "delete") {
    // Deleting several always asks first; "yes" deletes exactly the tasks listed in the question.
    const found = (known ?? []).filter((t) => ids.includes(t.id));
    const missing = ids.filter((id) => !found.some((t) => t.id === id));
    if (!found.length) return reply(`I couldn't find ${tasksWord(ids.length)} ${joinNumbers(ids)}.`);
    const note = missing.length ? `I couldn't find ${tasksWord(missing.length)} ${joinNumbers(missing)}.\n` : "";
    const what = `${tasksWord(found.length)} ${joinNumbers(found.map((t) => t.id))}`;
    return reply(note + formatConfirmationRequest(found, what), confirmationSaid(found));
  }
  if (shape.kind !== "update") {
    // Complete and delete returned above: this is reopen.
    return planBatch(
      ids.map((id) => ({ name: "update_task", args: { task_id: id, completed: false } })),
      input,
      {
        done: (n) => `Reopened ${n} ${tasksWord(n)}`,
        none: "Nothing was changed.",
        failed: (n, error) => `${n} could not be changed (${friendlyError(error)})`,
      },
    );
  }
  const changes = describeChanges(shape.changes, input);
  if (!changes) return reply(`What should I change about tasks ${joinNumbers(ids)}?`);
  return planBatch(
    ids.map((id) => ({
      name: "update_task",
      args: updateArgs(
        id,
        shape.changes,
        known?.find((t) => t.id === id),
        input.timeZone,
      ),
    })),
    input,
    {
      done: (n) => `Updated ${n} ${tasksWord(n)} (${changes})`,
      none: "Nothing was changed.",
      failed: (n, error) => `${n} could not be changed (${friendlyError(error)})`,
    },
  );
}
