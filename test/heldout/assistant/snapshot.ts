// What the evaluation reads back through the public REST API after each turn: the user's tasks and, where the
// design §12 routes exist, projects and their members. Normalisers make two readings comparable field by field.

export interface TaskRow {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  priority: string;
  tags: string[];
  due_at: string | null;
  remind_at: string | null;
  recurrence: string | null;
  project_id?: string | null;
  parent_id?: number | null;
  assignee?: { id: string; name?: string } | null;
}

export interface ProjectRow {
  id: string;
  name: string;
  archived?: boolean;
  members: { user_id: string; email?: string; role: string }[];
}

export interface Snapshot {
  tasks: Map<number, TaskRow>;
  /** null when the app has no projects routes (GET /api/projects answers 404). */
  projects: Map<string, ProjectRow> | null;
}

/** The task fields a turn may change; timestamps and positions are not outcomes a person asks for. */
export const TASK_FIELDS = [
  "title",
  "description",
  "completed",
  "priority",
  "tags",
  "due_at",
  "remind_at",
  "recurrence",
  "project_id",
  "parent_id",
  "assignee",
] as const;
export type TaskField = (typeof TASK_FIELDS)[number];

export function normTitle(s: string): string {
  const t = s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!]+$/, "");
  return t.charAt(0).toLowerCase() + t.slice(1);
}

export function normTags(tags: readonly string[]): string {
  return [...new Set(tags.map((t) => t.toLowerCase().replace(/^#/, "")))].sort().join(",");
}

const SHORTHAND: Record<string, string> = {
  DAILY: "FREQ=DAILY",
  WEEKLY: "FREQ=WEEKLY",
  MONTHLY: "FREQ=MONTHLY",
  YEARLY: "FREQ=YEARLY",
  ANNUALLY: "FREQ=YEARLY",
  WEEKDAYS: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
};

/** RRULE parts as a map, with INTERVAL=1 dropped, BYDAY sorted and DAILY+BYDAY read as the WEEKLY it means. */
export function ruleParts(rule: string | null): Map<string, string> | null {
  if (rule === null || rule.trim() === "") return null;
  let text = rule
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, "");
  text = SHORTHAND[text] ?? text;
  const parts = new Map<string, string>();
  for (const part of text.split(";")) {
    const [k, v] = part.split("=");
    if (k && v !== undefined) parts.set(k, v);
  }
  if (parts.get("INTERVAL") === "1") parts.delete("INTERVAL");
  const byday = parts.get("BYDAY");
  if (byday) {
    const order = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    parts.set(
      "BYDAY",
      byday
        .split(",")
        .sort((a, b) => order.indexOf(a) - order.indexOf(b))
        .join(","),
    );
    if (parts.get("FREQ") === "DAILY") parts.set("FREQ", "WEEKLY");
  }
  return parts;
}

export function normRule(rule: string | null): string | null {
  const parts = ruleParts(rule);
  if (!parts) return null;
  return [...parts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(";");
}

/** Two readings of one field are the same outcome. */
export function sameField(field: TaskField, a: TaskRow, b: TaskRow): boolean {
  switch (field) {
    case "tags":
      return normTags(a.tags) === normTags(b.tags);
    case "due_at":
    case "remind_at": {
      const x = a[field];
      const y = b[field];
      return x === y || (x !== null && y !== null && new Date(x).getTime() === new Date(y).getTime());
    }
    case "description":
      return (a.description ?? "") === (b.description ?? "");
    case "recurrence":
      return normRule(a.recurrence) === normRule(b.recurrence);
    case "assignee":
      return (a.assignee?.id ?? null) === (b.assignee?.id ?? null);
    case "project_id":
    case "parent_id":
      return (a[field] ?? null) === (b[field] ?? null);
    default:
      return a[field] === b[field];
  }
}

export function showField(field: TaskField, t: TaskRow): string {
  const v = t[field];
  if (field === "assignee") return t.assignee ? (t.assignee.name ?? t.assignee.id) : "none";
  if (Array.isArray(v)) return `[${v.join(", ")}]`;
  if (v === null || v === undefined || v === "") return "none";
  return JSON.stringify(v);
}
