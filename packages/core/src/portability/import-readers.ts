// The readers of POST /api/import (design section 14): each turns one format's file into the same list of plain
// items (a title, fields as the contract's CreateTaskInput takes them, the source's own ids for subtasks, a project
// by name), plus the problems of rows it took with a change. They write nothing; import.service.ts validates the
// items and creates them through the task service. CSV is read with csv-parse as a stream of 64 KiB chunks so a
// big file does not hold the event loop; iCalendar goes through the VTODO reader CalDAV uses.
import { Readable } from "node:stream";
import { TZDate } from "@date-fns/tz";
import type { Priority } from "@todo/contract/enums";
import { ValidationError } from "@todo/contract/errors";
import { LIMITS } from "@todo/contract/limits";
import type { ImportFormat, ImportProblem } from "@todo/contract/portability";
import { Tag } from "@todo/contract/task";
import { isValidTimeZone } from "@todo/contract/time-zone";
import { CsvError, parse } from "csv-parse";
import ICAL from "ical.js";
import { IcalError, parseVtodo } from "../ical/vtodo";

/** One task of the source, before validation. Dates are ISO 8601 strings with an offset. */
export interface ImportItem {
  /** Where it is in the file, for problems: `line 7`, `tasks[3]`, `VTODO 2`. */
  where: string;
  /** The source's id of the item (for subtasks), and its parent's. */
  ref: string | null;
  parentRef: string | null;
  /** The project by name; null for the Inbox. */
  project: string | null;
  fields: {
    title: unknown;
    description?: unknown;
    completed?: unknown;
    priority?: unknown;
    tags?: unknown;
    due_at?: unknown;
    remind_at?: unknown;
    recurrence?: unknown;
    timezone?: string;
  };
}

export interface ImportSource {
  items: ImportItem[];
  /** Projects the source names even when they hold no task (our own export), with their colour when known. */
  projects: { name: string; color?: string }[];
  problems: ImportProblem[];
}

/** The file cannot be read at all, or not as the format it claims: 422 with where it went wrong. */
function unreadable(message: string, path = ""): ValidationError {
  return new ValidationError(message, [{ path, message }]);
}

const INBOX = /^inbox$/i;
const projectName = (name: unknown): string | null => {
  const s = typeof name === "string" ? name.trim().slice(0, LIMITS.projectName) : "";
  return s === "" || INBOX.test(s) ? null : s;
};

/** Tags as the app takes them (lowercase, spaces to dashes); the rest are dropped with a problem. */
function cleanTags(raw: string[], where: string, problems: ImportProblem[]): string[] {
  const out: string[] = [];
  for (const one of raw) {
    const name = one.trim().replace(/\s+/g, "-");
    if (!name) continue;
    const r = Tag.safeParse(name);
    if (!r.success)
      problems.push({ path: where, message: `Tag "${one.slice(0, 40)}" dropped: ${r.error.issues[0]?.message}` });
    else if (!out.includes(r.data)) out.push(r.data);
  }
  if (out.length > LIMITS.tags) {
    problems.push({ path: where, message: `Only the first ${LIMITS.tags} of ${out.length} tags kept` });
    return out.slice(0, LIMITS.tags);
  }
  return out;
}

const LOOSE_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date written by an app's export: `2026-12-24`, `2026-12-24 09:00`, `2026-12-24T09:00:00+0000` and the like.
 * Without an offset it is read in `zone`. Returns an ISO string, or null when the text is not such a date.
 */
export function looseDate(text: string, zone = "UTC"): string | null {
  const m = LOOSE_DATE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", offset] = m;
  if (offset) {
    const iso = `${y}-${mo}-${d}T${h.padStart(2, "0")}:${mi}:${s.padStart(2, "0")}${offset === "Z" ? "Z" : `${offset.slice(0, 3)}:${offset.slice(-2)}`}`;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  const date = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), zone);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime()).toISOString();
}

