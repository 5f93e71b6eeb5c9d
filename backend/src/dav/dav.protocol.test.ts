// The CalDAV server over real HTTP requests: discovery, auth, preconditions, reports, the task fields a client
// writes (subtasks, reminders, recurrence), and bad input answered with a 4xx, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";

describe.each(databaseKinds)("on %s", (kind) => {
  let b: TestBackend;
  let user: TestUser & { key: string };
  let auth: Record<string, string>;
  let inbox: string;

  beforeAll(async () => {
    b = await createTestBackend(kind, { MAX_BODY_BYTES: "20000" });
    const u = await b.signUp("Proto");
    const key = await b.request("POST", "/api/keys", { headers: u.headers, body: { name: "dav", scope: "caldav" } });
    user = { ...u, key: key.json.key };
    auth = { authorization: `Basic ${Buffer.from(`${u.email}:${user.key}`).toString("base64")}` };
    inbox = `/dav/calendars/${u.id}/inbox/`;
  });
  afterAll(() => b.close());

  const vtodo = (uid: string, lines: string[] = []) =>
    [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//proto test//EN",
      "BEGIN:VTODO",
      `UID:${uid}`,
      "DTSTAMP:20261201T090000Z",
      ...(lines.some((l) => l.startsWith("SUMMARY")) ? [] : [`SUMMARY:${uid}`]),
      ...lines,
      "END:VTODO",
      "END:VCALENDAR",
      "",
    ].join("\r\n");

  const dav = (method: string, path: string, raw?: string, headers: Record<string, string> = {}) =>
    b.request(method, path, { headers: { ...auth, ...headers }, ...(raw !== undefined ? { raw } : {}) });

  async function appTask(title: string) {
    const res = await b.request("GET", `/api/tasks?q=${encodeURIComponent(title)}&limit=50`, { headers: user.headers });
    return res.json.tasks.filter((t: { title: string }) => t.title === title);
  }

  describe("discovery and auth", () => {
    it("answers OPTIONS without credentials and asks for Basic on everything else", async () => {
      const options = await b.request("OPTIONS", "/dav/");
      expect(options.status).toBe(200);
      expect(options.headers.get("dav")).toContain("calendar-access");
      const none = await b.request("PROPFIND", "/dav/");
      expect(none.status).toBe(401);
      expect(none.headers.get("www-authenticate")).toMatch(/^Basic /);
      const wrong = await b.request("PROPFIND", "/dav/", {
        headers: { authorization: `Basic ${Buffer.from(`${user.email}:tdo_nope`).toString("base64")}` },
      });
      expect(wrong.status).toBe(401);
    });

    it("redirects /.well-known/caldav to /dav/, whose principal names the calendar home", async () => {
      const wk = await b.request("PROPFIND", "/.well-known/caldav", { headers: auth });
      expect(wk.status).toBe(301);
      expect(wk.headers.get("location")).toBe("/dav/");
      const root = await dav(
        "PROPFIND",
        "/dav/",
        '<?xml version="1.0"?><propfind xmlns="DAV:"><prop><current-user-principal/></prop></propfind>',
        { depth: "0" },
      );
      expect(root.status).toBe(207);
      expect(root.text).toContain(`/dav/principals/${user.id}/`);
      const principal = await dav(
        "PROPFIND",
        `/dav/principals/${user.id}/`,
        '<A:propfind xmlns:A="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><A:prop><C:calendar-home-set/><A:foo/></A:prop></A:propfind>',
        { depth: "0" },
      );
      expect(principal.text).toContain(`/dav/calendars/${user.id}/`);
      expect(principal.text).toMatch(/404 Not Found/);
    });

    it("describes a calendar: VTODO only, ctag and sync token that move with every change in the app", async () => {
      const body =
        '<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/"><d:prop><d:resourcetype/><c:supported-calendar-component-set/><cs:getctag/><d:sync-token/></d:prop></d:propfind>';
      const before = await dav("PROPFIND", inbox, body, { depth: "0" });
      expect(before.status).toBe(207);
      expect(before.text).toMatch(/<c:comp name="VTODO"\/>/);
      expect(before.text).toMatch(/<c:calendar\/>/);
      const ctag = (t: string) => /<cs:getctag>([^<]*)</.exec(t)?.[1];
      await b.request("POST", "/api/tasks", { headers: user.headers, body: { title: "moves the ctag" } });
      const after = await dav("PROPFIND", inbox, body, { depth: "0" });
      expect(ctag(after.text)).not.toBe(ctag(before.text));
    });
  });

  describe("writes", () => {
    it("honours If-None-Match and If-Match, and GET returns the ETag PUT gave", async () => {
      const path = `${inbox}pre.ics`;
      const created = await dav("PUT", path, vtodo("pre"), { "if-none-match": "*" });
      expect(created.status).toBe(201);
      const etag = created.headers.get("etag");
      expect(etag).toMatch(/^".+"$/);
      expect((await dav("PUT", path, vtodo("pre"), { "if-none-match": "*" })).status).toBe(412);
      expect((await dav("PUT", path, vtodo("pre", ["SUMMARY:changed"]), { "if-match": '"stale"' })).status).toBe(412);
      const got = await dav("GET", path);
      expect(got.headers.get("etag")).toBe(etag);
      expect(got.text).toContain("UID:pre");
      const updated = await dav("PUT", path, vtodo("pre", ["SUMMARY:changed"]), { "if-match": etag! });
      expect(updated.status).toBe(204);
      expect(updated.headers.get("etag")).not.toBe(etag);
      expect(await appTask("changed")).toHaveLength(1);
      // The same UID under another name is a conflict, not a second task.
      expect((await dav("PUT", `${inbox}other.ics`, vtodo("pre"))).status).toBe(403);
      expect((await dav("DELETE", path, undefined, { "if-match": '"stale"' })).status).toBe(412);
      expect((await dav("DELETE", path)).status).toBe(204);
      expect((await dav("GET", path)).status).toBe(404);
    });

    it("makes a subtask from RELATED-TO, a reminder from VALARM and a recurrence from RRULE", async () => {
      expect((await dav("PUT", `${inbox}parent.ics`, vtodo("parent-1", ["SUMMARY:Plan trip"]))).status).toBe(201);
      const child = vtodo("child-1", [
        "SUMMARY:Book hotel",
        "DUE:20261220T170000Z",
        "RRULE:FREQ=WEEKLY",
        "RELATED-TO:parent-1",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER;RELATED=END:-PT1H",
        "END:VALARM",
      ]);
      expect((await dav("PUT", `${inbox}child.ics`, child)).status).toBe(201);
      const [parent] = await appTask("Plan trip");
      const [sub] = await appTask("Book hotel");
      expect(sub).toMatchObject({
        parent_id: parent.id,
        due_at: "2026-12-20T17:00:00.000Z",
        remind_at: "2026-12-20T16:00:00.000Z",
      });
      expect(sub.recurrence).toMatch(/^FREQ=WEEKLY/);
      const got = await dav("GET", `${inbox}child.ics`);
      expect(got.text).toContain("RELATED-TO:parent-1");
      expect(got.text).toContain("TRIGGER;RELATED=END:-PT1H");
    });

    it("completing a recurring task from a client makes the same next occurrence as the app does", async () => {
      const lines = ["SUMMARY:Water plants", "DUE:20261207T080000Z", "RRULE:FREQ=WEEKLY;BYDAY=MO"];
      expect((await dav("PUT", `${inbox}water.ics`, vtodo("water", lines))).status).toBe(201);
      expect((await dav("PUT", `${inbox}water.ics`, vtodo("water", [...lines, "STATUS:COMPLETED"]))).status).toBe(204);
      const viaDav = await appTask("Water plants");
      const appMade = await b.request("POST", "/api/tasks", {
        headers: user.headers,
        body: { title: "Water plants (app)", due_at: "2026-12-07T08:00:00Z", recurrence: "FREQ=WEEKLY;BYDAY=MO" },
      });
      const done = await b.request("POST", `/api/tasks/${appMade.json.id}/complete`, { headers: user.headers });
      const nextViaDav = viaDav.find((t: { completed: boolean }) => !t.completed);
      expect(viaDav).toHaveLength(2);
      expect(nextViaDav.due_at).toBe(done.json.next.due_at);
      expect(nextViaDav.recurrence).toBe(done.json.next.recurrence);
    });

    it("refuses a task the app cannot hold (description too long) with a 403 that says why, never a 500", async () => {
      const long = vtodo("long", [`DESCRIPTION:${"x".repeat(5000)}`]);
      const res = await dav("PUT", `${inbox}long.ics`, long);
      expect(res.status).toBe(403);
      expect(res.text).toContain("Description");
    });
  });

  describe("reports", () => {
    it("calendar-query filters pending todos; multiget answers 404 for names it does not have", async () => {
      await dav("PUT", `${inbox}q-open.ics`, vtodo("q-open"));
      await dav("PUT", `${inbox}q-done.ics`, vtodo("q-done", ["STATUS:COMPLETED", "COMPLETED:20261201T100000Z"]));
      const query = await dav(
        "REPORT",
        inbox,
        `<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/></d:prop>
          <c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VTODO">
            <c:prop-filter name="COMPLETED"><c:is-not-defined/></c:prop-filter>
          </c:comp-filter></c:comp-filter></c:filter></c:calendar-query>`,
        { depth: "1" },
      );
      expect(query.status).toBe(207);
      expect(query.text).toContain("q-open.ics");
      expect(query.text).not.toContain("q-done.ics");
      const multiget = await dav(
        "REPORT",
        inbox,
        `<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop>
          <d:href>${inbox}q-done.ics</d:href><d:href>${inbox}missing.ics</d:href></c:calendar-multiget>`,
      );
      expect(multiget.text).toContain("UID:q-done");
      expect(multiget.text).toMatch(/missing\.ics<\/d:href><d:status>HTTP\/1.1 404/);
    });

    it("refuses an unknown sync token and an unknown report with 403", async () => {
      const sync = await dav(
        "REPORT",
        inbox,
        '<d:sync-collection xmlns:d="DAV:"><d:sync-token>http://todo-app.invalid/sync/999999999</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>',
      );
      expect(sync.status).toBe(403);
      expect(sync.text).toContain("valid-sync-token");
      const unknown = await dav("REPORT", inbox, '<x:whatever xmlns:x="urn:x"/>');
      expect(unknown.status).toBe(403);
    });
  });

  describe("bad input", () => {
    it("answers malformed XML, DTDs, non-iCalendar and oversized bodies with 4xx", async () => {
      for (const raw of ["<propfind xmlns='DAV:'><prop>", "not xml", '<a:propfind xmlns:b="DAV:"/>']) {
        expect((await dav("PROPFIND", inbox, raw)).status).toBe(400);
      }
      const bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><propfind xmlns="DAV:">&a;</propfind>';
      expect((await dav("PROPFIND", inbox, bomb)).status).toBe(400);
      expect((await dav("REPORT", inbox, "<<<")).status).toBe(400);
      expect((await dav("PUT", `${inbox}bad.ics`, "hello")).status).toBe(400);
      expect((await dav("PUT", `${inbox}event.ics`, vtodo("e").replaceAll("VTODO", "VEVENT"))).status).toBe(400);
      expect((await dav("PUT", `${inbox}big.ics`, vtodo("big", [`X-BIG:${"y".repeat(30000)}`]))).status).toBe(413);
      expect((await dav("PROPFIND", "/dav/calendars/%E0%A4%A/")).status).toBe(400);
      const mk = await dav(
        "MKCALENDAR",
        `/dav/calendars/${user.id}/events/`,
        '<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>',
      );
      expect(mk.status).toBe(403);
    });
  });
});
