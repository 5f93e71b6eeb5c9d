"use client";

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";

const SHORTCUTS = [
  { keys: ["n"], action: "Add a task (focus quick add)" },
  { keys: ["/"], action: "Search tasks" },
  { keys: ["a"], action: "Open or close the assistant" },
  { keys: ["j/k", "↓/↑"], action: "Move between tasks in a list (j or k first brings you to the list)" },
  { keys: ["x", "Space"], action: "Complete the focused task (or mark it not done)" },
  { keys: ["Enter", "e"], action: "Edit the focused task" },
  { keys: ["m"], action: "Move the focused task to another project or the Inbox" },
  { keys: ["Delete"], action: "Delete the focused task (asks first)" },
  { keys: ["Alt", "↑/↓"], action: "Move the focused project up or down in the sidebar" },
  { keys: ["Esc"], action: "Leave a field, close a panel or dialog" },
  { keys: ["?"], action: "Show these shortcuts" },
];

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>They work anywhere in the app, except while typing in a field.</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-3 text-sm">
          {SHORTCUTS.map((s) => (
            <div key={s.action} className="contents">
              <dt>
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </dt>
              <dd>{s.action}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
