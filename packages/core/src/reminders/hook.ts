// The one link from the task service to the reminder scheduler: the task service calls `taskChanged()` whenever a
// task is created or changed (tasks.service.ts, insertTask and applyUpdate); a running scheduler listens and looks
// for reminders that became due or moved. Deletes and completions need no call: the scheduler re-reads the task
// when a reminder's time comes and drops one the task no longer wants.
type Listener = () => void;
const listeners = new Set<Listener>();

export function onTaskChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function taskChanged(): void {
  for (const listener of listeners) listener();
}
