// GET /api/export over HTTP on each database kind: the Inbox and the owned projects with every task (not a project
// someone else owns and shares), as JSON, as CSV a CSV reader takes back, and as iCalendar ical.js reads back.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";

describe.each(databaseKinds)("export on %s", (kind) => {
  let api: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  const call = (user: TestUser, method: string, path: string, body?: unknown) =>
    api.request(method, path, { headers: user.headers, body });

  beforeAll(async () => {
    api = await createTestBackend(kind);
    [alice, bob] = [await api.signUp("Alice"), await api.signUp("Bob")];
    const home = (await call(alice, "POST", "/api/projects", { name: "Home, sweet home" })).json;
    const milk = (
      await call(alice, "POST", "/api/tasks", {
        title: 'Buy "good" milk, now',
        description: "two lines\nof notes",
        tags: ["shop"],
        priority: "high",
        due_at: "2026-12-24T09:00:00Z",
      })
    ).json;
    await call(alice, "POST", "/api/tasks", { title: "Oat milk", parent_id: milk.id });
    const done = (await call(alice, "POST", "/api/tasks", { title: "Filed taxes" })).json;
    await call(alice, "POST", `/api/tasks/${done.id}/complete`);
    await call(alice, "POST", "/api/tasks", { title: "Fix the tap", project_id: home.id });
    const bobs = (await call(bob, "POST", "/api/projects", { name: "Bob's club" })).json;
    await call(bob, "POST", "/api/tasks", { title: "Club dues", project_id: bobs.id });
    await call(bob, "POST", `/api/projects/${bobs.id}/members`, { email: alice.email, role: "editor" });
  });
  afterAll(() => api.close());

  it("exports the Inbox and owned projects as JSON, open and done tasks and subtasks, not others' projects", async () => {
    const res = await call(alice, "GET", "/api/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="todo-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = res.json;
    expect(data).toMatchObject({ format: "todo-app-export", version: 1 });
    expect(data.projects.map((p: { name: string }) => p.name)).toEqual(["Home, sweet home"]);
    const titles = data.tasks.map((t: { title: string }) => t.title).sort();
    expect(titles).toEqual(['Buy "good" milk, now', "Filed taxes", "Fix the tap", "Oat milk"]);
    const oat = data.tasks.find((t: { title: string }) => t.title === "Oat milk");
    const milk = data.tasks.find((t: { title: string }) => t.title.startsWith("Buy"));
    expect(oat.parent_id).toBe(milk.id);
    expect(data.tasks.find((t: { title: string }) => t.title === "Filed taxes").completed).toBe(true);
    // Bob's own export has his club, which he owns.
    const bobs = (await call(bob, "GET", "/api/export?format=json")).json;
    expect(bobs.tasks.map((t: { title: string }) => t.title)).toEqual(["Club dues"]);
  });

  it("exports CSV with one row per task, quoting commas, quotes and line breaks", async () => {
    const res = await call(alice, "GET", "/api/export?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = res.text;
    expect(text.split("\n")[0]).toBe(
      "id,title,description,completed,completed_at,priority,tags,due_at,remind_at,recurrence,project,parent_id,created_at",
    );
    expect(text).toContain('"Buy ""good"" milk, now","two lines\nof notes",false,,high,shop,2026-12-24T09:00:00.000Z');
    expect(text).toContain('"Home, sweet home"');
    expect(text).not.toContain("Club dues");
  });

  it("exports iCalendar that a reader takes back: a VTODO per task, stable UIDs, RELATED-TO, COMPLETED", async () => {
    const first = await call(alice, "GET", "/api/export?format=ics");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toMatch(/^text\/calendar/);
    const todos = new ICAL.Component(ICAL.parse(first.text)).getAllSubcomponents("vtodo");
    expect(todos).toHaveLength(4);
    const byTitle = new Map(todos.map((t) => [String(t.getFirstPropertyValue("summary")), t]));
    const milk = byTitle.get('Buy "good" milk, now');
    const oat = byTitle.get("Oat milk");
    expect(String(oat?.getFirstPropertyValue("related-to"))).toBe(String(milk?.getFirstPropertyValue("uid")));
    expect(String(byTitle.get("Filed taxes")?.getFirstPropertyValue("status"))).toBe("COMPLETED");
    expect(milk?.getFirstPropertyValue("categories")).toBe("shop");
    const again = new ICAL.Component(ICAL.parse((await call(alice, "GET", "/api/export?format=ics")).text));
    expect(again.getAllSubcomponents("vtodo").map((t) => t.getFirstPropertyValue("uid"))).toEqual(
      todos.map((t) => t.getFirstPropertyValue("uid")),
    );
  });

  it("refuses an unknown format with 422 and a caller without credentials with 401", async () => {
    const bad = await call(alice, "GET", "/api/export?format=xml");
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toMatch(/format must be json, csv or ics/);
    expect((await api.request("GET", "/api/export")).status).toBe(401);
  });
});
