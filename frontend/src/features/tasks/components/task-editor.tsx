"use client";

// The full editor, opened in place of a task row. It checks the form with the schema the server uses, shows each
// problem under its field, and sends only the fields that changed.
import { PRIORITIES, type Priority } from "@todo/contract/enums";
import { LIMITS } from "@todo/contract/limits";
import { type Task, type UpdateTaskBody, UpdateTaskInput } from "@todo/contract/task";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useMembers, useProjects } from "@/lib/projects-query";
import {
  type EditorField,
  type FieldErrors,
  fieldErrors,
  fieldErrorsFromResponse,
  problemsOf,
} from "../utils/field-errors";
import { describeRecurrence, fromLocalInput, recurrenceProblem, splitTags, toLocalInput } from "../utils/format";

const RECURRENCE_PRESETS: Array<{ value: string; label: string }> = [
  { value: "none", label: "Does not repeat" },
  { value: "FREQ=DAILY", label: "Every day" },
  { value: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", label: "Every weekday" },
  { value: "FREQ=WEEKLY", label: "Every week" },
  { value: "FREQ=MONTHLY", label: "Every month" },
  { value: "FREQ=YEARLY", label: "Every year" },
  { value: "custom", label: "Custom rule…" },
];

const PRIORITY_OPTION: Record<Priority, string> = { none: "None", low: "Low", medium: "Medium", high: "High" };

function presetFor(rule: string | null): string {
  if (!rule) return "none";
  return RECURRENCE_PRESETS.some((p) => p.value === rule) ? rule : "custom";
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A field's message under it, tied to the control by `aria-describedby`. */
function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-destructive" data-testid="field-error">
      {message}
    </p>
  );
}

