// CalDAV server (RFC 4791 tasks, RFC 6578 sync, RFC 6764 discovery) at /dav/, found through /.well-known/caldav.
// The WebDAV layer is this file on Hono (decision 022): the few methods and properties CalDAV clients use, XML
// through fast-xml-parser (xml.ts), iCalendar through ical.js (core/ical). What a calendar holds, who may write it
// and every change are core's (core/ical/caldav.service.ts over the task service).
//
//   /dav/                                    root: current-user-principal
//   /dav/principals/<user id>/               principal: calendar-home-set
//   /dav/calendars/<user id>/                calendar home: one calendar per project the user is in, and "inbox"
//   /dav/calendars/<user id>/<calendar>/     a calendar (VTODO only)
//   /dav/calendars/<user id>/<calendar>/<name>.ics   a task
import { AppError, ForbiddenError, NotFoundError, UnauthorizedError } from "@todo/contract/errors";
import { verifyApiKey } from "@todo/core/auth/api-keys.service";
import type { Database } from "@todo/core/db/client";
import { users } from "@todo/core/db/schema";
import {
  assertWritable,
  createDavCalendar,
  type DavCalendar,
  type DavObject,
  davCalendar,
  davCalendars,
  davChangesSince,
  davObjectsOf,
  davSyncSeq,
  deleteDavObject,
  IcalError,
  PreconditionError,
  putDavObject,
} from "@todo/core/ical/caldav.service";
import { vtodoProperties } from "@todo/core/ical/vtodo";
import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "../http/context";
import { BadXmlError, buildXml, child, children, el, NS, type Out, parseXml, type XmlElement } from "./xml";

const { dav: D, caldav: C, cs: CS, ical: X } = NS;
const SYNC_PREFIX = "http://todo-app.invalid/sync/";
const METHODS = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT, MKCALENDAR";

interface DavUser {
  id: string;
  email: string;
  name: string;
}

type Resource =
  | { kind: "root" }
  | { kind: "principal" }
  | { kind: "home" }
  | { kind: "calendar"; segment: string; calendar: DavCalendar }
  | { kind: "object"; segment: string; calendar: DavCalendar; object: DavObject };

class DavError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly condition?: Out,
  ) {
    super(message);
  }
}

const enc = encodeURIComponent;
const principalHref = (u: DavUser) => `/dav/principals/${enc(u.id)}/`;
const homeHref = (u: DavUser) => `/dav/calendars/${enc(u.id)}/`;
const calendarHref = (u: DavUser, segment: string) => `${homeHref(u)}${enc(segment)}/`;

/** HTTP Basic: the account's email and one of its API keys (any scope). */
async function authenticate(db: Database, header: string | undefined): Promise<DavUser | null> {
  const match = header ? /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const email = decoded.slice(0, colon).trim().toLowerCase();
  const found = await verifyApiKey(db, decoded.slice(colon + 1));
  if (!found) return null;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, found.userId));
  return user && user.email.toLowerCase() === email ? user : null;
}

function segmentsOf(path: string): string[] {
  const rest = path.replace(/^\/dav\/?/, "");
  try {
    return rest
      .split("/")
      .filter((s) => s !== "")
      .map((s) => decodeURIComponent(s));
  } catch {
    throw new DavError(400, "The path is not valid percent-encoding");
  }
}

function validName(name: string): boolean {
  if (name.length === 0 || name.length > 255 || name === "." || name === "..") return false;
  return ![...name].some((ch) => ch === "/" || ch === "\\" || ch.charCodeAt(0) < 0x20);
}

/** What the path names; throws 404 for anything the user cannot see (other users' paths included). */
async function resolve(
  db: Database,
  user: DavUser,
  segs: string[],
): Promise<
  | Resource
  | { kind: "new"; calendar: DavCalendar; segment: string; name: string }
  | { kind: "missing-calendar"; segment: string }
> {
  if (segs.length === 0) return { kind: "root" };
  const [area, owner, segment, name, ...more] = segs;
  if (owner !== undefined && owner !== user.id) throw new DavError(404, "Not found");
  if (area === "principals" && segs.length === 2) return { kind: "principal" };
  if (area !== "calendars" || owner === undefined || more.length > 0) throw new DavError(404, "Not found");
  if (segment === undefined) return { kind: "home" };
  const calendar = await davCalendar(db, user.id, segment);
  if (!calendar) {
    if (name === undefined) return { kind: "missing-calendar", segment };
    throw new DavError(404, "No such calendar");
  }
  if (name === undefined) return { kind: "calendar", segment, calendar };
  if (!validName(name)) throw new DavError(400, "The object name is not valid");
  const [object] = await davObjectsOf(db, user.id, calendar.id, { names: [name] });
  return object ? { kind: "object", segment, calendar, object } : { kind: "new", calendar, segment, name };
}

