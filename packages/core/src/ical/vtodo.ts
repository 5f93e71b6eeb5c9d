// A task as an iCalendar VTODO and back (design section 14), with ical.js doing all parsing and writing.
// Modelled: SUMMARY, DESCRIPTION, STATUS/COMPLETED, PRIORITY, CATEGORIES, DUE, the first VALARM (remind_at),
// RRULE, RELATED-TO;RELTYPE=PARENT and UID. Everything else a client sent is kept (`extra`, an iCalendar text)
// and written back unchanged; so is the client's own spelling of a modelled property (`originals`) for as long
// as the task's value is still the one it produced (PRIORITY:3 stays 3 while the task is still high).
import { TZDate } from "@date-fns/tz";
import type { Priority } from "@todo/contract/enums";
import { Tag } from "@todo/contract/task";
import ICAL from "ical.js";

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Time = InstanceType<typeof ICAL.Time>;

/** A calendar object the app cannot take (not iCalendar, no VTODO): the DAV layer answers 4xx. */
export class IcalError extends Error {}

/** The modelled keys whose client spelling is kept; VALARM is a component, the others properties. */
const MODELLED = ["SUMMARY", "DESCRIPTION", "STATUS", "COMPLETED", "PRIORITY", "CATEGORIES", "DUE", "RRULE"] as const;
type Key = (typeof MODELLED)[number] | "VALARM" | "RELATED-TO";
/** Written by the app from its own fields, never kept from a client. */
const OWN = new Set(["UID", "DTSTAMP", "LAST-MODIFIED", "CREATED"]);

export type Originals = Partial<Record<Key, { jcal: unknown[]; app: string }>>;

/** What the app keeps of a VTODO. */
export interface VtodoFields {
  title: string;
  description: string;
  completed: boolean;
  priority: Priority;
  tags: string[];
  dueAt: Date | null;
  remindAt: Date | null;
  recurrence: string | null;
  /** The IANA zone of DUE's TZID, when it names one. */
  timeZone: string | null;
  /** The UID named by RELATED-TO;RELTYPE=PARENT. */
  parentUid: string | null;
}

export interface ParsedVtodo {
  uid: string;
  fields: VtodoFields;
  extra: string | null;
  /** The client's properties for each modelled key, to be paired with the app's values once written. */
  originals: Partial<Record<Key, unknown[]>>;
}

/** A task as the VTODO writer needs it. */
export interface IcalTask {
  uid: string;
  title: string;
  description: string;
  completed: boolean;
  completedAt: Date | null;
  priority: Priority;
  tags: string[];
  dueAt: Date | null;
  remindAt: Date | null;
  recurrence: string | null;
  parentUid: string | null;
  createdAt: Date;
  updatedAt: Date;
  extra: string | null;
  originals: Originals | null;
}

/** The app's value for a key, as compared with the value a client's spelling produced. */
export function appValue(key: Key, t: Omit<IcalTask, "extra" | "originals" | "uid" | "createdAt" | "updatedAt">) {
  switch (key) {
    case "SUMMARY":
      return t.title;
    case "DESCRIPTION":
      return t.description;
    case "STATUS":
    case "COMPLETED":
      return String(t.completed);
    case "PRIORITY":
      return t.priority;
    case "CATEGORIES":
      return t.tags.join(",");
    case "DUE":
      return t.dueAt?.toISOString() ?? "";
    case "RRULE":
      return t.recurrence ?? "";
    case "VALARM":
      return t.remindAt?.toISOString() ?? "";
    case "RELATED-TO":
      return t.parentUid ?? "";
  }
}

/** Pairs what a client sent for each key with the app's value it became, once the task is written. */
export function pairOriginals(
  originals: ParsedVtodo["originals"],
  task: Parameters<typeof appValue>[1],
  sent: VtodoFields,
): Originals {
  const out: Originals = {};
  for (const [key, jcal] of Object.entries(originals) as [Key, unknown[]][]) {
    // A reminder or parent the app could not take is not "the same value": the app writes its own from then on.
    if (key === "VALARM" && sent.remindAt === null) continue;
    out[key] = { jcal, app: appValue(key, task) };
  }
  return out;
}