const zoneOr = (zone: string | undefined, where: string, problems: ImportProblem[]): string | undefined => {
  const z = zone?.trim();
  if (!z) return undefined;
  if (isValidTimeZone(z)) return z;
  problems.push({ path: where, message: `Unknown time zone "${z.slice(0, 64)}": dates read as UTC` });
  return undefined;
};

/** CSV records with the line each ends on, read chunk by chunk (csv-parse's stream). */
async function* csvRecords(text: string): AsyncGenerator<{ record: string[]; line: number }> {
  const CHUNK = 65_536;
  const chunks = function* () {
    for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
  };
  const parser = Readable.from(chunks()).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { record, line: info.lines };
    }
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      throw unreadable(`The file is not valid CSV: ${e.message}`, line ? `line ${line}` : "");
    }
    throw e;
  }
}

// --- Todoist CSV (its documented template) ---------------------------------------------------------------------

const TODOIST_PRIORITY: Record<string, Priority> = { "4": "high", "3": "medium", "2": "low", "1": "none" };

/** Todoist's CSV: one file per project; TYPE task/section/note, INDENT for subtasks, labels as @words in CONTENT. */
export async function readTodoist(text: string, project: string | null): Promise<ImportSource> {
  const problems: ImportProblem[] = [];
  const items: ImportItem[] = [];
  let header: string[] | null = null;
  const stack: string[] = [];
  let last: ImportItem | null = null;
  for await (const { record, line } of csvRecords(text)) {
    const where = `line ${line}`;
    if (!header) {
      header = record.map((h) => h.trim().toUpperCase());
      if (!header.includes("TYPE") || !header.includes("CONTENT")) {
        throw unreadable("A Todoist CSV starts with a header row naming TYPE and CONTENT", where);
      }
      continue;
    }
    const cols = header;
    const get = (name: string) => (record[cols.indexOf(name)] ?? "").trim();
    const type = get("TYPE").toLowerCase();
    if (type === "") continue; // the template's blank separator rows
    if (type === "section") {
      stack.length = 0;
      problems.push({ path: where, message: `Section "${get("CONTENT").slice(0, 60)}": its tasks go to the project` });
      continue;
    }
    if (type === "note") {
      if (last) {
        const note = (record[cols.indexOf("CONTENT")] ?? "").trim();
        const before = typeof last.fields.description === "string" ? last.fields.description : "";
        last.fields.description = before ? `${before}\n\n${note}` : note;
      } else problems.push({ path: where, message: "A note before any task was left out" });
      continue;
    }
    if (type !== "task") {
      problems.push({ path: where, message: `Unknown TYPE "${type.slice(0, 20)}": row left out` });
      continue;
    }
    const content = record[cols.indexOf("CONTENT")] ?? "";
    const labels = [...content.matchAll(/(?:^|\s)@([\p{L}\p{N}_-]+)/gu)].map((m) => m[1] ?? "");
    const title = content.replace(/(?:^|\s)@[\p{L}\p{N}_-]+/gu, "").trim();
    const indent = Math.max(1, Math.min(Number.parseInt(get("INDENT"), 10) || 1, stack.length + 1));
    const ref = where;
    const parentRef = indent > 1 ? (stack[indent - 2] ?? null) : null;
    stack.length = indent - 1;
    stack.push(ref);
    const zone = zoneOr(get("TIMEZONE"), where, problems);
    const rawPriority = get("PRIORITY");
    const priority = rawPriority === "" ? "none" : TODOIST_PRIORITY[rawPriority];
    if (!priority) problems.push({ path: where, message: `Unknown PRIORITY "${rawPriority.slice(0, 10)}": none` });
    const date = get("DATE");
    let due: string | null = null;
    if (date) {
      due = looseDate(date, zone);
      if (!due)
        problems.push({
          path: where,
          message: `DATE "${date.slice(0, 60)}" is not a date this import reads: left out`,
        });
    }
    const item: ImportItem = {
      where,
      ref,
      parentRef,
      project,
      fields: {
        title,
        description: get("DESCRIPTION"),
        priority: priority ?? "none",
        tags: cleanTags(labels, where, problems),
        due_at: due,
        ...(zone ? { timezone: zone } : {}),
      },
    };
    items.push(item);
    last = item;
  }
  if (!header) throw unreadable("The file is empty");
  return { items, projects: [], problems };
}

