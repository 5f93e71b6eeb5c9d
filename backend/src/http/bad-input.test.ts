// Issue 11.8 and the bidi part of 11.12: the audit's inputs that got 500 now get a 4xx with the error body —
// NUL bytes in any text field or q, year 0000 (and past 9999) dates, malformed JSON on the compat routes,
// malformed cookies — and titles lose the bidi controls that could make them display as something else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";

const NUL = "\u0000";

describe.each(databaseKinds)("hostile input on %s", (kind) => {
  let api: TestBackend;
  let user: TestUser;
  let taskId: number;

  beforeAll(async () => {
    api = await createTestBackend(kind);
    user = await api.signUp("Fuzzy");
    taskId = (await api.request("POST", "/api/tasks", { headers: user.headers, body: { title: "Target" } })).json.id;
  });
  afterAll(() => api.close());

  function expectClientError(res: { status: number; json?: { error?: unknown } }, what: string) {
    expect(res.status, what).toBeGreaterThanOrEqual(400);
    expect(res.status, what).toBeLessThan(500);
    expect(res.json?.error, what).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  }

  it("refuses a NUL byte in every text field and in q with 4xx", async () => {
    const compat = `/api/${user.id}/tasks`;
    const cases: [string, string, string, unknown?][] = [
      ["title", "POST", "/api/tasks", { title: `a${NUL}b` }],
      ["description", "POST", "/api/tasks", { title: "a", description: `x${NUL}` }],
      ["tag", "POST", "/api/tasks", { title: "a", tags: [`t${NUL}`] }],
      ["recurrence", "POST", "/api/tasks", { title: "a", recurrence: `FREQ=DAILY${NUL}` }],
      ["timezone", "POST", "/api/tasks", { title: "a", timezone: `Europe/Paris${NUL}` }],
      ["quick add", "POST", "/api/tasks", { text: `buy ${NUL} milk` }],
      ["parse", "POST", "/api/tasks/parse", { text: `buy ${NUL} milk` }],
      ["update title", "PATCH", `/api/tasks/${taskId}`, { title: `x${NUL}` }],
      ["update description", "PATCH", `/api/tasks/${taskId}`, { description: NUL }],
      ["q", "GET", `/api/tasks?q=a%00b`],
      ["tag query", "GET", `/api/tasks?tag=a%00b`],
      ["api key name", "POST", "/api/keys", { name: `k${NUL}` }],
      ["chat message", "POST", "/api/chat", { message: `add ${NUL}` }],
      ["compat create", "POST", compat, { title: `a${NUL}` }],
      ["compat update", "PUT", `${compat}/${taskId}`, { description: `a${NUL}` }],
      ["compat q", "GET", `${compat}?q=%00`],
      ["compat chat", "POST", `/api/${user.id}/chat`, { message: NUL }],
    ];
    for (const [what, method, path, body] of cases) {
      expectClientError(await api.request(method, path, { headers: user.headers, body }), what);
    }
    const unchanged = await api.request("GET", `/api/tasks/${taskId}`, { headers: user.headers });
    expect(unchanged.json).toMatchObject({ title: "Target", description: "" });
  });

  it("refuses dates outside the years 0001–9999 with 422, however they are written", async () => {
    const dates = ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00+01:00"];
    for (const date of dates) {
      for (const field of ["due_at", "remind_at"]) {
        const create = await api.request("POST", "/api/tasks", {
          headers: user.headers,
          body: { title: "a", [field]: date },
        });
        expectClientError(create, `create ${field}=${date}`);
        expect(create.status).toBe(422);
        const update = await api.request("PATCH", `/api/tasks/${taskId}`, {
          headers: user.headers,
          body: { [field]: date },
        });
        expect(update.status, `update ${field}=${date}`).toBe(422);
        const compat = await api.request("POST", `/api/${user.id}/tasks`, {
          headers: user.headers,
          body: { title: "a", [field]: date },
        });
        expect(compat.status, `compat ${field}=${date}`).toBe(422);
      }
    }
    // The ends of the range are fine.
    for (const date of ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]) {
      const ok = await api.request("POST", "/api/tasks", {
        headers: user.headers,
        body: { title: "edge", due_at: date },
      });
      expect(ok.status, date).toBe(201);
    }
  });

  it("answers malformed JSON on the compat routes with 400", async () => {
    const headers = { ...user.headers, "content-type": "application/json" };
    for (const [method, path] of [
      ["POST", `/api/${user.id}/tasks`],
      ["PUT", `/api/${user.id}/tasks/${taskId}`],
      ["POST", `/api/${user.id}/chat`],
    ] as const) {
      for (const raw of ["{bad", "", '{"title":', "\u0000"]) {
        const res = await api.request(method, path, { headers, raw });
        expectClientError(res, `${method} ${path} ${JSON.stringify(raw)}`);
        if (raw) expect(res.status).toBe(400);
      }
    }
  });

  it("answers malformed cookies with 401", async () => {
    for (const value of ["%", "%E0%A4%A"]) {
      const res = await api.request("GET", "/api/tasks", { headers: { cookie: `better-auth.session_token=${value}` } });
      expect(res.status).toBe(401);
      const compat = await api.request("GET", `/api/${user.id}/tasks`, {
        headers: { cookie: `better-auth.session_token=${value}` },
      });
      expect(compat.status).toBe(401);
    }
  });

  it("strips bidi embeddings, overrides and isolates from titles", async () => {
    const title = "Pay \u202Egnp.exe\u202C invoice \u2066x\u2069";
    const created = await api.request("POST", "/api/tasks", { headers: user.headers, body: { title } });
    expect(created.status).toBe(201);
    expect(created.json.title).toBe("Pay gnp.exe invoice x");
    const renamed = await api.request("PATCH", `/api/tasks/${created.json.id}`, {
      headers: user.headers,
      body: { title: "\u202Dabc\u202C" },
    });
    expect(renamed.json.title).toBe("abc");
    const onlyControls = await api.request("POST", "/api/tasks", {
      headers: user.headers,
      body: { title: "\u202E\u202C" },
    });
    expect(onlyControls.status).toBe(422);
  });
});