function parseCalendar(text: string): Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (e) {
    throw new IcalError(`The body is not valid iCalendar: ${(e as Error).message}`);
  }
  if (!Array.isArray(jcal) || jcal[0] !== "vcalendar") throw new IcalError("The body is not a VCALENDAR");
  return new ICAL.Component(jcal as unknown[]);
}

const PRIORITY_FROM: (n: number) => Priority = (n) =>
  n >= 1 && n <= 4 ? "high" : n === 5 ? "medium" : n >= 6 && n <= 9 ? "low" : "none";
const PRIORITY_TO: Record<Priority, number> = { none: 0, high: 1, medium: 5, low: 9 };

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant of a DATE or DATE-TIME value: Z, TZID (VTIMEZONE in the object, else an IANA name), or floating. */
function instantOf(prop: Property, calendar: Component, fallbackZone: string): Date {
  const time = prop.getFirstValue() as Time;
  const tzid = prop.getFirstParameter("tzid");
  if (time.zone === ICAL.Timezone.utcTimezone || time.toString().endsWith("Z")) return time.toJSDate();
  const zone = tzid && validZone(tzid) ? tzid : validZone(fallbackZone) ? fallbackZone : "UTC";
  if (tzid && !validZone(tzid)) {
    const vtz = calendar.getAllSubcomponents("vtimezone").find((c) => c.getFirstPropertyValue("tzid") === tzid);
    if (vtz) {
      const copy = time.clone();
      copy.zone = new ICAL.Timezone(vtz);
      return new Date(copy.toUnixTime() * 1000);
    }
  }
  const d = new TZDate(
    time.year,
    time.month - 1,
    time.day,
    time.isDate ? 0 : time.hour,
    time.isDate ? 0 : time.minute,
    time.isDate ? 0 : time.second,
    zone,
  );
  return new Date(d.getTime());
}

/** The reminder a VALARM sets: an absolute TRIGGER, or one relative to DUE (or DTSTART with RELATED=START). */
function alarmInstant(alarm: Component, todo: Component, calendar: Component, zone: string): Date | null {
  const trigger = alarm.getFirstProperty("trigger");
  if (!trigger) return null;
  const value = trigger.getFirstValue();
  if (value instanceof ICAL.Time) return instantOf(trigger, calendar, zone);
  if (!(value instanceof ICAL.Duration)) return null;
  const relatedEnd = trigger.getFirstParameter("related")?.toUpperCase() === "END";
  const anchorProp = (relatedEnd ? null : todo.getFirstProperty("dtstart")) ?? todo.getFirstProperty("due");
  if (!anchorProp) return null;
  return new Date(instantOf(anchorProp, calendar, zone).getTime() + value.toSeconds() * 1000);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : value == null ? "" : String(value);
}