// --- TickTick CSV backup -----------------------------------------------------------------------------------------

const TICKTICK_PRIORITY: Record<string, Priority> = { "0": "none", "1": "low", "3": "medium", "5": "high" };

/** TickTick's backup: a few header rows, then one row per task; lists are projects, parentId makes subtasks. */
export async function readTickTick(text: string): Promise<ImportSource> {
  const problems: ImportProblem[] = [];
  const items: ImportItem[] = [];
  let header: string[] | null = null;
  for await (const { record, line } of csvRecords(text)) {
    const where = `line ${line}`;
    if (!header) {
      if (record.includes("Title") && record.includes("List Name")) header = record.map((h) => h.trim());
      continue;
    }
    const cols = header;
    const get = (name: string) => (record[cols.indexOf(name)] ?? "").trim();
    const zone = zoneOr(get("Timezone"), where, problems);
    const dateOf = (column: string): string | null => {
      const raw = get(column);
      if (!raw) return null;
      const iso = looseDate(raw, zone);
      if (!iso) throw unreadable(`${where}: ${column} "${raw.slice(0, 40)}" is not a date`, where);
      return iso;
    };
    const rawPriority = get("Priority");
    const priority = rawPriority === "" ? "none" : TICKTICK_PRIORITY[rawPriority];
    if (!priority) problems.push({ path: where, message: `Unknown Priority "${rawPriority.slice(0, 10)}": none` });
    const status = get("Status");
    const repeat = get("Repeat").replace(/^RRULE:/i, "");
    items.push({
      where,
      ref: get("taskId") || null,
      parentRef: get("parentId") || null,
      project: projectName(get("List Name")),
      fields: {
        title: get("Title"),
        description: record[cols.indexOf("Content")] ?? "",
        completed: status === "1" || status === "2",
        priority: priority ?? "none",
        tags: cleanTags(get("Tags").split(/[,，]/), where, problems),
        due_at: dateOf("Due Date") ?? dateOf("Start Date"),
        ...(repeat ? { recurrence: repeat } : {}),
        ...(zone ? { timezone: zone } : {}),
      },
    });
  }
  if (!header) throw unreadable('No header row naming "Title" and "List Name": not a TickTick backup');
  return { items, projects: [], problems };
}

// --- iCalendar (VTODO) -------------------------------------------------------------------------------------------

/** Every VTODO of a calendar, each read by the VTODO reader CalDAV uses (with the calendar's time zones). */
export function readIcs(text: string): ImportSource {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (e) {
    throw unreadable(`The file is not valid iCalendar: ${(e as Error).message}`);
  }
  const calendars = (Array.isArray(jcal) && typeof jcal[0] === "string" ? [jcal] : (jcal as unknown[])) as unknown[][];
  const problems: ImportProblem[] = [];
  const items: ImportItem[] = [];
  let n = 0;
  for (const one of calendars) {
    if (!Array.isArray(one) || one[0] !== "vcalendar") throw unreadable("The file is not a VCALENDAR");
    const calendar = new ICAL.Component(one);
    const project = projectName(calendar.getFirstPropertyValue("x-wr-calname"));
    const zones = calendar.getAllSubcomponents("vtimezone");
    for (const todo of calendar.getAllSubcomponents("vtodo")) {
      n += 1;
      const where = `VTODO ${n}`;
      if (todo.hasProperty("recurrence-id")) {
        problems.push({ path: where, message: "An overridden occurrence of a repeating task was left out" });
        continue;
      }
      const single = new ICAL.Component("vcalendar");
      single.addPropertyWithValue("version", "2.0");
      for (const z of zones) single.addSubcomponent(new ICAL.Component(z.toJSON()));
      single.addSubcomponent(new ICAL.Component(todo.toJSON()));
      let parsed: ReturnType<typeof parseVtodo>;
      try {
        parsed = parseVtodo(single.toString());
      } catch (e) {
        if (e instanceof IcalError) throw unreadable(`${where}: ${e.message}`, where);
        throw e;
      }
      const f = parsed.fields;
      items.push({
        where: `${where} (UID ${parsed.uid.slice(0, 80)})`,
        ref: parsed.uid,
        parentRef: f.parentUid,
        project,
        fields: {
          title: f.title,
          description: f.description,
          completed: f.completed,
          priority: f.priority,
          tags: f.tags,
          due_at: f.dueAt?.toISOString() ?? null,
          remind_at: f.remindAt?.toISOString() ?? null,
          recurrence: f.recurrence,
          ...(f.timeZone ? { timezone: f.timeZone } : {}),
        },
      });
    }
  }
  if (n === 0) throw unreadable("The calendar holds no VTODO (only tasks are imported)");
  return { items, projects: [], problems };
}