const key = (ns: string, name: string) => `${ns} ${name}`;

function privileges(calendar: DavCalendar): Out[] {
  const names = calendar.role === "viewer" ? ["read"] : ["read", "write", "write-content", "bind", "unbind"];
  return names.map((n) => el(D, "privilege", [el(D, n)]));
}

/** The properties of a resource this server knows, by "namespace name". */
async function propsOf(db: Database, user: DavUser, r: Resource): Promise<Map<string, Out[] | string>> {
  const props = new Map<string, Out[] | string>();
  props.set(key(D, "current-user-principal"), [el(D, "href", principalHref(user))]);
  props.set(key(D, "principal-URL"), [el(D, "href", principalHref(user))]);
  switch (r.kind) {
    case "root":
      props.set(key(D, "resourcetype"), [el(D, "collection")]);
      props.set(key(D, "displayname"), "todo-app");
      break;
    case "principal":
      props.set(key(D, "resourcetype"), [el(D, "principal"), el(D, "collection")]);
      props.set(key(D, "displayname"), user.name);
      props.set(key(C, "calendar-home-set"), [el(D, "href", homeHref(user))]);
      props.set(key(C, "calendar-user-address-set"), [el(D, "href", `mailto:${user.email}`)]);
      break;
    case "home":
      props.set(key(D, "resourcetype"), [el(D, "collection")]);
      props.set(key(D, "displayname"), "Tasks");
      props.set(key(D, "owner"), [el(D, "href", principalHref(user))]);
      break;
    case "calendar": {
      const seq = await davSyncSeq(db, user.id, r.calendar.id);
      props.set(key(D, "resourcetype"), [el(D, "collection"), el(C, "calendar")]);
      props.set(key(D, "displayname"), r.calendar.name);
      props.set(key(D, "owner"), [el(D, "href", principalHref(user))]);
      props.set(key(C, "calendar-description"), r.calendar.id === "inbox" ? "Inbox" : `Project ${r.calendar.name}`);
      props.set(key(C, "supported-calendar-component-set"), [{ ns: C, name: "comp", attrs: { name: "VTODO" } }]);
      props.set(key(C, "supported-calendar-data"), [
        { ns: C, name: "calendar-data", attrs: { "content-type": "text/calendar", version: "2.0" } },
      ]);
      props.set(
        key(D, "supported-report-set"),
        ["calendar-query", "calendar-multiget"]
          .map((n) => el(D, "supported-report", [el(D, "report", [el(C, n)])]))
          .concat(el(D, "supported-report", [el(D, "report", [el(D, "sync-collection")])])),
      );
      props.set(key(D, "current-user-privilege-set"), privileges(r.calendar));
      props.set(key(D, "sync-token"), `${SYNC_PREFIX}${seq}`);
      props.set(key(CS, "getctag"), String(seq));
      props.set(key(X, "calendar-color"), `${r.calendar.color}ff`);
      break;
    }
    case "object":
      props.set(key(D, "resourcetype"), []);
      props.set(key(D, "getetag"), r.object.etag);
      props.set(key(D, "getcontenttype"), "text/calendar; charset=utf-8; component=VTODO");
      props.set(key(D, "getcontentlength"), String(Buffer.byteLength(r.object.ics)));
      props.set(key(C, "calendar-data"), r.object.ics);
      props.set(key(D, "current-user-privilege-set"), privileges(r.calendar));
      break;
  }
  return props;
}

/** One d:response: the wanted properties found (200) and not found (404); all of them when none are named. */
function response(href: string, props: Map<string, Out[] | string>, wanted: XmlElement[] | null): Out {
  const found: Out[] = [];
  const missing: Out[] = [];
  if (wanted === null) {
    for (const [k, v] of props) {
      if (k === key(C, "calendar-data")) continue;
      const [ns, name] = k.split(" ") as [string, string];
      found.push(el(ns, name, v));
    }
  } else {
    for (const w of wanted) {
      const v = props.get(key(w.ns, w.name));
      if (v === undefined) missing.push(el(w.ns, w.name));
      else found.push(el(w.ns, w.name, v));
    }
  }
  const propstat = (list: Out[], status: string) =>
    el(D, "propstat", [el(D, "prop", list), el(D, "status", `HTTP/1.1 ${status}`)]);
  return el(D, "response", [
    el(D, "href", href),
    ...(found.length > 0 ? [propstat(found, "200 OK")] : []),
    ...(missing.length > 0 ? [propstat(missing, "404 Not Found")] : []),
  ]);
}

