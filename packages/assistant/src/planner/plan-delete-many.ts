// A bulk delete ("delete all completed tasks"): list the tasks the filter names and ask to confirm; nothing is
// deleted in this turn.
import type { ListFilter } from "../language/intents";
import { describeFilter } from "../language/reply";
import { confirmationSaid, formatConfirmationRequest } from "./confirmation";
import {
  call,
  friendlyError,
  lastOutcome,
  listedTasks,
  listFilterArgs,
  onFilterDay,
  type Plan,
  type PlanInput,
  reply,
} from "./plan";

export function planDeleteMany(filter: ListFilter, input: PlanInput): Plan {
  const listed = lastOutcome(input.outcomes, "list_tasks");
  if (!listed) return call({ name: "list_tasks", args: listFilterArgs(filter, input.timeZone) });
  const all = listedTasks(listed);
  if (!all) return reply(friendlyError(listed));
  const tasks = onFilterDay(all, filter, input);
  const lists = input.outcomes.filter((o) => o.name === "list_tasks").length;
  if (tasks.length === 0 && filter.tag && lists === 1) {
    // "delete the call tasks": no such tag, so look for the word in titles instead (still only asking).
    const { tag, ...rest } = filter;
    return call({ name: "list_tasks", args: listFilterArgs({ ...rest, query: tag }, input.timeZone) });
  }
  const what =
    lists > 1 && filter.tag ? describeFilter({ ...filter, tag: undefined, query: filter.tag }) : describeFilter(filter);
  if (tasks.length === 0) return reply(`You have no ${what}, so there is nothing to delete.`);
  return reply(formatConfirmationRequest(tasks, what), confirmationSaid(tasks));
}