// --- JSON: our own export, and Vikunja's data.json -----------------------------------------------------------------

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw unreadable(`The file is not valid JSON: ${(e as Error).message}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Our own export (GET /api/export?format=json): projects by id, tasks with the exporter's numbers. */
export function readOwnJson(text: string): ImportSource {
  const data = parseJson(text);
  if (!isObject(data) || data.format !== "todo-app-export" || !Array.isArray(data.tasks)) {
    throw unreadable('Not an export of this app: expected {"format": "todo-app-export", "tasks": [...]}');
  }
  if (data.version !== 1)
    throw unreadable(`Export version ${String(data.version)} is not one this app reads`, "version");
  const projects = Array.isArray(data.projects) ? data.projects.filter(isObject) : [];
  const nameOf = new Map(projects.map((p) => [p.id, projectName(p.name)]));
  const problems: ImportProblem[] = [];
  const items = data.tasks.map((t: unknown, i: number): ImportItem => {
    const where = `tasks[${i}]`;
    if (!isObject(t)) throw unreadable(`${where} is not an object`, where);
    const project = t.project_id == null ? null : (nameOf.get(t.project_id) ?? null);
    if (t.project_id != null && !nameOf.has(t.project_id)) {
      problems.push({ path: where, message: "Its project is not in the export's projects: it goes to the Inbox" });
    }
    return {
      where,
      ref: t.id == null ? null : String(t.id),
      parentRef: t.parent_id == null ? null : String(t.parent_id),
      project,
      fields: {
        title: t.title,
        description: t.description,
        completed: t.completed,
        priority: t.priority,
        tags: Array.isArray(t.tags) ? cleanTags(t.tags.map(String), where, problems) : t.tags,
        due_at: t.due_at,
        remind_at: t.remind_at,
        recurrence: t.recurrence,
      },
    };
  });
  const named = projects.flatMap((p) => {
    const name = projectName(p.name);
    return name ? [{ name, ...(typeof p.color === "string" ? { color: p.color } : {}) }] : [];
  });
  return { items, projects: named, problems };
}

const VIKUNJA_NO_DATE = /^0001-01-01/;

/** Vikunja's description is HTML: its text, paragraphs and line breaks kept. */
function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h\d)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

function vikunjaRepeat(seconds: unknown, where: string, problems: ImportProblem[]): string | undefined {
  const s = Number(seconds);
  if (!Number.isFinite(s) || s <= 0) return undefined;
  const week = 7 * 86_400;
  if (s % week === 0) return `FREQ=WEEKLY;INTERVAL=${s / week}`;
  if (s % 86_400 === 0) return `FREQ=DAILY;INTERVAL=${s / 86_400}`;
  if (s % 3600 === 0) return `FREQ=HOURLY;INTERVAL=${s / 3600}`;
  problems.push({ path: where, message: `Repeat every ${s} seconds is not a rule this app keeps: left out` });
  return undefined;
}

const VIKUNJA_PRIORITY: Priority[] = ["none", "low", "medium", "high", "high", "high"];

/** Vikunja's data.json (inside its export zip): projects, each with its tasks. */
export function readVikunja(text: string): ImportSource {
  const data = parseJson(text);
  const projects = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.projects) ? data.projects : null;
  if (!projects) throw unreadable("Not a Vikunja data.json: expected a list of projects with their tasks");
  const problems: ImportProblem[] = [];
  const items: ImportItem[] = [];
  const named: { name: string; color?: string }[] = [];
  projects.forEach((p: unknown, i: number) => {
    if (!isObject(p)) throw unreadable(`projects[${i}] is not an object`, `projects[${i}]`);
    const project = projectName(p.title);
    if (project) {
      const color =
        typeof p.hex_color === "string" && /^[0-9a-f]{6}$/i.test(p.hex_color) ? `#${p.hex_color}` : undefined;
      named.push({ name: project, ...(color ? { color } : {}) });
    }
    const tasks = Array.isArray(p.tasks) ? p.tasks : [];
    tasks.forEach((t: unknown, j: number) => {
      const where = `projects[${i}].tasks[${j}]`;
      if (!isObject(t)) throw unreadable(`${where} is not an object`, where);
      const due = typeof t.due_date === "string" && !VIKUNJA_NO_DATE.test(t.due_date) ? t.due_date : null;
      const related = isObject(t.related_tasks) ? t.related_tasks : {};
      const parent =
        Array.isArray(related.parenttask) && isObject(related.parenttask[0]) ? related.parenttask[0].id : null;
      const labels = Array.isArray(t.labels)
        ? t.labels.flatMap((l) => (isObject(l) && typeof l.title === "string" ? [l.title] : []))
        : [];
      const repeat = vikunjaRepeat(t.repeat_after, where, problems);
      items.push({
        where,
        ref: t.id == null ? null : String(t.id),
        parentRef: parent == null ? null : String(parent),
        project,
        fields: {
          title: typeof t.title === "string" ? t.title : t.title,
          description: typeof t.description === "string" ? htmlText(t.description) : "",
          completed: t.done === true,
          priority: VIKUNJA_PRIORITY[Number(t.priority)] ?? "none",
          tags: cleanTags(labels, where, problems),
          due_at: due,
          ...(repeat ? { recurrence: repeat } : {}),
        },
      });
    });
  });
  return { items, projects: named, problems };
}