/** Reads a client's calendar object. Throws IcalError when it holds no VTODO. */
export function parseVtodo(body: string, defaultZone = "UTC"): ParsedVtodo {
  const calendar = parseCalendar(body);
  const todos = calendar.getAllSubcomponents("vtodo");
  const todo = todos.find((t) => !t.hasProperty("recurrence-id")) ?? todos[0];
  if (!todo) throw new IcalError("The calendar object holds no VTODO (this calendar takes tasks only)");
  if (calendar.getAllSubcomponents("vevent").length > 0) throw new IcalError("This calendar takes VTODO only");
  const uid = text(todo.getFirstPropertyValue("uid")).trim();
  if (!uid) throw new IcalError("The VTODO has no UID");

  const originals: ParsedVtodo["originals"] = {};
  const keep = (key: Key, props: (Property | Component)[]) => {
    if (props.length > 0) originals[key] = props.map((p) => p.toJSON());
  };
  for (const key of MODELLED) keep(key, todo.getAllProperties(key.toLowerCase()));

  const dueProp = todo.getFirstProperty("due");
  const tzid = dueProp?.getFirstParameter("tzid");
  const timeZone = tzid && validZone(tzid) ? tzid : null;
  const zone = timeZone ?? defaultZone;
  const dueAt = dueProp ? instantOf(dueProp, calendar, zone) : null;

  let remindAt: Date | null = null;
  let alarm: Component | undefined;
  for (const a of todo.getAllSubcomponents("valarm")) {
    const at = alarmInstant(a, todo, calendar, zone);
    if (at && (!dueAt || at.getTime() <= dueAt.getTime())) {
      remindAt = at;
      alarm = a;
      break;
    }
  }
  if (alarm) keep("VALARM", [alarm]);

  const parentProp = todo
    .getAllProperties("related-to")
    .find((p) => (p.getFirstParameter("reltype") ?? "PARENT").toUpperCase() === "PARENT");
  if (parentProp) keep("RELATED-TO", [parentProp]);

  const categories = todo.getAllProperties("categories").flatMap((p) => p.getValues().map(text));
  const tags = [
    ...new Set(
      categories.flatMap((c) => {
        const r = Tag.safeParse(c.replace(/\s+/g, "-"));
        return r.success ? [r.data] : [];
      }),
    ),
  ].slice(0, 20);

  const status = text(todo.getFirstPropertyValue("status")).toUpperCase();
  const rrule = todo.getFirstPropertyValue("rrule");
  const priority = Number(todo.getFirstPropertyValue("priority") ?? 0);

  // The rest: unmodelled properties and components, other VTODOs (overridden occurrences) and the time zones.
  const rest = new ICAL.Component("vtodo");
  for (const p of todo.getAllProperties()) {
    const name = p.name.toUpperCase();
    if (OWN.has(name) || (MODELLED as readonly string[]).includes(name) || p === parentProp) continue;
    rest.addProperty(ICAL.Property.fromString(p.toICALString()));
  }
  for (const c of todo.getAllSubcomponents()) if (c !== alarm) rest.addSubcomponent(new ICAL.Component(c.toJSON()));
  const extraCal = new ICAL.Component("vcalendar");
  for (const c of calendar.getAllSubcomponents()) {
    if (c.name === "vtimezone" || (c.name === "vtodo" && c !== todo)) {
      extraCal.addSubcomponent(new ICAL.Component(c.toJSON()));
    }
  }
  const hasRest = rest.getAllProperties().length > 0 || rest.getAllSubcomponents().length > 0;
  if (hasRest) extraCal.addSubcomponent(rest);

  const title = text(todo.getFirstPropertyValue("summary")).trim().slice(0, 200);
  return {
    uid,
    fields: {
      title: title || "(no title)",
      description: text(todo.getFirstPropertyValue("description")),
      completed: status ? status === "COMPLETED" : todo.hasProperty("completed"),
      priority: Number.isFinite(priority) ? PRIORITY_FROM(priority) : "none",
      tags,
      dueAt,
      remindAt,
      recurrence: rrule instanceof ICAL.Recur ? rrule.toString() : null,
      timeZone,
      parentUid: parentProp ? text(parentProp.getFirstValue()).trim() || null : null,
    },
    extra: extraCal.getAllSubcomponents().length > 0 ? extraCal.toString() : null,
    originals,
  };
}

function utc(date: Date): Time {
  return ICAL.Time.fromJSDate(date, true);
}

