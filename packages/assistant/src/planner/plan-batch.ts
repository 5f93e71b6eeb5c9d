// One tool call per task, then one answer listing the tasks that changed and how many could not: confirmed bulk
// deletes and completing several tasks at once.
import {
  asShown,
  call,
  friendlyError,
  type Plan,
  type PlanInput,
  reply,
  type ToolCallPlan,
  type ToolOutcome,
  tasksWord,
} from "./plan";

interface BatchWords {
  /** The heading over the tasks that changed, given how many did. */
  done: (count: number) => string;
  /** Said when none did. */
  none: string;
  /** Said after the list when some could not, given how many and the first error. */
  failed: (count: number, first: ToolOutcome | undefined) => string;
  /** Appended to a task's line. */
  note?: (result: BatchResult) => string;
}
type BatchResult = { task_id: number; title: string; next_task_id?: number };

/** One tool call per task, then one answer listing the tasks that changed and how many could not. */
export function planBatch(calls: ToolCallPlan[], input: PlanInput, words: BatchWords): Plan {
  const outcomes = input.outcomes.filter((o) => o.name === calls[0]?.name);
  if (outcomes.length === 0) return call(...calls);
  const done = outcomes.filter((o) => o.ok).map((o) => o.value as BatchResult);
  const failed = outcomes.filter((o) => !o.ok);
  const lines = done.map((t) => `- #${t.task_id} ${t.title}${words.note?.(t) ?? ""}`);
  let text = done.length ? `${words.done(done.length)}:\n${lines.join("\n")}` : words.none;
  if (failed.length) text += `\n${words.failed(failed.length, failed[0])}`;
  return reply(text, { shown: asShown(done.map((t) => ({ id: t.task_id, title: t.title }))) });
}

export function planConfirmed(ids: number[], input: PlanInput): Plan {
  return planBatch(
    ids.map((id) => ({ name: "delete_task", args: { task_id: id } })),
    input,
    {
      done: (n) => `Deleted ${n} ${tasksWord(n)}`,
      none: "Nothing was deleted.",
      failed: (n) => `${n} could not be deleted (already gone?).`,
    },
  );
}

export function planCompleteMany(ids: number[], input: PlanInput): Plan {
  return planBatch(
    ids.map((id) => ({ name: "complete_task", args: { task_id: id } })),
    input,
    {
      done: (n) => `Marked ${n} ${tasksWord(n)} as complete`,
      none: "Nothing was marked as complete.",
      failed: (n, error) => `${n} could not be completed (${friendlyError(error)})`,
      note: (t) => (t.next_task_id ? ` (repeats: task ${t.next_task_id} is the next one)` : ""),
    },
  );
}
