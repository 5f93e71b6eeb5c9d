import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";

describe.each(databaseKinds)("task routes on %s", (kind) => {
  let api: TestBackend;
  let alice: TestUser;
  beforeAll(async () => {
    api = await createTestBackend(kind);
    alice = await api.signUp("Alice");
  });
  afterAll(() => api.close());

  const as = (user: TestUser) => ({
    get: (path: string) => api.request("GET", path, { headers: user.headers }),
    post: (path: string, body?: unknown) => api.request("POST", path, { headers: user.headers, body }),
    patch: (path: string, body: unknown) => api.request("PATCH", path, { headers: user.headers, body }),
    put: (path: string, body: unknown) => api.request("PUT", path, { headers: user.headers, body }),
    del: (path: string) => api.request("DELETE", path, { headers: user.headers }),
  });

  it("creates, reads, updates, completes, reopens and deletes a task", async () => {
    const a = as(alice);
    const created = await a.post("/api/tasks", {
      title: "Pay rent",
      priority: "high",
      tags: ["home"],
      due_at: "2026-12-01T09:00:00+01:00",
      recurrence: "monthly",
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json).sort()).toEqual([
      "assignee",
      "completed",
      "completed_at",
      "created_at",
      "description",
      "due_at",
      "id",
      "parent_id",
      "position",
      "priority",
      "project_id",
      "recurrence",
      "remind_at",
      "subtasks",
      "tags",
      "title",
      "updated_at",
    ]);
    expect(created.json).toMatchObject({
      title: "Pay rent",
      due_at: "2026-12-01T08:00:00.000Z",
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
    });
    const id = created.json.id;

    expect((await a.get(`/api/tasks/${id}`)).json).toEqual(created.json);
    const patched = await a.patch(`/api/tasks/${id}`, { description: "to the landlord" });
    expect(patched.status).toBe(200);
    expect(patched.json.description).toBe("to the landlord");

    const done = await a.post(`/api/tasks/${id}/complete`);
    expect(done.status).toBe(200);
    expect(done.json.task.completed).toBe(true);
    expect(done.json.next).toMatchObject({ title: "Pay rent", due_at: "2027-01-01T08:00:00.000Z", completed: false });

    const reopened = await a.post(`/api/tasks/${id}/reopen`);
    expect(reopened.json).toMatchObject({ completed: false, completed_at: null });

    expect((await a.del(`/api/tasks/${id}`)).status).toBe(204);
    expect((await a.get(`/api/tasks/${id}`)).status).toBe(404);
  });

  it("lists with filters, sorting and pagination over HTTP, including repeated tag parameters", async () => {
    const bob = await api.signUp("Bob");
    const b = as(bob);
    await b.post("/api/tasks", { title: "alpha", tags: ["x", "y"], priority: "low" });
    await b.post("/api/tasks", { title: "beta", tags: ["x"], priority: "high" });
    await b.post("/api/tasks", { title: "gamma", tags: ["y"] });
    const both = await b.get("/api/tasks?tag=x&tag=y");
    expect(both.json).toMatchObject({ total: 1, tasks: [{ title: "alpha" }] });
    const sorted = await b.get("/api/tasks?sort=title&order=desc&limit=2");
    expect(sorted.json.total).toBe(3);
    expect(sorted.json.tasks.map((t: { title: string }) => t.title)).toEqual(["gamma", "beta"]);
    const high = await b.get("/api/tasks?priority=high&status=pending&q=BET");
    expect(high.json.tasks.map((t: { title: string }) => t.title)).toEqual(["beta"]);
  });

  describe("bad input gets the error body and changes nothing", () => {
    let id: number;
    beforeAll(async () => {
      id = (await as(alice).post("/api/tasks", { title: "Untouchable" })).json.id;
    });

    const expectError = (res: { status: number; json: any }, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect(res.json.error.code).toBe(code);
      expect(typeof res.json.error.message).toBe("string");
      expect(JSON.stringify(res.json)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
    };

    it("malformed JSON → 400", async () => {
      expectError(
        await api.request("POST", "/api/tasks", {
          headers: { ...alice.headers, "content-type": "application/json" },
          raw: '{"title": ',
        }),
        400,
        "bad_request",
      );
      expectError(
        await api.request("PATCH", `/api/tasks/${id}`, {
          headers: { ...alice.headers, "content-type": "application/json" },
          raw: "{oops",
        }),
        400,
        "bad_request",
      );
    });

    it("a body that is not JSON → 415", async () => {
      expectError(
        await api.request("POST", "/api/tasks", {
          headers: { ...alice.headers, "content-type": "text/plain" },
          raw: "title=x",
        }),
        415,
        "unsupported_media_type",
      );
    });

    it("wrong types, unknown fields and out-of-range values → 422 with details", async () => {
      const a = as(alice);
      for (const body of [
        { title: 42 },
        { title: "x", tags: "home" },
        { title: "x", completed: "yes" },
        { title: "x", priority: 3 },
        { title: "x", admin: true },
        { title: "x".repeat(201) },
        [],
        "just a string",
        null,
      ]) {
        const res = await a.post("/api/tasks", body);
        expectError(res, 422, "validation_error");
        expect(Array.isArray(res.json.error.details)).toBe(true);
      }
      expectError(await a.patch(`/api/tasks/${id}`, { title: "" }), 422, "validation_error");
      expectError(await a.patch(`/api/tasks/${id}`, { owner_id: "x" }), 422, "validation_error");
    });

    it("huge or invalid list parameters → 422", async () => {
      for (const query of [
        "limit=100000",
        "limit=0",
        "limit=-5",
        "offset=-1",
        "limit=abc",
        "sort=password",
        "status=maybe",
        "due=soon",
      ]) {
        expectError(await as(alice).get(`/api/tasks?${query}`), 422, "validation_error");
      }
    });

    it("a cursor the list did not give out → 400; cursor with offset → 422", async () => {
      const a = as(alice);
      for (const cursor of ["garbage", "eyJzIjoiY3JlYXRlZC5kZXNjIn0", "x".repeat(3000)]) {
        const res = await a.get(`/api/tasks?cursor=${cursor}`);
        expectError(res, cursor.length > 2048 ? 422 : 400, cursor.length > 2048 ? "validation_error" : "bad_request");
      }
      await a.post("/api/tasks", { title: "Another" });
      const first = await a.get("/api/tasks?limit=1&sort=title");
      expect(first.json.next_cursor).toEqual(expect.any(String));
      expectError(await a.get(`/api/tasks?sort=due&cursor=${first.json.next_cursor}`), 400, "bad_request");
      expectError(
        await a.get(`/api/tasks?sort=title&offset=1&cursor=${first.json.next_cursor}`),
        422,
        "validation_error",
      );
    });

    it("an oversized body → 413", async () => {
      const res = await as(alice).post("/api/tasks", { title: "big", description: "x".repeat(70_000) });
      expectError(res, 413, "payload_too_large");
    });

    it("bad ids → 422 and unknown ids → 404", async () => {
      expectError(await as(alice).get("/api/tasks/abc"), 422, "validation_error");
      expectError(await as(alice).get("/api/tasks/-1"), 422, "validation_error");
      expectError(await as(alice).get("/api/tasks/999999"), 404, "not_found");
      expectError(await as(alice).get("/api/nothing-here"), 404, "not_found");
    });

    it("no credentials or a forged token → 401", async () => {
      expectError(await api.request("GET", "/api/tasks"), 401, "unauthorized");
      expectError(
        await api.request("GET", "/api/tasks", { headers: { authorization: "Bearer forged.token" } }),
        401,
        "unauthorized",
      );
    });

    it("after all of that the task is unchanged", async () => {
      const res = await as(alice).get(`/api/tasks/${id}`);
      expect(res.json).toMatchObject({ id, title: "Untouchable", description: "", tags: [], completed: false });
    });

    it("SQL and HTML in text fields are stored verbatim and returned as JSON", async () => {
      const title = `'; DELETE FROM tasks; -- <script>alert(1)</script>`;
      const res = await as(alice).post("/api/tasks", { title, description: '<b>bold</b> & "quotes"' });
      expect(res.status).toBe(201);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect((await as(alice).get(`/api/tasks/${res.json.id}`)).json.title).toBe(title);
      expect((await as(alice).get(`/api/tasks/${id}`)).status).toBe(200);
    });
  });

  it("pages by cursor over HTTP: every task once, in order, while tasks are added in between", async () => {
    const c = as(await api.signUp("Carol"));
    for (let i = 1; i <= 7; i++) expect((await c.post("/api/tasks", { title: `Task ${i}` })).status).toBe(201);
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const res = await c.get(`/api/tasks?limit=3&order=asc${next ? `&cursor=${next}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.json.total).toBe(pages === 0 ? 7 : 8);
      seen.push(...res.json.tasks.map((t: { title: string }) => t.title));
      next = res.json.next_cursor;
      // A task created meanwhile comes after the cursor (oldest first), so it shows up at the end, once.
      if (pages === 0) await c.post("/api/tasks", { title: "Late" });
      pages++;
    } while (next && pages < 10);
    expect(seen).toEqual(["Task 1", "Task 2", "Task 3", "Task 4", "Task 5", "Task 6", "Task 7", "Late"]);
    expect(pages).toBe(3);
  });

  it("lists JSON that Postgres builds exactly as JSON.stringify would, for every kind of text", async () => {
    const bob = await api.signUp("Bob");
    const b = as(bob);
    const titles = [
      'quotes " and \\ backslash',
      "tab\tnew\nline\rcarriage \b\f and \u0001\u001f controls",
      "unicode: café, 東京, emoji 🎉, \u2028 separator, \u007f",
      "</script><script>alert(1)</script>",
    ];
    for (const title of titles) {
      expect((await b.post("/api/tasks", { title, description: title, tags: ["x"] })).status).toBe(201);
    }
    await b.post("/api/tasks", { title: "Dated", due_at: "2026-12-01T09:00:00.5+01:00", recurrence: "daily" });
    await b.post("/api/tasks/5/complete");
    const res = await b.get("/api/tasks?limit=200&sort=title");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.text).toBe(JSON.stringify(res.json));
    expect(res.json.total).toBe(6);
    expect(res.json.tasks.map((t: { title: string }) => t.title)).toEqual(expect.arrayContaining(titles));
    for (const task of res.json.tasks) expect(task).toStrictEqual((await b.get(`/api/tasks/${task.id}`)).json);
    const empty = await b.get("/api/tasks?offset=50");
    expect(empty.text).toBe('{"tasks":[],"total":6,"next_cursor":null}');
    expect((await as(alice).get("/api/tasks?q=unicode")).text).toBe('{"tasks":[],"total":0,"next_cursor":null}');
  });

  describe("quick add", () => {
    it("creates a task from plain language with every field parsed", async () => {
      const res = await as(alice).post("/api/tasks", {
        text: "Pay rent every 1st 9am #home !high",
        timezone: "Europe/Paris",
      });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({
        title: "Pay rent",
        priority: "high",
        tags: ["home"],
        recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
        due_at: expect.stringMatching(/T08:00:00\.000Z$/),
      });
      expect(new Date(res.json.due_at).getTime()).toBeGreaterThan(Date.now());
      expect(new Date(res.json.due_at).toLocaleString("en-GB", { timeZone: "Europe/Paris", day: "numeric" })).toBe("1");
    });

    it("previews without saving", async () => {
      const before = (await as(alice).get("/api/tasks?limit=200")).json.total;
      const res = await as(alice).post("/api/tasks/parse", {
        text: "water the plants every monday #garden",
        timezone: "UTC",
      });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        title: "Water the plants",
        tags: ["garden"],
        recurrence: "FREQ=WEEKLY;BYDAY=MO",
      });
      expect((await as(alice).get("/api/tasks?limit=200")).json.total).toBe(before);
    });

    it("rejects empty, oversized and mixed bodies with 422", async () => {
      for (const body of [
        { text: "" },
        { text: "   " },
        { text: "x".repeat(501) },
        { text: "a", title: "b" },
        { text: 5 },
      ]) {
        const res = await as(alice).post("/api/tasks", body);
        expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(422);
        expect(res.json.error.code).toBe("validation_error");
      }
      expect((await as(alice).post("/api/tasks/parse", {})).status).toBe(422);
    });

    it("snoozes a reminder: remind_at moves to until, a due date before it moves along, bad input is 422", async () => {
      const a = as(alice);
      const soon = new Date(Date.now() + 3_600_000).toISOString();
      const later = new Date(Date.now() + 7_200_000).toISOString();
      const dueLater = new Date(Date.now() + 86_400_000).toISOString();
      const task = (await a.post("/api/tasks", { title: "Snooze me", due_at: dueLater, remind_at: soon })).json;
      const snoozed = await a.post(`/api/tasks/${task.id}/snooze`, { until: later });
      expect(snoozed.status).toBe(200);
      expect(snoozed.json).toMatchObject({ remind_at: later, due_at: dueLater });
      const pastDue = new Date(Date.now() + 2 * 86_400_000).toISOString();
      expect((await a.post(`/api/tasks/${task.id}/snooze`, { until: pastDue })).json).toMatchObject({
        remind_at: pastDue,
        due_at: pastDue,
      });
      for (const body of [{}, { until: "tomorrow" }, { until: "2020-01-01T00:00:00Z" }, { until: later, x: 1 }]) {
        const res = await a.post(`/api/tasks/${task.id}/snooze`, body);
        expect(res.status, JSON.stringify(body)).toBe(422);
      }
      expect((await a.post("/api/tasks/999999/snooze", { until: later })).status).toBe(404);
      const activity = (await a.get(`/api/activity?task=${task.id}&limit=5`)).json.activity;
      expect(activity[0]).toMatchObject({ action: "task.updated" });
    });

    it("reads 12/03 in the locale the UI shows dates in, and refuses an unknown locale with 422", async () => {
      const gb = await as(alice).post("/api/tasks/parse", { text: "dentist 12/03", timezone: "UTC", locale: "en-GB" });
      expect(gb.json.due_at).toMatch(/-03-12T/);
      const us = await as(alice).post("/api/tasks/parse", { text: "dentist 12/03", timezone: "UTC", locale: "en-US" });
      expect(us.json.due_at).toMatch(/-12-03T/);
      const bad = await as(alice).post("/api/tasks", { text: "dentist 12/03", locale: "not a locale" });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(bad.json.error)).toMatch(/Unknown locale/);
    });

    it('refuses a line of metadata alone ("#home", "!high") with 422 and creates nothing', async () => {
      const before = (await as(alice).get("/api/tasks?limit=200")).json.total;
      for (const text of ["#home", "!high", "#home !high"]) {
        const res = await as(alice).post("/api/tasks", { text });
        expect(res.status, text).toBe(422);
        expect(res.json.error).toMatchObject({
          code: "validation_error",
          message: expect.stringMatching(/write what the task is/),
        });
        expect((await as(alice).post("/api/tasks/parse", { text })).json).toMatchObject({ untitled: true });
      }
      expect((await as(alice).get("/api/tasks?limit=200")).json.total).toBe(before);
    });
  });

  describe("compatibility routes", () => {
    it("serve the original API's bare objects for the signed-in user", async () => {
      const carol = await api.signUp("Carol");
      const base = `/api/${carol.id}/tasks`;
      const c = as(carol);
      const created = await c.post(base, { title: "Buy groceries", description: "milk" });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ id: 1, title: "Buy groceries", completed: false });
      const list = await c.get(base);
      expect(Array.isArray(list.json)).toBe(true);
      expect(list.json).toHaveLength(1);
      expect((await c.get(`${base}/1`)).json.title).toBe("Buy groceries");
      expect((await c.put(`${base}/1`, { title: "Buy groceries and fruit" })).json.title).toBe(
        "Buy groceries and fruit",
      );
      expect((await api.request("PATCH", `${base}/1/complete`, { headers: carol.headers })).json.completed).toBe(true);
      expect((await api.request("PATCH", `${base}/1/complete`, { headers: carol.headers })).json.completed).toBe(false);
      expect((await c.get(`${base}?status=completed`)).json).toEqual([]);
      const deleted = await c.del(`${base}/1`);
      expect(deleted.status).toBe(200);
      expect((await c.get(`${base}/1`)).status).toBe(404);
    });
  });
});