/** The format of a file, from its name and its first bytes; null when it cannot be told. */
export function detectFormat(text: string, fileName?: string): ImportFormat | null {
  const head = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 4096);
  if (/^BEGIN:VCALENDAR/i.test(head) || /\.ics$/i.test(fileName ?? "")) return "ics";
  if (head.startsWith("{") && head.includes('"todo-app-export"')) return "json";
  if (head.startsWith("[") || (head.startsWith("{") && /"projects"\s*:/.test(head))) return "vikunja";
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  if (/^"?TYPE"?\s*,\s*"?CONTENT"?/i.test(firstLine)) return "todoist";
  if (head.includes('"List Name"') || /\bList Name\b.*\bTitle\b/.test(head)) return "ticktick";
  return null;
}

/** Reads a file as a format: anything unexpected in it is a 422 naming the format, never a 500. */
export async function readImport(format: ImportFormat, text: string, fileName?: string): Promise<ImportSource> {
  try {
    switch (format) {
      case "json":
        return readOwnJson(text);
      case "todoist":
        return await readTodoist(text, projectName(fileName?.replace(/\.[^.]*$/, "")));
      case "ticktick":
        return await readTickTick(text);
      case "ics":
        return readIcs(text);
      case "vikunja":
        return readVikunja(text);
    }
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw unreadable(`The file could not be read as ${format}: ${(e as Error).message}`);
  }
}
