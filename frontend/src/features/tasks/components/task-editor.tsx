"use client";

import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { Priority, Task, TaskFields } from "../api/tasks";
import { describeRecurrence, fromLocalInput, parseTags, toLocalInput } from "../utils/format";

const RECURRENCE_PRESETS: Array<{ value: string; label: string }> = [
  { value: "none", label: "Does not repeat" },
  { value: "FREQ=DAILY", label: "Every day" },
  { value: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", label: "Every weekday" },
  { value: "FREQ=WEEKLY", label: "Every week" },
  { value: "FREQ=MONTHLY", label: "Every month" },
  { value: "FREQ=YEARLY", label: "Every year" },
  { value: "custom", label: "Custom rule…" },
];

function presetFor(rule: string | null): string {
  if (!rule) return "none";
  return RECURRENCE_PRESETS.some((p) => p.value === rule) ? rule : "custom";
}

/** The full editor, opened in place of a task row. */
export function TaskEditor({
  task,
  onSave,
  onCancel,
  saving = false,
  serverError = null,
}: {
  task: Task;
  onSave: (fields: Partial<TaskFields>) => void;
  onCancel: () => void;
  saving?: boolean;
  serverError?: string | null;
}) {
  const id = useId();
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description);
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [tags, setTags] = useState(task.tags.join(" "));
  const [due, setDue] = useState(toLocalInput(task.due_at));
  const [remind, setRemind] = useState(toLocalInput(task.remind_at));
  const [preset, setPreset] = useState(presetFor(task.recurrence));
  const [customRule, setCustomRule] = useState(task.recurrence ?? "");
  const [localError, setError] = useState<string | null>(null);
  const error = localError ?? serverError;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!title.trim()) {
      setError("The title must not be empty.");
      return;
    }
    setError(null);
    const recurrence = preset === "none" ? null : preset === "custom" ? customRule.trim() || null : preset;
    onSave({
      title: title.trim(),
      description,
      priority,
      tags: parseTags(tags),
      due_at: fromLocalInput(due),
      remind_at: fromLocalInput(remind),
      recurrence,
    });
  }

  const customText = preset === "custom" ? describeRecurrence(customRule.trim() || null) : null;

  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
      className="flex flex-col gap-4 p-4"
      aria-label={`Edit “${task.title}”`}
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-title`}>Title</Label>
        <Input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          required
          autoFocus
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
            {error}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-description`}>Notes</Label>
        <Textarea
          id={`${id}-description`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={4000}
          rows={2}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-priority`}>Priority</Label>
          <Select value={priority} onValueChange={(v) => setPriority(v as Priority)}>
            <SelectTrigger id={`${id}-priority`} className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="none">None</SelectItem>
              <SelectItem value="low">Low</SelectItem>
              <SelectItem value="medium">Medium</SelectItem>
              <SelectItem value="high">High</SelectItem>
            </SelectContent>
          </Select>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-tags`}>Tags</Label>
          <Input
            id={`${id}-tags`}
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            placeholder="home work"
            aria-describedby={`${id}-tags-hint`}
          />
          <p id={`${id}-tags-hint`} className="text-xs text-muted-foreground">
            Separate tags with spaces or commas.
          </p>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-due`}>Due</Label>
          <Input id={`${id}-due`} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-remind`}>Remind me</Label>
          <Input id={`${id}-remind`} type="datetime-local" value={remind} onChange={(e) => setRemind(e.target.value)} />
        </div>
        <div className="flex flex-col gap-2 sm:col-span-2">
          <Label htmlFor={`${id}-recurrence`}>Repeat</Label>
          <Select value={preset} onValueChange={setPreset}>
            <SelectTrigger id={`${id}-recurrence`} className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {RECURRENCE_PRESETS.map((p) => (
                <SelectItem key={p.value} value={p.value}>
                  {p.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          {preset === "custom" && (
            <>
              <Label htmlFor={`${id}-rule`} className="sr-only">
                Custom recurrence rule
              </Label>
              <Input
                id={`${id}-rule`}
                value={customRule}
                onChange={(e) => setCustomRule(e.target.value)}
                placeholder="FREQ=MONTHLY;BYMONTHDAY=1"
                className="font-mono"
                aria-describedby={`${id}-rule-hint`}
              />
              <p id={`${id}-rule-hint`} className="text-xs text-muted-foreground">
                {customText ?? "An RFC 5545 rule such as FREQ=WEEKLY;BYDAY=MO,TH."}
              </p>
            </>
          )}
        </div>
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
