// Validation problems placed under the field they concern: from the contract's schemas in the browser, or from the
// `details` of the server's 422 (`{path, message}`). Anything that belongs to no field is shown for the whole form.
import { ApiError } from "@/lib/api-client";
import { describeError } from "../api/task-cache";

export const EDITOR_FIELDS = ["title", "description", "priority", "tags", "due_at", "remind_at", "recurrence"] as const;
export type EditorField = (typeof EDITOR_FIELDS)[number];
export type FieldErrors = Partial<Record<EditorField | "form", string>>;

/** Where a path of the API lands in the editor: add_tags and remove_tags are the tags field. */
function fieldOf(path: string): EditorField | "form" {
  const head = path.split(".")[0] ?? "";
  if (head === "add_tags" || head === "remove_tags") return "tags";
  return (EDITOR_FIELDS as readonly string[]).includes(head) ? (head as EditorField) : "form";
}

/** A sentence: capitalised, ending with a full stop. */
function sentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capital = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

interface Problem {
  path: string;
  message: string;
}

/** The first problem of each field, in words; `name` gives a problem's item a name (e.g. the tag it is about). */
export function fieldErrors(problems: Problem[], name?: (path: string) => string | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const field = fieldOf(problem.path);
    if (errors[field]) continue;
    const item = name?.(problem.path);
    errors[field] = sentence(item ? `${item}: ${problem.message}` : problem.message);
  }
  return errors;
}

/** The issues of a zod parse as problems with dotted paths, like the server's `details`. */
export function problemsOf(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Problem[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** A failed save: the server's details under their fields, or one message for the form. */
export function fieldErrorsFromResponse(error: unknown, name?: (path: string) => string | undefined): FieldErrors {
  if (error instanceof ApiError && error.details.length > 0) return fieldErrors(error.details, name);
  return error ? { form: describeError(error) } : {};
}