function multistatus(c: Context, responses: Out[], extra: Out[] = []) {
  return c.body(buildXml(el(D, "multistatus", [...responses, ...extra])), 207, {
    "content-type": "application/xml; charset=utf-8",
  });
}

/** The property names a PROPFIND or REPORT asks for; null for allprop (or no body). */
function wantedProps(root: XmlElement | null): XmlElement[] | null {
  const prop = child(root, D, "prop");
  return prop ? prop.children : null;
}

async function propfind(c: Context, db: Database, user: DavUser, r: Resource, path: string, body: string) {
  const root = parseXml(body);
  if (root && !(root.ns === D && root.name === "propfind")) throw new DavError(400, "Expected a DAV:propfind body");
  const wanted = wantedProps(root);
  const depth = c.req.header("depth") ?? "1";
  const self =
    r.kind === "calendar"
      ? calendarHref(user, r.segment)
      : path.endsWith("/") || r.kind === "object"
        ? path
        : `${path}/`;
  const out = [response(r.kind === "object" ? path : self, await propsOf(db, user, r), wanted)];
  if (depth !== "0") {
    if (r.kind === "home") {
      for (const calendar of await davCalendars(db, user.id)) {
        const cr: Resource = { kind: "calendar", segment: calendar.id, calendar };
        out.push(response(calendarHref(user, calendar.id), await propsOf(db, user, cr), wanted));
      }
    } else if (r.kind === "calendar") {
      for (const object of await davObjectsOf(db, user.id, r.calendar.id)) {
        const or: Resource = { kind: "object", segment: r.segment, calendar: r.calendar, object };
        out.push(response(`${self}${enc(object.name)}`, await propsOf(db, user, or), wanted));
      }
    } else if (r.kind === "root") {
      out.push(response(principalHref(user), await propsOf(db, user, { kind: "principal" }), wanted));
      out.push(response(homeHref(user), await propsOf(db, user, { kind: "home" }), wanted));
    }
  }
  return multistatus(c, out);
}

/** Does a calendar-query filter keep this object? comp-filter VCALENDAR > VTODO, prop-filters with
 * is-not-defined and text-match (negate-condition); time ranges are not narrowed (a superset is returned). */
function keeps(filter: XmlElement | undefined, ics: string): boolean {
  const calendarFilter = child(filter, C, "comp-filter");
  if (!calendarFilter) return true;
  if (calendarFilter.attrs.name?.toUpperCase() !== "VCALENDAR") return false;
  const inner = children(calendarFilter, C, "comp-filter");
  if (inner.length === 0) return true;
  const todoFilter = inner.find((f) => f.attrs.name?.toUpperCase() === "VTODO");
  if (!todoFilter) return false;
  if (child(todoFilter, C, "is-not-defined")) return false;
  const todo = vtodoProperties(ics);
  if (!todo) return false;
  for (const pf of children(todoFilter, C, "prop-filter")) {
    const props = todo.get((pf.attrs.name ?? "").toUpperCase()) ?? [];
    if (child(pf, C, "is-not-defined")) {
      if (props.length > 0) return false;
      continue;
    }
    const tm = child(pf, C, "text-match");
    if (tm) {
      const needle = tm.text.toLowerCase();
      const hit = props.some((v) => v.toLowerCase().includes(needle));
      if (hit === (tm.attrs["negate-condition"] === "yes")) return false;
      continue;
    }
    if (props.length === 0) return false;
  }
  return true;
}

