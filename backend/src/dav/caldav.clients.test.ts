// CalDAV with a client nobody here wrote: Debian's python3-caldav against the real backend on a free port
// (discovery, calendar listing, MKCALENDAR, create/update/complete/delete, sync-collection), and isolation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestUser } from "../../../test/backend";
import { startDavBackend } from "./dav-harness";

let s: Awaited<ReturnType<typeof startDavBackend>>;
beforeAll(async () => {
  s = await startDavBackend();
});
afterAll(() => s.close());

async function appTasks(user: TestUser, query = "") {
  const res = await s.request("GET", `/api/tasks?limit=200${query}`, { headers: user.headers });
  expect(res.status).toBe(200);
  return res.json.tasks as {
    id: number;
    title: string;
    completed: boolean;
    priority: string;
    project_id: string | null;
  }[];
}

describe("python3-caldav", () => {
  it("discovers the principal and lists the Inbox and the user's projects", async () => {
    const user = await s.davUser("Ann");
    const project = await s.request("POST", "/api/projects", { headers: user.headers, body: { name: "Garden" } });
    expect(project.status).toBe(201);
    const found = await s.pyCaldav(user, "discover");
    expect(found.error).toBeUndefined();
    expect(found.principal).toContain(`/dav/principals/${user.id}/`);
    expect(found.home).toContain(`/dav/calendars/${user.id}/`);
    const names = found.calendars.map((c: { name: string }) => c.name).sort();
    expect(names).toEqual(["Garden", "Inbox"]);
  });

  it("creates a calendar (a project), then creates, updates, completes and deletes a todo in it", async () => {
    const user = await s.davUser("Bob");
    const made = await s.pyCaldav(user, "mkcal", "Errands");
    expect(made.error).toBeUndefined();
    const projects = await s.request("GET", "/api/projects", { headers: user.headers });
    const errands = projects.json.projects.find((p: { name: string }) => p.name === "Errands");
    expect(errands).toBeTruthy();

    const created = await s.pyCaldav(user, "create", made.url, "uid-milk@example", "Buy milk");
    expect(created.error).toBeUndefined();
    let tasks = await appTasks(user, `&project=${errands.id}`);
    expect(tasks.map((t) => [t.title, t.priority])).toEqual([["Buy milk", "high"]]);

    // What the client sent comes back as sent: its UID, its PRIORITY 3 (not the app's 1), its X- property.
    let listed = (await s.pyCaldav(user, "list", made.url)).todos;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      uid: "uid-milk@example",
      summary: "Buy milk",
      priority: 3,
      keep: "kept as sent",
    });

    expect((await s.pyCaldav(user, "update", made.url, "uid-milk@example", "Buy oat milk")).error).toBeUndefined();
    tasks = await appTasks(user, `&project=${errands.id}`);
    expect(tasks.map((t) => t.title)).toEqual(["Buy oat milk"]);

    expect((await s.pyCaldav(user, "complete", made.url, "uid-milk@example")).error).toBeUndefined();
    tasks = await appTasks(user, `&project=${errands.id}`);
    expect(tasks[0]?.completed).toBe(true);
    listed = (await s.pyCaldav(user, "list", made.url)).todos;
    expect(listed[0]).toMatchObject({ status: "COMPLETED", keep: "kept as sent" });

    // The activity log says the changes came through CalDAV.
    const activity = await s.request("GET", `/api/activity?project=${errands.id}`, { headers: user.headers });
    const vias = new Set(activity.json.activity.map((a: { via: string }) => a.via));
    expect(vias).toEqual(new Set(["caldav"]));

    expect((await s.pyCaldav(user, "delete", made.url, "uid-milk@example")).error).toBeUndefined();
    expect(await appTasks(user, `&project=${errands.id}`)).toEqual([]);
    expect((await s.pyCaldav(user, "list", made.url)).todos).toEqual([]);
  });

  it("sync-collection reports what changed in the app since the last token, deletions included", async () => {
    const user = await s.davUser("Cy");
    const inbox = `${s.base}/dav/calendars/${user.id}/inbox/`;
    const a = await s.request("POST", "/api/tasks", { headers: user.headers, body: { title: "First" } });
    const b = await s.request("POST", "/api/tasks", { headers: user.headers, body: { title: "Second" } });
    const first = await s.pyCaldav(user, "sync", inbox);
    expect(first.error).toBeUndefined();
    expect(first.changed).toHaveLength(2);
    const unchanged = await s.pyCaldav(user, "sync", inbox, first.token);
    expect(unchanged).toMatchObject({ token: first.token, changed: [], deleted: [] });

    await s.request("PATCH", `/api/tasks/${a.json.id}`, { headers: user.headers, body: { title: "First, edited" } });
    await s.request("DELETE", `/api/tasks/${b.json.id}`, { headers: user.headers });
    const c = await s.request("POST", "/api/tasks", { headers: user.headers, body: { title: "Third" } });
    expect(c.status).toBe(201);
    const next = await s.pyCaldav(user, "sync", inbox, first.token);
    expect(next.token).not.toBe(first.token);
    expect(next.changed).toHaveLength(2);
    expect(next.deleted).toHaveLength(1);
    const listed = (await s.pyCaldav(user, "list", inbox)).todos.map((t: { summary: string }) => t.summary).sort();
    expect(listed).toEqual(["First, edited", "Third"]);
  });
});