/** The VCALENDAR text of a task. */
export function taskToIcal(t: IcalTask): string {
  const calendar = new ICAL.Component("vcalendar");
  calendar.addPropertyWithValue("version", "2.0");
  calendar.addPropertyWithValue("prodid", "-//todo-app//CalDAV//EN");
  let rest: Component | undefined;
  if (t.extra) {
    try {
      const extra = parseCalendar(t.extra);
      // Copies: adding a component to another parent takes it out of this list while it is being walked.
      for (const c of [...extra.getAllSubcomponents()].map((x) => new ICAL.Component(x.toJSON()))) {
        if (c.name === "vtodo" && !c.hasProperty("recurrence-id") && !rest) rest = c;
        else calendar.addSubcomponent(c);
      }
    } catch {
      rest = undefined; // never fails: extra was written by parseVtodo
    }
  }
  const todo = new ICAL.Component("vtodo");
  todo.addPropertyWithValue("uid", t.uid);
  todo.addPropertyWithValue("dtstamp", utc(t.updatedAt));
  todo.addPropertyWithValue("created", utc(t.createdAt));
  todo.addPropertyWithValue("last-modified", utc(t.updatedAt));

  const original = (key: Key) => {
    const o = t.originals?.[key];
    return o && o.app === appValue(key, t) ? o.jcal : null;
  };
  const put = (key: Key, make: () => void) => {
    const kept = original(key);
    if (kept) for (const p of kept) todo.addProperty(new ICAL.Property(p as unknown[]));
    else make();
  };
  put("SUMMARY", () => todo.addPropertyWithValue("summary", t.title));
  put("DESCRIPTION", () => {
    if (t.description) todo.addPropertyWithValue("description", t.description);
  });
  put("STATUS", () => todo.addPropertyWithValue("status", t.completed ? "COMPLETED" : "NEEDS-ACTION"));
  put("COMPLETED", () => {
    if (t.completed) todo.addPropertyWithValue("completed", utc(t.completedAt ?? t.updatedAt));
  });
  put("PRIORITY", () => {
    if (t.priority !== "none") todo.addPropertyWithValue("priority", PRIORITY_TO[t.priority]);
  });
  put("CATEGORIES", () => {
    if (t.tags.length > 0) {
      const p = new ICAL.Property("categories");
      p.setValues(t.tags);
      todo.addProperty(p);
    }
  });
  put("DUE", () => {
    if (t.dueAt) todo.addPropertyWithValue("due", utc(t.dueAt));
  });
  put("RRULE", () => {
    if (t.recurrence) todo.addPropertyWithValue("rrule", ICAL.Recur.fromString(t.recurrence));
  });
  put("RELATED-TO", () => {
    if (t.parentUid) {
      const p = todo.addPropertyWithValue("related-to", t.parentUid);
      p.setParameter("reltype", "PARENT");
    }
  });
  if (rest) {
    for (const p of rest.getAllProperties()) todo.addProperty(ICAL.Property.fromString(p.toICALString()));
  }
  const alarm = original("VALARM");
  if (alarm) todo.addSubcomponent(new ICAL.Component(alarm[0] as unknown[]));
  else if (t.remindAt) {
    const a = new ICAL.Component("valarm");
    a.addPropertyWithValue("action", "DISPLAY");
    a.addPropertyWithValue("description", t.title);
    a.addPropertyWithValue("trigger", utc(t.remindAt)).setParameter("value", "DATE-TIME");
    todo.addSubcomponent(a);
  }
  if (rest) for (const c of [...rest.getAllSubcomponents()]) todo.addSubcomponent(new ICAL.Component(c.toJSON()));
  calendar.addSubcomponent(todo);
  return calendar.toString();
}

/** The values of each property of an object's VTODO, by upper-case name (for calendar-query filters). */
export function vtodoProperties(ics: string): Map<string, string[]> | null {
  const todo = parseCalendar(ics).getFirstSubcomponent("vtodo");
  if (!todo) return null;
  const out = new Map<string, string[]>();
  for (const p of todo.getAllProperties()) {
    const name = p.name.toUpperCase();
    out.set(name, [...(out.get(name) ?? []), ...p.getValues().map((v) => String(v))]);
  }
  return out;
}
