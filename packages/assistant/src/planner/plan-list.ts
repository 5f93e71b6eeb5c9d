// Listing tasks: one list_tasks call with the filter, then the tasks as lines ("- Task 4: Call mom (due …)").
import type { ListFilter } from "../language/intents";
import { describeFilter } from "../language/reply";
import {
  asShown,
  call,
  describeListed,
  friendlyError,
  LISTED_LINES,
  lastOutcome,
  listedTasks,
  listFilterArgs,
  onFilterDay,
  type Plan,
  type PlanInput,
  reply,
} from "./plan";

export function planList(filter: ListFilter, input: PlanInput): Plan {
  const listed = lastOutcome(input.outcomes, "list_tasks");
  if (!listed) return call({ name: "list_tasks", args: listFilterArgs(filter, input.timeZone) });
  const all = listedTasks(listed);
  if (!all) return reply(friendlyError(listed));
  const tasks = onFilterDay(all, filter, input);
  const what = describeFilter(filter);
  if (tasks.length === 0) {
    return reply(filter.status === "completed" ? "You haven't completed any tasks yet." : `You have no ${what}.`);
  }
  const count = tasks.length === 1 ? `one of your ${what}` : `your ${tasks.length} ${what}`;
  const shown = asShown(tasks.slice(0, LISTED_LINES));
  return reply(`Here ${tasks.length === 1 ? "is" : "are"} ${count}:\n${describeListed(tasks, input)}`, {
    shown,
    listed: shown,
  });
}