describe("isolation", () => {
  it("a key never lists or reads another user's calendars, and a viewer cannot PUT", async () => {
    const owner = await s.davUser("Owner");
    const viewer = await s.davUser("Viewer");
    const stranger = await s.davUser("Stranger");
    const project = await s.request("POST", "/api/projects", { headers: owner.headers, body: { name: "Shared" } });
    const share = await s.request("POST", `/api/projects/${project.json.id}/members`, {
      headers: owner.headers,
      body: { email: viewer.email, role: "viewer" },
    });
    expect(share.status).toBe(200);
    await s.request("POST", "/api/tasks", {
      headers: owner.headers,
      body: { title: "Owner's plan", project_id: project.json.id },
    });
    await s.request("POST", "/api/tasks", { headers: owner.headers, body: { title: "Owner's private" } });
    const ownerCal = `${s.base}/dav/calendars/${owner.id}/${project.json.id}/`;

    // The stranger sees only its own Inbox; the owner's paths answer 404 with the stranger's key.
    const strangerFound = await s.pyCaldav(stranger, "discover");
    expect(strangerFound.calendars.map((c: { name: string }) => c.name)).toEqual(["Inbox"]);
    expect((await s.pyCaldav(stranger, "list", ownerCal)).error).toBe("NotFoundError");
    const basic = (u: { email: string; key: string }) =>
      `Basic ${Buffer.from(`${u.email}:${u.key}`).toString("base64")}`;
    for (const path of [
      `/dav/calendars/${owner.id}/`,
      `/dav/calendars/${owner.id}/inbox/`,
      `/dav/principals/${owner.id}/`,
    ]) {
      const res = await fetch(`${s.base}${path}`, {
        method: "PROPFIND",
        headers: { authorization: basic(stranger), depth: "1" },
      });
      expect(res.status).toBe(404);
    }
    // Another user's email with one's own key is no credential at all.
    const mixed = await fetch(`${s.base}/dav/`, {
      method: "PROPFIND",
      headers: { authorization: basic({ email: owner.email, key: stranger.key }) },
    });
    expect(mixed.status).toBe(401);

    // The viewer lists the shared calendar (under its own home) and reads the task, but cannot write.
    const viewerFound = await s.pyCaldav(viewer, "discover");
    expect(viewerFound.calendars.map((c: { name: string }) => c.name).sort()).toEqual(["Inbox", "Shared"]);
    const viewerCal = `${s.base}/dav/calendars/${viewer.id}/${project.json.id}/`;
    const seen = (await s.pyCaldav(viewer, "list", viewerCal)).todos;
    expect(seen.map((t: { summary: string }) => t.summary)).toEqual(["Owner's plan"]);
    const put = await s.pyCaldav(viewer, "create", viewerCal, "uid-viewer", "Viewer was here");
    expect(put.error).toBeTruthy();
    const raw = await fetch(`${viewerCal}viewer.ics`, {
      method: "PUT",
      headers: { authorization: basic(viewer), "content-type": "text/calendar" },
      body: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTODO\r\nUID:v1\r\nSUMMARY:No\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
    });
    expect(raw.status).toBe(403);
    const ownerTasks = await appTasks(owner, `&project=${project.json.id}`);
    expect(ownerTasks.map((t) => t.title)).toEqual(["Owner's plan"]);

    // A key limited to CalDAV does not open the REST API.
    const rest = await s.request("GET", "/api/tasks", { headers: { authorization: `Bearer ${owner.key}` } });
    expect(rest.status).toBe(403);
  });
});
