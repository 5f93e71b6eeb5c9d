// The read-only calendar feeds: secret URLs that calendar apps fetch without signing in, with the user's pending
// due tasks as events (all, or one project), another user's projects never, and rotation ending old links.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend } from "../../../test/backend";

let b: TestBackend;
beforeAll(async () => {
  b = await createTestBackend("pglite", { APP_URL: "https://todo.example" });
});
afterAll(() => b.close());

const pathOf = (url: string) => new URL(url).pathname;
const summaries = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics) as unknown[])
    .getAllSubcomponents("vevent")
    .map((e) => String(e.getFirstPropertyValue("summary")))
    .sort();

describe("calendar feeds", () => {
  it("lists due pending tasks as events, per user and per project, and rotation ends the old links", async () => {
    const u = await b.signUp("Feed");
    const other = await b.signUp("Other");
    const h = u.headers;
    const project = await b.request("POST", "/api/projects", { headers: h, body: { name: "Work" } });
    const foreign = await b.request("POST", "/api/projects", { headers: other.headers, body: { name: "Theirs" } });
    const due = "2026-12-10T09:00:00Z";
    await b.request("POST", "/api/tasks", { headers: h, body: { title: "Dentist", due_at: due } });
    await b.request("POST", "/api/tasks", { headers: h, body: { title: "No date" } });
    const done = await b.request("POST", "/api/tasks", { headers: h, body: { title: "Done already", due_at: due } });
    await b.request("POST", `/api/tasks/${done.json.id}/complete`, { headers: h });
    await b.request("POST", "/api/tasks", {
      headers: h,
      body: { title: "Report", due_at: due, project_id: project.json.id },
    });

    const feeds = await b.request("GET", "/api/feeds", { headers: h });
    expect(feeds.status).toBe(200);
    expect(feeds.json.url).toMatch(/^https:\/\/todo\.example\/feed\/[A-Za-z0-9_-]+\.ics$/);
    expect(feeds.json.projects.map((p: { name: string }) => p.name)).toEqual(["Work"]);

    const all = await b.request("GET", pathOf(feeds.json.url));
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toContain("text/calendar");
    expect(summaries(all.text).map((s) => s.replace(/^#\d+ /, ""))).toEqual(["Dentist", "Report"]);
    const event = new ICAL.Component(ICAL.parse(all.text) as unknown[]).getFirstSubcomponent("vevent")!;
    expect(event.getFirstProperty("dtstart")?.toICALString()).toBe("DTSTART:20261210T090000Z");

    const work = await b.request("GET", pathOf(feeds.json.projects[0].url));
    expect(summaries(work.text).map((s) => s.replace(/^#\d+ /, ""))).toEqual(["Report"]);

    // Someone else's project id under this secret is not a feed.
    const token = pathOf(feeds.json.url).slice("/feed/".length, -".ics".length);
    expect((await b.request("GET", `/feed/${token}/${foreign.json.id}.ics`)).status).toBe(404);
    expect((await b.request("GET", "/feed/not-a-real-secret-at-all-000.ics")).status).toBe(404);

    const rotated = await b.request("POST", "/api/feeds/rotate", { headers: h });
    expect(rotated.json.url).not.toBe(feeds.json.url);
    expect((await b.request("GET", pathOf(feeds.json.url))).status).toBe(404);
    expect((await b.request("GET", pathOf(rotated.json.url))).status).toBe(200);
    expect((await b.request("GET", "/api/feeds")).status).toBe(401);
  });
});
