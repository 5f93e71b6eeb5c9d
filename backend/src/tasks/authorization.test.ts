// Two users, every route, every task id of the other user: 404 (or 403 on a foreign {user_id}), nothing changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";

describe.each(databaseKinds)("authorization matrix on %s", (kind) => {
  let api: TestBackend;
  let owner: TestUser;
  let intruder: TestUser;
  let ownerIds: number[];
  let snapshot: unknown;

  beforeAll(async () => {
    api = await createTestBackend(kind);
    owner = await api.signUp("Owner");
    intruder = await api.signUp("Intruder");
    // The intruder has a task 1 of their own, so "1" exists in their namespace but means their own task.
    await api.request("POST", "/api/tasks", { headers: intruder.headers, body: { title: "mine" } });
    ownerIds = [];
    for (const title of ["secret one", "secret two", "secret three"]) {
      const res = await api.request("POST", "/api/tasks", {
        headers: owner.headers,
        body: { title, recurrence: "daily", due_at: "2026-12-01T09:00:00Z" },
      });
      ownerIds.push(res.json.id);
    }
    await api.request("DELETE", `/api/tasks/${ownerIds[2]}`, { headers: owner.headers });
    snapshot = (await api.request("GET", "/api/tasks?limit=200", { headers: owner.headers })).json;
  });
  afterAll(() => api.close());

  const taskRoutes = (id: number) =>
    [
      ["GET", `/api/tasks/${id}`, undefined],
      ["PATCH", `/api/tasks/${id}`, { title: "pwned" }],
      ["DELETE", `/api/tasks/${id}`, undefined],
      ["POST", `/api/tasks/${id}/complete`, undefined],
      ["POST", `/api/tasks/${id}/reopen`, undefined],
    ] as const;

  it("answers 404 for every task route and every id above the intruder's own", async () => {
    for (const id of [2, 3, 4, 99]) {
      for (const [method, path, body] of taskRoutes(id)) {
        const res = await api.request(method, path, { headers: intruder.headers, body });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.json.error.code).toBe("not_found");
        expect(res.text).not.toContain("secret");
      }
    }
  });

  it("acting on id 1 only ever touches the intruder's own task", async () => {
    const res = await api.request("PATCH", "/api/tasks/1", {
      headers: intruder.headers,
      body: { title: "still mine" },
    });
    expect(res.json.title).toBe("still mine");
  });

  it("answers the same for an id that exists for someone else and one that exists for nobody", async () => {
    const a = await api.request("GET", "/api/tasks/2", { headers: intruder.headers });
    const b = await api.request("GET", "/api/tasks/424242", { headers: intruder.headers });
    expect(a.status).toBe(b.status);
    expect(a.json.error.code).toBe(b.json.error.code);
  });

  it("never lists or finds the other user's tasks", async () => {
    for (const query of ["", "?q=secret", "?status=all&limit=200", "?due=week", "?sort=title"]) {
      const res = await api.request("GET", `/api/tasks${query}`, { headers: intruder.headers });
      expect(res.text).not.toContain("secret");
    }
  });

  it("answers 403 on every compatibility route with a foreign {user_id}", async () => {
    const base = `/api/${owner.id}/tasks`;
    for (const [method, path, body] of [
      ["GET", base, undefined],
      ["POST", base, { title: "planted" }],
      ["GET", `${base}/1`, undefined],
      ["PUT", `${base}/1`, { title: "pwned" }],
      ["DELETE", `${base}/1`, undefined],
      ["PATCH", `${base}/1/complete`, undefined],
    ] as const) {
      const res = await api.request(method, path, { headers: intruder.headers, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
    }
  });

  it("answers 401 on every route without credentials", async () => {
    for (const [method, path, body] of [
      ...taskRoutes(1),
      ["GET", "/api/tasks", undefined],
      ["POST", "/api/tasks", { title: "x" }],
      ["GET", `/api/${owner.id}/tasks`, undefined],
    ] as const) {
      const res = await api.request(method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it("left the owner's tasks exactly as they were", async () => {
    expect((await api.request("GET", "/api/tasks?limit=200", { headers: owner.headers })).json).toEqual(snapshot);
  });
});
