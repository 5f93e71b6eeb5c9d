// POST /api/import over HTTP on each database kind: each format's documented layout round trips into tasks and
// projects, our own export imports into another account equal to the original, a dry run changes nothing, and bad
// files are refused with 422 naming the row (413 when too large).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";

interface T {
  title: string;
  description: string;
  completed: boolean;
  priority: string;
  tags: string[];
  due_at: string | null;
  remind_at: string | null;
  recurrence: string | null;
  project_id: string | null;
  parent_id: number | null;
  id: number;
}

describe.each(databaseKinds)("import on %s", (kind) => {
  let api: TestBackend;
  let alice: TestUser;
  const call = (user: TestUser, method: string, path: string, body?: unknown) =>
    api.request(method, path, { headers: user.headers, body });
  const raw = (user: TestUser, path: string, text: string, type: string) =>
    api.request("POST", path, { headers: { ...user.headers, "content-type": type }, raw: text });
  const exportOf = async (user: TestUser) => (await call(user, "GET", "/api/export")).json;
  /** A user's tasks as comparable rows: project by name, parent by title, no ids or timestamps. */
  const comparable = async (user: TestUser) => {
    const data = await exportOf(user);
    const names = new Map(data.projects.map((p: { id: string; name: string }) => [p.id, p.name]));
    const byId = new Map(data.tasks.map((t: T) => [t.id, t]));
    return data.tasks
      .map((t: T) => ({
        title: t.title,
        description: t.description,
        completed: t.completed,
        priority: t.priority,
        tags: t.tags,
        due_at: t.due_at,
        remind_at: t.remind_at,
        recurrence: t.recurrence,
        project: t.project_id ? names.get(t.project_id) : null,
        parent: t.parent_id ? (byId.get(t.parent_id) as T).title : null,
      }))
      .sort((a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title));
  };

  beforeAll(async () => {
    api = await createTestBackend(kind);
    alice = await api.signUp("Alice");
  });
  afterAll(() => api.close());

  it("imports our own JSON export into another account equal to the original", async () => {
    const home = (await call(alice, "POST", "/api/projects", { name: "Home" })).json;
    const milk = (
      await call(alice, "POST", "/api/tasks", {
        title: "Buy milk",
        description: "two\nlines",
        tags: ["shop"],
        priority: "high",
        due_at: "2026-12-24T09:00:00Z",
        remind_at: "2026-12-24T08:00:00Z",
        recurrence: "weekly",
      })
    ).json;
    await call(alice, "POST", "/api/tasks", { title: "Oat milk", parent_id: milk.id });
    const done = (await call(alice, "POST", "/api/tasks", { title: "Filed taxes", project_id: home.id })).json;
    await call(alice, "POST", `/api/tasks/${done.id}/complete`);
    const file = JSON.stringify(await exportOf(alice));

    const bob = await api.signUp("Bob");
    const res = await raw(bob, "/api/import", file, "application/json");
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ dry_run: false, format: "json", created: { projects: 1, tasks: 3 } });
    expect(await comparable(bob)).toEqual(await comparable(alice));
    const activity = (await call(bob, "GET", "/api/activity")).json;
    expect(JSON.stringify(activity)).toContain("task.created");
  });

  it("imports a Todoist CSV upload: the file's name is the project, INDENT subtasks, @labels, priority 4 = high", async () => {
    const csv = [
      "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT",
      "section,Shopping,,,,,,,,,,",
      "task,Buy bread @food @urgent,fresh,4,1,Ann,,2026-12-24,en,Europe/Paris,,",
      "task,Sourdough,,1,2,Ann,,,en,,,",
      "note,Ask for the seeded one,,,,,,,,,,",
      ",,,,,,,,,,,",
      "task,Call mum,,3,1,Ann,,every monday,en,,,",
    ].join("\n");
    const bob = await api.signUp("Bob2");
    const form = new FormData();
    form.append("file", new File([csv], "Groceries.csv", { type: "text/csv" }));
    const res = await api.app.request("/api/import", { method: "POST", headers: bob.headers, body: form });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { problems: { message: string }[] };
    expect(body).toMatchObject({ format: "todoist", created: { projects: 1, tasks: 3 } });
    expect(body.problems.map((p: { message: string }) => p.message).join("\n")).toMatch(/every monday/);
    const tasks: T[] = (await call(bob, "GET", "/api/tasks?limit=50")).json.tasks;
    const bread = tasks.find((t) => t.title === "Buy bread");
    expect(bread).toMatchObject({ priority: "high", tags: ["food", "urgent"], due_at: "2026-12-23T23:00:00.000Z" });
    const sour = tasks.find((t) => t.title === "Sourdough") as T;
    expect(sour.parent_id).toBe(bread?.id);
    expect(sour.description).toBe("Ask for the seeded one");
    expect(tasks.find((t) => t.title === "Call mum")?.priority).toBe("medium");
    const projects = (await call(bob, "GET", "/api/projects")).json;
    expect(JSON.stringify(projects)).toContain("Groceries");
    expect(new Set(tasks.map((t) => t.project_id)).size).toBe(1);
  });

  it("imports a TickTick backup: header rows, lists as projects, Inbox, parentId, status and priority", async () => {
    const cols =
      '"Folder Name","List Name","Title","Kind","Tags","Content","Is Check list","Start Date","Due Date","Reminder","Repeat","Priority","Status","Created Time","Completed Time","Order","Timezone","Is All Day","Is Floating","Column Name","Column Order","View Mode","taskId","parentId"';
    const csv = [
      '"Date: 2026-12-05+0000"',
      '"Version: 7.1"',
      '"Status: \n0 Normal\n1 Completed\n2 Archived"',
      cols,
      '"","Work","Write report","TEXT","work, q4","Draft first","N","","2026-12-10T17:00:00+0000","","RRULE:FREQ=WEEKLY;INTERVAL=1","5","0","2026-12-01T10:00:00+0000","","1","UTC","false","false","","","list","1",""',
      '"","Work","Charts","TEXT","","","N","","","","","1","2","2026-12-01T10:00:00+0000","2026-12-02T10:00:00+0000","2","UTC","false","false","","","list","2","1"',
      '"","Inbox","Water plants","TEXT","","","N","","","","","0","0","2026-12-01T10:00:00+0000","","3","UTC","false","false","","","list","3",""',
    ].join("\n");
    const bob = await api.signUp("Bob3");
    const res = await raw(bob, "/api/import?format=ticktick", csv, "text/csv");
    expect(res.status).toBe(201);
    expect(res.json.created).toEqual({ projects: 1, tasks: 3 });
    const tasks: T[] = (await call(bob, "GET", "/api/tasks")).json.tasks;
    const report = tasks.find((t) => t.title === "Write report") as T;
    expect(report).toMatchObject({ priority: "high", tags: ["work", "q4"], due_at: "2026-12-10T17:00:00.000Z" });
    expect(report.recurrence).toMatch(/^FREQ=WEEKLY/);
    expect(tasks.find((t) => t.title === "Charts")).toMatchObject({
      parent_id: report.id,
      completed: true,
      priority: "low",
    });
    expect(tasks.find((t) => t.title === "Water plants")?.project_id).toBeNull();
  });

  it("imports iCalendar VTODOs through the CalDAV reader, RELATED-TO making subtasks", async () => {
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//test//EN",
      "X-WR-CALNAME:Errands",
      "BEGIN:VTODO",
      "UID:a@test",
      "SUMMARY:Post office",
      "PRIORITY:1",
      "CATEGORIES:town",
      "DUE:20261220T100000Z",
      "END:VTODO",
      "BEGIN:VTODO",
      "UID:b@test",
      "SUMMARY:Stamps",
      "STATUS:COMPLETED",
      "RELATED-TO;RELTYPE=PARENT:a@test",
      "END:VTODO",
      "END:VCALENDAR",
    ].join("\r\n");
    const bob = await api.signUp("Bob4");
    const res = await raw(bob, "/api/import", ics, "text/calendar");
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ format: "ics", created: { projects: 1, tasks: 2 } });
    const tasks: T[] = (await call(bob, "GET", "/api/tasks")).json.tasks;
    const post = tasks.find((t) => t.title === "Post office") as T;
    expect(post).toMatchObject({ priority: "high", tags: ["town"], due_at: "2026-12-20T10:00:00.000Z" });
    expect(tasks.find((t) => t.title === "Stamps")).toMatchObject({ parent_id: post.id, completed: true });
  });

  it("imports Vikunja's data.json: projects with tasks, labels, done, parent tasks, HTML descriptions", async () => {
    const data = [
      {
        id: 1,
        title: "Inbox",
        tasks: [{ id: 10, title: "Inbox thing", description: "", done: false, due_date: "0001-01-01T00:00:00Z" }],
      },
      {
        id: 2,
        title: "Garden",
        hex_color: "22aa44",
        tasks: [
          {
            id: 11,
            title: "Plant tulips",
            description: "<p>In <b>autumn</b></p>",
            done: false,
            priority: 3,
            due_date: "2026-10-01T12:00:00Z",
            labels: [{ title: "Outside" }],
            repeat_after: 604800,
          },
          { id: 12, title: "Buy bulbs", done: true, related_tasks: { parenttask: [{ id: 11 }] } },
        ],
      },
    ];
    const bob = await api.signUp("Bob5");
    const res = await raw(bob, "/api/import", JSON.stringify(data), "application/json");
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ format: "vikunja", created: { projects: 1, tasks: 3 } });
    const tasks: T[] = (await call(bob, "GET", "/api/tasks")).json.tasks;
    const tulips = tasks.find((t) => t.title === "Plant tulips") as T;
    expect(tulips).toMatchObject({ priority: "high", tags: ["outside"], description: "In autumn" });
    expect(tulips.recurrence).toMatch(/^FREQ=WEEKLY/);
    expect(tasks.find((t) => t.title === "Buy bulbs")).toMatchObject({ parent_id: tulips.id, completed: true });
    expect(tasks.find((t) => t.title === "Inbox thing")?.project_id).toBeNull();
  });

  it("reports a dry run's plan and changes nothing", async () => {
    const bob = await api.signUp("Bob6");
    const file = JSON.stringify(await exportOf(alice));
    const res = await raw(bob, "/api/import?dry_run=true", file, "application/json");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ dry_run: true, created: { projects: 1, tasks: 3 } });
    const home = res.json.projects.find((p: { name: string }) => p.name === "Home");
    expect(home).toMatchObject({ new: true, project_id: null, tasks: 1, sample: ["Filed taxes"] });
    expect((await call(bob, "GET", "/api/tasks")).json.total).toBe(0);
    expect((await call(bob, "GET", "/api/projects")).json.projects).toHaveLength(0);
  });

  it("refuses bad files with 422 naming the row, writes nothing, and answers 413 for a too large file", async () => {
    const bob = await api.signUp("Bob7");
    const header =
      "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT";
    const bad = await raw(
      bob,
      "/api/import?format=todoist",
      `${header}\ntask,Fine,,1,1,,,,,,,\ntask,,,1,1,,,,,,,`,
      "text/csv",
    );
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe("validation_error");
    expect(bad.json.error.details).toEqual([{ path: "line 3", message: expect.stringMatching(/title/i) }]);
    expect((await call(bob, "GET", "/api/tasks")).json.total).toBe(0);

    const json = await raw(
      bob,
      "/api/import?format=json",
      '{"format": "todo-app-export", "tasks": [',
      "application/json",
    );
    expect(json.status).toBe(422);
    expect(json.json.error.message).toMatch(/not valid JSON/);
    const ics = await raw(bob, "/api/import?format=ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar");
    expect(ics.status).toBe(422);
    const unknown = await raw(bob, "/api/import", "hello, world", "text/plain");
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.message).toMatch(/format/);
    const csv = await raw(bob, "/api/import?format=todoist", `${header}\ntask,"unclosed,,1`, "text/csv");
    expect(csv.status).toBe(422);
    expect((await raw(bob, "/api/import?format=xml", "x", "text/csv")).status).toBe(422);

    const big = await raw(bob, "/api/import?format=json", "x".repeat(5_242_881), "application/json");
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe("payload_too_large");
    expect((await api.request("POST", "/api/import", { raw: "x" })).status).toBe(401);
  });

  it("lists the route in the OpenAPI document", async () => {
    const doc = (await api.request("GET", "/openapi.json")).json;
    expect(Object.keys(doc.paths["/api/import"])).toEqual(["post"]);
  });
});
