// What the bulk tools share: act on each task in turn, keep going past a task that fails, and say which failed.

import { AppError } from "@todo/contract/errors";
import type { BulkFailure } from "@todo/contract/tools";

/**
 * Runs `act` for each task id in order; a coded failure of one task (not found, invalid change) is recorded and
 * the others still run. Any other error (the database is down) stops the call and reaches the registry.
 */
export async function eachTask<T>(
  ids: number[],
  act: (id: number, index: number) => Promise<T>,
): Promise<{ done: T[]; failed: BulkFailure[] }> {
  const done: T[] = [];
  const failed: BulkFailure[] = [];
  for (const [index, id] of ids.entries()) {
    try {
      done.push(await act(id, index));
    } catch (error) {
      if (!(error instanceof AppError) || error.code === "service_unavailable" || error.code === "internal_error")
        throw error;
      failed.push({ task_id: id, error: { code: error.code, message: error.message } });
    }
  }
  return { done, failed };
}

/** A bulk call in which every task failed is a failed call: the model should see isError. */
export function assertSomeDone(failed: BulkFailure[], count: number): void {
  if (count === 0 && failed.length > 0) {
    const first = failed[0]!.error;
    throw new AppError(
      first.code,
      failed.length === 1
        ? first.message
        : `None of the ${failed.length} tasks could be changed: ${failed.map((f) => f.error.message).join("; ")}`,
      failed,
    );
  }
}
