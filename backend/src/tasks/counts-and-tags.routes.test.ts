import { LIMITS } from "@todo/contract/limits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";

const DAY = 86_400_000;

/** Noon UTC `days` from today: inside one UTC day whatever the hour the test runs. */
function noonUtc(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, 12)).toISOString();
}

describe.each(databaseKinds)("task counts and tag changes over HTTP on %s", (kind) => {
  let api: TestBackend;
  beforeAll(async () => {
    api = await createTestBackend(kind);
  });
  afterAll(() => api.close());

  const as = (user: TestUser) => ({
    get: (path: string) => api.request("GET", path, { headers: user.headers }),
    post: (path: string, body?: unknown) => api.request("POST", path, { headers: user.headers, body }),
    patch: (path: string, body: unknown) => api.request("PATCH", path, { headers: user.headers, body }),
  });

  describe("GET /api/tasks/counts", () => {
    let alice: TestUser;
    beforeAll(async () => {
      alice = await api.signUp("Alice");
      const a = as(alice);
      await a.post("/api/tasks", { title: "Three days late", due_at: new Date(Date.now() - 3 * DAY).toISOString() });
      await a.post("/api/tasks", { title: "Tomorrow", due_at: noonUtc(1) });
      await a.post("/api/tasks", { title: "In three days", due_at: noonUtc(3) });
      await a.post("/api/tasks", { title: "In a month", due_at: noonUtc(30) });
      await a.post("/api/tasks", { title: "Some day" });
      const done = await a.post("/api/tasks", { title: "Done", due_at: noonUtc(1) });
      await a.post(`/api/tasks/${done.json.id}/complete`);
    });

    it("answers every count in one response", async () => {
      const res = await as(alice).get("/api/tasks/counts?tz=UTC");
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ all: 6, pending: 5, completed: 1, overdue: 1, today: 0, tomorrow: 1, week: 2 });
    });

    it("agrees with the totals of the lists the counts lead to, in any zone", async () => {
      for (const tz of ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Paris"]) {
        const counts = (await as(alice).get(`/api/tasks/counts?tz=${tz}`)).json;
        const total = async (query: string) =>
          (await as(alice).get(`/api/tasks?limit=1&tz=${tz}&${query}`)).json.total as number;
        expect(counts.all).toBe(await total("status=all"));
        expect(counts.pending).toBe(await total("status=pending"));
        expect(counts.completed).toBe(await total("status=completed"));
        for (const due of ["overdue", "today", "tomorrow", "week"]) {
          expect(counts[due], `${due} in ${tz}`).toBe(await total(`status=pending&due=${due}`));
        }
      }
    });

    it("counts only the caller's tasks", async () => {
      const bob = await api.signUp("Bob");
      expect((await as(bob).get("/api/tasks/counts")).json).toEqual({
        all: 0,
        pending: 0,
        completed: 0,
        overdue: 0,
        today: 0,
        tomorrow: 0,
        week: 0,
      });
    });

    it("refuses an unknown zone or parameter with 422 and a missing credential with 401", async () => {
      for (const query of ["tz=Mars/Olympus", "status=pending", `tz=${"x".repeat(100)}`]) {
        const res = await as(alice).get(`/api/tasks/counts?${query}`);
        expect(res.status, query).toBe(422);
        expect(res.json.error.code).toBe("validation_error");
      }
      expect((await api.request("GET", "/api/tasks/counts")).status).toBe(401);
    });

    it("is documented in the OpenAPI document", async () => {
      const doc = (await api.request("GET", "/openapi.json")).json;
      expect(doc.paths["/api/tasks/counts"].get.parameters.map((p: { name: string }) => p.name)).toEqual(["tz"]);
      expect(Object.keys(doc.components.schemas.TaskCounts.properties).sort()).toEqual(
        ["all", "completed", "overdue", "pending", "today", "tomorrow", "week"].sort(),
      );
      const patch = doc.paths["/api/tasks/{id}"].patch.requestBody.content["application/json"].schema;
      expect(Object.keys(patch.properties)).toEqual(expect.arrayContaining(["tags", "add_tags", "remove_tags"]));
    });
  });

  describe("PATCH /api/tasks/{id} with add_tags and remove_tags", () => {
    let carol: TestUser;
    let id: number;
    beforeAll(async () => {
      carol = await api.signUp("Carol");
      id = (await as(carol).post("/api/tasks", { title: "Tagged", tags: ["home", "work"] })).json.id;
    });

    it("adds and removes tags beside other fields, keeping the task's own", async () => {
      const res = await as(carol).patch(`/api/tasks/${id}`, {
        priority: "high",
        add_tags: ["#Urgent", "home"],
        remove_tags: ["work"],
      });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ priority: "high", tags: ["home", "urgent"] });
      expect((await as(carol).get(`/api/tasks/${id}`)).json.tags).toEqual(["home", "urgent"]);
      expect((await as(carol).patch(`/api/tasks/${id}`, { tags: ["only"] })).json.tags).toEqual(["only"]);
    });

    it("refuses tags with add_tags or remove_tags, a tag both added and removed, and bad tags", async () => {
      for (const [body, path] of [
        [{ tags: ["a"], add_tags: ["b"] }, "tags"],
        [{ add_tags: ["x"], remove_tags: ["X"] }, "remove_tags"],
        [{ add_tags: ["two words"] }, "add_tags.0"],
        [{ remove_tags: "home" }, "remove_tags"],
      ] as const) {
        const res = await as(carol).patch(`/api/tasks/${id}`, body);
        expect(res.status, JSON.stringify(body)).toBe(422);
        expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      expect((await as(carol).get(`/api/tasks/${id}`)).json.tags).toEqual(["only"]);
    });

    it("refuses to go past the tag limit with 422 naming add_tags", async () => {
      const full = Array.from({ length: LIMITS.tags }, (_, i) => `t${i}`);
      await as(carol).patch(`/api/tasks/${id}`, { tags: full });
      const res = await as(carol).patch(`/api/tasks/${id}`, { add_tags: ["extra"], title: "Not saved" });
      expect(res.status).toBe(422);
      expect(res.json.error.details).toEqual([{ path: "add_tags", message: expect.any(String) }]);
      expect((await as(carol).get(`/api/tasks/${id}`)).json).toMatchObject({ title: "Tagged", tags: full });
    });

    it("cannot reach another user's task", async () => {
      const mallory = await api.signUp("Mallory");
      const res = await as(mallory).patch(`/api/tasks/${id}`, { add_tags: ["pwned"] });
      expect(res.status).toBe(404);
    });
  });
});