function Field({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={className ?? "flex flex-col gap-2"}>{children}</div>;
}

/** Select values for "no project" and "no assignee" (a Radix select item cannot have an empty value). */
const INBOX = "__inbox";
const NOBODY = "__nobody";

export function TaskEditor({
  task,
  onSave,
  onCancel,
  saving = false,
  saveError = null,
}: {
  task: Task;
  /** Called with the changed fields only (an empty object when nothing changed). */
  onSave: (changes: UpdateTaskBody) => void;
  onCancel: () => void;
  saving?: boolean;
  /** Why the last save failed (an ApiError with `details`, or anything else). */
  saveError?: unknown;
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
  const [localErrors, setLocalErrors] = useState<FieldErrors | null>(null);
  const [projectId, setProjectId] = useState<string | null>(task.project_id);
  const [assigneeId, setAssigneeId] = useState<string | null>(task.assignee?.id ?? null);
  const projects = useProjects();
  const members = useMembers(projectId);
  // Where the task can go: the Inbox and the projects the caller may add to. A subtask stays with its parent.
  const targets = (projects.data ?? []).filter((p) => p.role !== "viewer" || p.id === task.project_id);
  const currentProject = projects.data?.find((p) => p.id === task.project_id);
  const canMove = task.parent_id === null && currentProject?.role !== "viewer";
  const memberList = members.data ?? [];

  const tagList = splitTags(tags);
  /** Names the tag a problem is about ("tags.2" → "#foo!"). */
  const tagName = (path: string) => {
    const m = /^tags\.(\d+)/.exec(path);
    const tag = m ? tagList[Number(m[1])] : undefined;
    return tag === undefined ? undefined : `“${tag}”`;
  };
  const errors = localErrors ?? fieldErrorsFromResponse(saveError, tagName);
  const errorId = (field: EditorField | "form") => `${id}-${field}-error`;
  const invalid = (field: EditorField) => ({
    "aria-invalid": Boolean(errors[field]) || undefined,
    "aria-describedby": errors[field] ? errorId(field) : undefined,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recurrence = preset === "none" ? null : preset === "custom" ? customRule.trim() || null : preset;
    const form = {
      title,
      description,
      priority,
      tags: tagList,
      due_at: fromLocalInput(due),
      remind_at: fromLocalInput(remind),
      recurrence,
    } satisfies UpdateTaskBody;
    const parsed = UpdateTaskInput.safeParse(form);
    if (!parsed.success) {
      setLocalErrors(fieldErrors(problemsOf(parsed.error.issues), tagName));
      return;
    }
    setLocalErrors(null);
    const valid = parsed.data;
    const changes: UpdateTaskBody = {};
    if (projectId !== task.project_id) changes.project_id = projectId;
    // An assignee must be a member of the task's project; a move takes off one who is not (core does too).
    if (members.data !== undefined || projectId !== task.project_id) {
      const assignee = projectId !== null && memberList.some((m) => m.user_id === assigneeId) ? assigneeId : null;
      if (assignee !== (task.assignee?.id ?? null)) changes.assignee_id = assignee;
    }
    if (valid.title !== task.title) changes.title = form.title;
    if (valid.description !== task.description) changes.description = form.description;
    if (valid.priority !== task.priority) changes.priority = form.priority;
    if (!sameList(valid.tags ?? [], task.tags)) changes.tags = form.tags;
    // Compared as the inputs show them (to the minute), so an untouched date is not sent back rounded.
    if (due !== toLocalInput(task.due_at)) changes.due_at = form.due_at;
    if (remind !== toLocalInput(task.remind_at)) changes.remind_at = form.remind_at;
    if ((valid.recurrence ?? null) !== task.recurrence) changes.recurrence = form.recurrence;
    onSave(changes);
  }

  const rule = customRule.trim();
  const customText = preset === "custom" && rule ? (describeRecurrence(rule) ?? recurrenceProblem(rule)) : null;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
      className="flex flex-col gap-4 p-4"
      aria-label={`Edit “${task.title}”`}
    >
      <Field>
        <Label htmlFor={`${id}-title`}>Title</Label>
        <Input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={LIMITS.title}
          required
          autoFocus
          {...invalid("title")}
        />
        <FieldError id={errorId("title")} message={errors.title} />
      </Field>
      <Field>
        <Label htmlFor={`${id}-description`}>Notes</Label>
        <Textarea
          id={`${id}-description`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={LIMITS.description}
          rows={2}
          {...invalid("description")}
        />
        <FieldError id={errorId("description")} message={errors.description} />
      </Field>
      {(canMove || (projectId !== null && memberList.length > 1)) && (
        <div className="grid gap-4 sm:grid-cols-2">
          {canMove && (
            <Field>
              <Label htmlFor={`${id}-project`}>Project</Label>
              <Select
                value={projectId ?? INBOX}
                onValueChange={(v) => {
                  const next = v === INBOX ? null : v;
                  setProjectId(next);
                  setAssigneeId(next === task.project_id ? (task.assignee?.id ?? null) : null);
                }}
              >
                <SelectTrigger id={`${id}-project`} className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={INBOX}>Inbox</SelectItem>
                  {targets.map((p) => (
                    <SelectItem key={p.id} value={p.id}>
                      {p.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
          )}
          {projectId !== null && memberList.length > 1 && (
            <Field>
              <Label htmlFor={`${id}-assignee`}>Assigned to</Label>
              <Select value={assigneeId ?? NOBODY} onValueChange={(v) => setAssigneeId(v === NOBODY ? null : v)}>
                <SelectTrigger id={`${id}-assignee`} className="w-full">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={NOBODY}>Nobody</SelectItem>
                  {memberList.map((m) => (
                    <SelectItem key={m.user_id} value={m.user_id}>
                      {m.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
          )}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field>
          <Label htmlFor={`${id}-priority`}>Priority</Label>
          <Select value={priority} onValueChange={(v) => setPriority(v as Priority)}>
            <SelectTrigger id={`${id}-priority`} className="w-full" {...invalid("priority")}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {PRIORITIES.map((p) => (
                <SelectItem key={p} value={p}>
                  {PRIORITY_OPTION[p]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <FieldError id={errorId("priority")} message={errors.priority} />
        </Field>
        <Field>
          <Label htmlFor={`${id}-tags`}>Tags</Label>
          <Input
            id={`${id}-tags`}
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            placeholder="home work"
            aria-invalid={Boolean(errors.tags) || undefined}
            aria-describedby={errors.tags ? `${errorId("tags")} ${id}-tags-hint` : `${id}-tags-hint`}
          />
          <FieldError id={errorId("tags")} message={errors.tags} />
          <p id={`${id}-tags-hint`} className="text-xs text-muted-foreground">
            Separate tags with spaces or commas (up to {LIMITS.tags}).
          </p>
        </Field>
        <Field>
          <Label htmlFor={`${id}-due`}>Due</Label>
          <Input
            id={`${id}-due`}
            type="datetime-local"
            value={due}
            onChange={(e) => setDue(e.target.value)}
            {...invalid("due_at")}
          />
          <FieldError id={errorId("due_at")} message={errors.due_at} />
        </Field>
        <Field>
          <Label htmlFor={`${id}-remind`}>Remind me</Label>
          <Input
            id={`${id}-remind`}
            type="datetime-local"
            value={remind}
            onChange={(e) => setRemind(e.target.value)}
            {...invalid("remind_at")}
          />
          <FieldError id={errorId("remind_at")} message={errors.remind_at} />
        </Field>
        <Field className="flex flex-col gap-2 sm:col-span-2">
          <Label htmlFor={`${id}-recurrence`}>Repeat</Label>
          <Select value={preset} onValueChange={setPreset}>
            <SelectTrigger
              id={`${id}-recurrence`}
              className="w-full"
              {...(preset === "custom" ? {} : invalid("recurrence"))}
            >
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
                maxLength={LIMITS.recurrence}
                aria-invalid={Boolean(errors.recurrence) || undefined}
                aria-describedby={errors.recurrence ? `${errorId("recurrence")} ${id}-rule-hint` : `${id}-rule-hint`}
              />
              <p id={`${id}-rule-hint`} className="text-xs text-muted-foreground">
                {customText ?? "An RFC 5545 rule such as FREQ=WEEKLY;BYDAY=MO,TH."}
              </p>
            </>
          )}
          <FieldError id={errorId("recurrence")} message={errors.recurrence} />
        </Field>
      </div>
      {errors.form && (
        <p id={errorId("form")} role="alert" className="text-sm text-destructive">
          {errors.form}
        </p>
      )}
      {!errors.form && Object.values(errors).some(Boolean) && (
        <p role="alert" className="sr-only">
          Some fields need attention: {Object.values(errors).filter(Boolean).join(" ")}
        </p>
      )}
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
