// Listing tasks: one list_tasks call with the filter, then the tasks as lines ("- Task 4: Call mom (due …)").
import type { ListFilter } from "../language/intents";
import { describeFilter } from "../language/reply";
import {
  asShown,
  call,
  describeListed,
  friendlyError,
  LISTED_LINES,
  type ListedTask,
  lastOutcome,
  listedTasks,
  listFilterArgs,
  onFilterDay,
  type Plan,
  type PlanInput,
  reply,
} from "./plan";
import { lookupProject } from "./plan-projects";

export function planList(filter: ListFilter, input: PlanInput): Plan {
  // "what's in my work project": that project's tasks when they have it; otherwise the filter as it was read.
  let project: { id: string; name: string } | undefined;
  if (filter.project) {
    const lookup = lookupProject(input, filter.project);
    if ("plan" in lookup) return lookup.plan;
    if ("found" in lookup) project = lookup.found;
  }
  const listed = lastOutcome(input.outcomes, "list_tasks");
  if (!listed) {
    const args = listFilterArgs(project ? { ...filter, tag: undefined } : filter, input.timeZone);
    return call({ name: "list_tasks", args: project ? { ...args, project: project.id } : args });
  }
  const all = listedTasks(listed);
  if (!all) return reply(friendlyError(listed));
  const tasks = onFilterDay(all, filter, input);
  if (project) return planProjectList(project.name, tasks, filter, input);
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

/** The tasks of one project, as lines under its name. */
function planProjectList(name: string, tasks: ListedTask[], filter: ListFilter, input: PlanInput): Plan {
  const open = filter.status === "pending" ? "open " : filter.status === "completed" ? "completed " : "";
  if (tasks.length === 0) return reply(`There are no ${open}tasks in "${name}".`);
  const shown = asShown(tasks.slice(0, LISTED_LINES));
  const count = tasks.length === 1 ? `one ${open}task` : `${tasks.length} ${open}tasks`;
  return reply(`"${name}" has ${count}:\n${describeListed(tasks, input)}`, { shown, listed: shown });
}