function objectHrefIn(user: DavUser, segment: string, href: string): string | null {
  let path = href.trim();
  try {
    if (/^https?:\/\//i.test(path)) path = new URL(path).pathname;
    const base = calendarHref(user, segment);
    const decodedBase = decodeURIComponent(base);
    const decoded = decodeURIComponent(path);
    if (!decoded.startsWith(decodedBase)) return null;
    const name = decoded.slice(decodedBase.length);
    return validName(name) ? name : null;
  } catch {
    return null;
  }
}

async function report(c: Context, db: Database, user: DavUser, r: Resource, body: string) {
  const root = parseXml(body);
  if (!root) throw new DavError(400, "REPORT needs a body");
  if (r.kind !== "calendar") throw new DavError(403, "Reports run on a calendar", el(D, "supported-report"));
  const base = calendarHref(user, r.segment);
  const wanted = wantedProps(root);
  const objectResponse = async (object: DavObject) =>
    response(
      `${base}${enc(object.name)}`,
      await propsOf(db, user, { kind: "object", segment: r.segment, calendar: r.calendar, object }),
      wanted ?? [el(D, "getetag") as XmlElement],
    );
  if (root.ns === C && root.name === "calendar-multiget") {
    const hrefs = children(root, D, "href").map((h) => h.text.trim());
    const names = new Map<string, string>();
    for (const href of hrefs) {
      const name = objectHrefIn(user, r.segment, href);
      if (name) names.set(name, href);
    }
    const objects = await davObjectsOf(db, user.id, r.calendar.id, { names: [...names.keys()] });
    const found = new Set(objects.map((o) => o.name));
    const out = await Promise.all(objects.map(objectResponse));
    for (const href of hrefs) {
      const name = objectHrefIn(user, r.segment, href);
      if (!name || !found.has(name)) {
        out.push(el(D, "response", [el(D, "href", href), el(D, "status", "HTTP/1.1 404 Not Found")]));
      }
    }
    return multistatus(c, out);
  }
  if (root.ns === C && root.name === "calendar-query") {
    const filter = child(root, C, "filter");
    const objects = (await davObjectsOf(db, user.id, r.calendar.id)).filter((o) => keeps(filter, o.ics));
    return multistatus(c, await Promise.all(objects.map(objectResponse)));
  }
  if (root.ns === D && root.name === "sync-collection") {
    const token = child(root, D, "sync-token")?.text.trim() ?? "";
    let since = 0;
    if (token !== "") {
      const n = token.startsWith(SYNC_PREFIX) ? Number(token.slice(SYNC_PREFIX.length)) : Number.NaN;
      const current = await davSyncSeq(db, user.id, r.calendar.id);
      if (!Number.isSafeInteger(n) || n < 0 || n > current) {
        throw new DavError(403, "The sync token is not valid; start over with an empty one", el(D, "valid-sync-token"));
      }
      since = n;
    }
    const changes = await davChangesSince(db, user.id, r.calendar.id, since);
    const out = await Promise.all(changes.changed.map(objectResponse));
    if (since > 0) {
      for (const name of changes.removed) {
        out.push(el(D, "response", [el(D, "href", `${base}${enc(name)}`), el(D, "status", "HTTP/1.1 404 Not Found")]));
      }
    }
    return multistatus(c, out, [el(D, "sync-token", `${SYNC_PREFIX}${changes.seq}`)]);
  }
  throw new DavError(403, `The ${root.name} report is not supported`, el(D, "supported-report"));
}

function conditions(c: Context) {
  const ifMatch = c.req.header("if-match");
  const ifNoneMatch = c.req.header("if-none-match");
  return { ...(ifMatch ? { ifMatch } : {}), ...(ifNoneMatch ? { ifNoneMatch } : {}) };
}

function errorXml(c: Context, status: number, message: string, condition?: Out) {
  const body = buildXml(el(D, "error", [...(condition ? [condition] : []), el(D, "responsedescription", message)]));
  return c.body(body, status as 400, { "content-type": "application/xml; charset=utf-8" });
}

export function davRoutes({ database, config }: AppDeps) {
  const db = database.db;
  const app = new Hono<AppEnv>();
  const tooLarge = (c: Context) => errorXml(c, 413, `Request body is larger than ${config.maxBodyBytes} bytes`);
  // Only on CalDAV paths: this router is mounted at "/", and "*" would wrap every request of the app.
  const limit = bodyLimit({ maxSize: config.maxBodyBytes, onError: tooLarge });
  app.use("/dav", limit);
  app.use("/dav/*", limit);

  app.all("/.well-known/caldav", (c) => c.redirect("/dav/", 301));
  app.all("/.well-known/caldav/", (c) => c.redirect("/dav/", 301));

  const handle = async (c: Context<AppEnv>) => {
    const method = c.req.method.toUpperCase();
    const headers = { DAV: "1, 3, calendar-access, extended-mkcol", Allow: METHODS };
    if (method === "OPTIONS") return c.body(null, 200, headers);
    try {
      const user = await authenticate(db, c.req.header("authorization"));
      if (!user) throw new UnauthorizedError("Sign in with your account email and a personal API key");
      const path = c.req.path;
      const segs = segmentsOf(path);
      const body = ["PROPFIND", "REPORT", "PUT", "MKCALENDAR", "PROPPATCH"].includes(method) ? await c.req.text() : "";
      const r = await resolve(db, user, segs);
      c.header("DAV", headers.DAV);
      switch (method) {
        case "PROPFIND":
          if (r.kind === "new" || r.kind === "missing-calendar") throw new DavError(404, "Not found");
          return await propfind(c, db, user, r, path, body);
        case "REPORT":
          if (r.kind === "new" || r.kind === "missing-calendar") throw new DavError(404, "Not found");
          return await report(c, db, user, r, body);
        case "GET":
        case "HEAD":
          if (r.kind !== "object") {
            if (r.kind === "new" || r.kind === "missing-calendar") throw new DavError(404, "Not found");
            return c.text("todo-app CalDAV: use a CalDAV client with this URL\n", 200);
          }
          c.header("content-type", "text/calendar; charset=utf-8");
          c.header("etag", r.object.etag);
          return method === "HEAD" ? c.body(null, 200) : c.body(r.object.ics, 200);
        case "PUT": {
          if (r.kind !== "object" && r.kind !== "new") throw new DavError(405, "PUT goes to a calendar object");
          assertWritable(r.calendar);
          const name = r.kind === "object" ? r.object.name : r.name;
          const result = await putDavObject(db, user.id, r.calendar, name, body, conditions(c));
          return c.body(null, result.created ? 201 : 204, { etag: result.etag });
        }
        case "DELETE":
          if (r.kind === "calendar") throw new ForbiddenError("Delete projects in the app, not from a CalDAV client");
          if (r.kind !== "object") throw new DavError(404, "Not found");
          assertWritable(r.calendar);
          await deleteDavObject(db, user.id, r.calendar, r.object.name, conditions(c));
          return c.body(null, 204);
        case "MKCALENDAR": {
          if (r.kind !== "missing-calendar") throw new DavError(405, "A resource exists at this URL");
          const root = parseXml(body);
          const prop = child(child(root, D, "set"), D, "prop");
          const comps = children(child(prop, C, "supported-calendar-component-set"), C, "comp");
          if (comps.length > 0 && !comps.some((x) => x.attrs.name?.toUpperCase() === "VTODO")) {
            throw new DavError(403, "Calendars here hold tasks (VTODO) only", el(C, "supported-calendar-component"));
          }
          await createDavCalendar(
            db,
            user.id,
            r.segment,
            child(prop, D, "displayname")?.text,
            child(prop, X, "calendar-color")?.text,
          );
          return c.body(null, 201);
        }
        case "PROPPATCH": {
          if (r.kind === "new" || r.kind === "missing-calendar") throw new DavError(404, "Not found");
          const root = parseXml(body);
          const names = [...children(root, D, "set"), ...children(root, D, "remove")].flatMap(
            (s) => child(s, D, "prop")?.children ?? [],
          );
          const href = r.kind === "calendar" ? calendarHref(user, r.segment) : path;
          return multistatus(c, [
            el(D, "response", [
              el(D, "href", href),
              el(D, "propstat", [
                el(
                  D,
                  "prop",
                  names.map((n) => el(n.ns, n.name)),
                ),
                el(D, "status", "HTTP/1.1 403 Forbidden"),
              ]),
              el(D, "responsedescription", "Change names and colours in the app"),
            ]),
          ]);
        }
        default:
          throw new DavError(405, `${method} is not supported here`);
      }
    } catch (err) {
      if (err instanceof UnauthorizedError) {
        return c.body(err.message, 401, { "www-authenticate": 'Basic realm="todo-app", charset="UTF-8"' });
      }
      if (err instanceof DavError) return errorXml(c, err.status, err.message, err.condition);
      if (err instanceof BadXmlError) return errorXml(c, 400, err.message);
      if (err instanceof IcalError) return errorXml(c, 400, err.message, el(C, "valid-calendar-data"));
      if (err instanceof PreconditionError) {
        return errorXml(c, err.status, err.message, err.condition ? el(C, err.condition) : undefined);
      }
      if (err instanceof NotFoundError) return errorXml(c, 404, err.message);
      if (err instanceof ForbiddenError) return errorXml(c, 403, err.message, el(D, "need-privileges"));
      if (err instanceof AppError) {
        return errorXml(c, 403, err.message, el(C, "valid-calendar-object-resource"));
      }
      throw err;
    }
  };
  app.all("/dav", handle);
  app.all("/dav/*", handle);
  return app;
}
