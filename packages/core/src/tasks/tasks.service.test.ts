import { NotFoundError, ValidationError } from "@todo/contract/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../test/databases";
import { insertUser } from "../../../../test/users";
import type { Database } from "../db/client";
import {
  completeTask,
  createTask,
  deleteTask,
  getTask,
  listTasks,
  reopenTask,
  toggleTask,
  updateTask,
} from "./tasks.service";

describe.each(databaseKinds)("task service on %s", (kind) => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.handle.db;
  });
  afterAll(() => database.drop());

  describe("validation", () => {
    it("trims the title and accepts exactly 200 characters", async () => {
      const user = await insertUser(db);
      expect((await createTask(db, user, { title: "  Buy milk \n" })).title).toBe("Buy milk");
      expect((await createTask(db, user, { title: "x".repeat(200) })).title).toHaveLength(200);
    });

    it.each([
      ["an empty title", { title: "" }],
      ["a blank title", { title: "   " }],
      ["a 201-character title", { title: "x".repeat(201) }],
      ["a missing title", {}],
      ["a numeric title", { title: 5 }],
      ["a 4001-character description", { title: "t", description: "d".repeat(4001) }],
      ["an unknown priority", { title: "t", priority: "urgent" }],
      ["21 tags", { title: "t", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
      ["a 33-character tag", { title: "t", tags: ["a".repeat(33)] }],
      ["an empty tag", { title: "t", tags: [""] }],
      ["a tag with spaces", { title: "t", tags: ["two words"] }],
      ["a date without a zone", { title: "t", due_at: "2026-12-01T09:00:00" }],
      ["a non-date", { title: "t", due_at: "tomorrow" }],
      [
        "a reminder after the due date",
        { title: "t", due_at: "2026-12-01T09:00:00Z", remind_at: "2026-12-02T09:00:00Z" },
      ],
      ["an invalid rule", { title: "t", recurrence: "FREQ=SOMETIMES" }],
      ["an unknown time zone", { title: "t", timezone: "Mars/Olympus" }],
      ["an unknown field", { title: "t", owner: "someone-else" }],
      ["a user_id field", { title: "t", user_id: "x" }],
    ])("rejects %s with a ValidationError", async (_label, input) => {
      const user = await insertUser(db);
      await expect(createTask(db, user, input)).rejects.toBeInstanceOf(ValidationError);
      expect((await listTasks(db, user)).total).toBe(0);
    });

    it("accepts limits at their edges and normalises tags", async () => {
      const user = await insertUser(db);
      const task = await createTask(db, user, {
        title: "t",
        description: "d".repeat(4000),
        tags: [...Array.from({ length: 18 }, (_, i) => `t${i}`), "#Home", "home", "a".repeat(32)],
      });
      expect(task.description).toHaveLength(4000);
      expect(task.tags).toContain("home");
      expect(task.tags.filter((t) => t === "home")).toHaveLength(1);
      expect(task.tags).toHaveLength(20);
    });

    it("stores SQL and HTML verbatim", async () => {
      const user = await insertUser(db);
      const title = `Robert'); DROP TABLE tasks;-- <script>alert("x")</script>`;
      const task = await createTask(db, user, { title, description: "<img src=x onerror=alert(1)> %_\\" });
      expect((await getTask(db, user, task.id)).title).toBe(title);
      expect((await getTask(db, user, task.id)).description).toBe("<img src=x onerror=alert(1)> %_\\");
    });

    it("rejects ids that are not positive whole numbers", async () => {
      const user = await insertUser(db);
      for (const id of ["0", "-1", "1.5", "abc", "99999999999", 0, 2.5]) {
        await expect(getTask(db, user, id)).rejects.toBeInstanceOf(ValidationError);
      }
    });
  });

  describe("numbering", () => {
    it("numbers each user's tasks 1, 2, 3 and never reuses a number", async () => {
      const a = await insertUser(db);
      const b = await insertUser(db);
      expect((await createTask(db, a, { title: "a1" })).id).toBe(1);
      expect((await createTask(db, b, { title: "b1" })).id).toBe(1);
      const a2 = await createTask(db, a, { title: "a2" });
      expect(a2.id).toBe(2);
      await deleteTask(db, a, 2);
      expect((await createTask(db, a, { title: "a3" })).id).toBe(3);
    });

    it("hands out distinct numbers to concurrent creations", async () => {
      const user = await insertUser(db);
      const created = await Promise.all(Array.from({ length: 20 }, (_, i) => createTask(db, user, { title: `t${i}` })));
      expect(new Set(created.map((t) => t.id)).size).toBe(20);
      expect(Math.max(...created.map((t) => t.id))).toBe(20);
    });
  });

  describe("isolation", () => {
    it("never finds, changes or deletes another user's task", async () => {
      const owner = await insertUser(db);
      const other = await insertUser(db);
      const task = await createTask(db, owner, { title: "private" });
      await expect(getTask(db, other, task.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateTask(db, other, task.id, { title: "hacked" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(completeTask(db, other, task.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(reopenTask(db, other, task.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteTask(db, other, task.id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await listTasks(db, other, { q: "private" })).total).toBe(0);
      expect(await getTask(db, owner, task.id)).toEqual(task);
    });
  });

  describe("updates", () => {
    it("changes only the given fields and clears dates with null", async () => {
      const user = await insertUser(db);
      const task = await createTask(db, user, {
        title: "Report",
        priority: "low",
        due_at: "2026-12-01T09:00:00Z",
        remind_at: "2026-12-01T08:00:00Z",
      });
      const updated = await updateTask(db, user, task.id, { priority: "high", remind_at: null });
      expect(updated).toMatchObject({
        title: "Report",
        priority: "high",
        due_at: "2026-12-01T09:00:00.000Z",
        remind_at: null,
      });
      expect(new Date(updated.updated_at).getTime()).toBeGreaterThanOrEqual(new Date(task.updated_at).getTime());
    });

    it("leaves the task unchanged when an update is invalid", async () => {
      const user = await insertUser(db);
      const task = await createTask(db, user, { title: "Keep me" });
      await expect(updateTask(db, user, task.id, { title: "" })).rejects.toBeInstanceOf(ValidationError);
      await expect(
        updateTask(db, user, task.id, { due_at: "2026-12-01T09:00:00Z", remind_at: "2026-12-09T09:00:00Z" }),
      ).rejects.toBeInstanceOf(ValidationError);
      expect(await getTask(db, user, task.id)).toEqual(task);
    });

    it("completing through an update creates the next occurrence", async () => {
      const user = await insertUser(db);
      const task = await createTask(db, user, {
        title: "Standup",
        due_at: "2026-11-23T09:00:00Z",
        recurrence: "daily",
      });
      await updateTask(db, user, task.id, { completed: true });
      const pending = await listTasks(db, user, { status: "pending" });
      expect(pending.tasks.map((t) => t.due_at)).toEqual(["2026-11-24T09:00:00.000Z"]);
    });
  });

  describe("completion and recurrence", () => {
    async function completeAndNext(input: Record<string, unknown>) {
      const user = await insertUser(db);
      const task = await createTask(db, user, { title: "Recurring", ...input });
      const result = await completeTask(db, user, task.id);
      return { user, created: task, task: result.task, next: result.next };
    }

    it("completes a one-off task without a next occurrence", async () => {
      const { task, next } = await completeAndNext({});
      expect(task.completed).toBe(true);
      expect(task.completed_at).not.toBeNull();
      expect(next).toBeNull();
    });

    it("daily: the next task is due a day later with the same fields", async () => {
      const { task, next } = await completeAndNext({
        description: "notes",
        priority: "high",
        tags: ["home"],
        due_at: "2026-11-22T18:00:00Z",
        remind_at: "2026-11-22T17:30:00Z",
        recurrence: "daily",
      });
      expect(next).toMatchObject({
        id: task.id + 1,
        title: "Recurring",
        description: "notes",
        priority: "high",
        tags: ["home"],
        completed: false,
        recurrence: "FREQ=DAILY",
        due_at: "2026-11-23T18:00:00.000Z",
        remind_at: "2026-11-23T17:30:00.000Z",
      });
    });

    it("weekly on a weekday: Monday to the next Monday, same local time across DST", async () => {
      const { next } = await completeAndNext({
        due_at: "2026-03-23T08:00:00Z", // Monday 09:00 in Paris (CET)
        recurrence: "FREQ=WEEKLY;BYDAY=MO",
        timezone: "Europe/Paris",
      });
      expect(next?.due_at).toBe("2026-03-30T07:00:00.000Z"); // Monday 09:00 CEST
    });

    it("weekly on a weekday from an off day: lands on the next matching weekday", async () => {
      const { next } = await completeAndNext({ due_at: "2026-11-25T10:00:00Z", recurrence: "FREQ=WEEKLY;BYDAY=MO" });
      expect(next?.due_at).toBe("2026-11-30T10:00:00.000Z");
    });

    it("monthly on the 31st: clamps to the month's last day and returns to the 31st", async () => {
      const user = await insertUser(db);
      const first = await createTask(db, user, {
        title: "Invoice",
        due_at: "2027-01-31T09:00:00Z",
        recurrence: "monthly",
      });
      expect(first.recurrence).toBe("FREQ=MONTHLY;BYMONTHDAY=31");
      const feb = (await completeTask(db, user, first.id)).next;
      expect(feb?.due_at).toBe("2027-02-28T09:00:00.000Z");
      const mar = (await completeTask(db, user, feb!.id)).next;
      expect(mar?.due_at).toBe("2027-03-31T09:00:00.000Z");
      const apr = (await completeTask(db, user, mar!.id)).next;
      expect(apr?.due_at).toBe("2027-04-30T09:00:00.000Z");
    });

    it("yearly: same date next year, Feb 29 falls back to Feb 28", async () => {
      expect((await completeAndNext({ due_at: "2026-07-04T12:00:00Z", recurrence: "yearly" })).next?.due_at).toBe(
        "2027-07-04T12:00:00.000Z",
      );
      expect((await completeAndNext({ due_at: "2028-02-29T12:00:00Z", recurrence: "yearly" })).next?.due_at).toBe(
        "2029-02-28T12:00:00.000Z",
      );
    });

    it("a rule that has ended creates no next task", async () => {
      const { next } = await completeAndNext({
        due_at: "2026-11-22T09:00:00Z",
        recurrence: "FREQ=DAILY;UNTIL=20261122T235959Z",
      });
      expect(next).toBeNull();
    });

    it("completing twice creates only one next occurrence", async () => {
      const { user, created: task } = await completeAndNext({ due_at: "2026-11-22T09:00:00Z", recurrence: "daily" });
      const again = await completeTask(db, user, task.id);
      expect(again.next).toBeNull();
      expect((await listTasks(db, user)).total).toBe(2);
    });

    it("reopen and toggle flip the state", async () => {
      const user = await insertUser(db);
      const task = await createTask(db, user, { title: "Flip" });
      expect((await toggleTask(db, user, task.id)).completed).toBe(true);
      expect((await reopenTask(db, user, task.id)).completed_at).toBeNull();
      expect((await toggleTask(db, user, task.id)).completed).toBe(true);
      expect((await toggleTask(db, user, task.id)).completed).toBe(false);
    });
  });

  describe("listing", () => {
    let user: string;
    const now = new Date("2026-11-22T12:00:00Z");
    beforeAll(async () => {
      user = await insertUser(db);
      const make = (input: Record<string, unknown>) => createTask(db, user, input);
      await make({ title: "Buy milk", tags: ["shopping", "home"], priority: "low", due_at: "2026-11-22T18:00:00Z" });
      await make({
        title: "Write report",
        description: "quarterly numbers",
        tags: ["work"],
        priority: "high",
        due_at: "2026-11-20T09:00:00Z",
      });
      await make({ title: "call mom", priority: "medium", due_at: "2026-11-26T09:00:00Z" });
      await make({ title: "Archive 100% done_items", tags: ["work"], due_at: "2026-12-15T09:00:00Z" });
      const done = await make({ title: "Old overdue but done", due_at: "2026-11-01T09:00:00Z", tags: ["home"] });
      await completeTask(db, user, done.id);
    });
    const titles = async (query: Record<string, unknown>) =>
      (await listTasks(db, user, query, { now })).tasks.map((t) => t.title);

    it("filters by status", async () => {
      expect(await titles({ status: "completed" })).toEqual(["Old overdue but done"]);
      expect(await titles({ status: "pending" })).toHaveLength(4);
      expect(await titles({ status: "all" })).toHaveLength(5);
    });

    it("searches title, description and tags case-insensitively, with wildcards taken literally", async () => {
      expect(await titles({ q: "MILK" })).toEqual(["Buy milk"]);
      expect(await titles({ q: "quarterly" })).toEqual(["Write report"]);
      expect(await titles({ q: "shopping" })).toEqual(["Buy milk"]);
      expect(await titles({ q: "100%" })).toEqual(["Archive 100% done_items"]);
      expect(await titles({ q: "%" })).toEqual(["Archive 100% done_items"]);
      expect(await titles({ q: "_" })).toEqual(["Archive 100% done_items"]);
      expect(await titles({ q: "nothing like this" })).toEqual([]);
    });

    it("filters by priority and by every given tag", async () => {
      expect(await titles({ priority: "high" })).toEqual(["Write report"]);
      expect((await titles({ tag: "work" })).sort()).toEqual(["Archive 100% done_items", "Write report"]);
      expect(await titles({ tag: ["home", "shopping"] })).toEqual(["Buy milk"]);
      expect(await titles({ tag: "#HOME", status: "pending" })).toEqual(["Buy milk"]);
    });

    it("filters by due date in the given time zone", async () => {
      expect(await titles({ due: "overdue" })).toEqual(["Write report"]);
      expect(await titles({ due: "today" })).toEqual(["Buy milk"]);
      expect(await titles({ due: "week", sort: "due" })).toEqual(["Buy milk", "call mom"]);
      expect(await titles({ due: "none" })).toEqual([]);
      // 18:00 UTC on Nov 22 is already Nov 23 in Tokyo.
      expect(await titles({ due: "today", tz: "Asia/Tokyo" })).toEqual([]);
    });

    it("sorts by every key in both directions", async () => {
      expect(await titles({ sort: "title", status: "pending" })).toEqual([
        "Archive 100% done_items",
        "Buy milk",
        "call mom",
        "Write report",
      ]);
      expect(await titles({ sort: "title", order: "desc", status: "pending" })).toEqual([
        "Write report",
        "call mom",
        "Buy milk",
        "Archive 100% done_items",
      ]);
      expect(await titles({ sort: "priority", status: "pending" })).toEqual([
        "Write report",
        "call mom",
        "Buy milk",
        "Archive 100% done_items",
      ]);
      expect(await titles({ sort: "priority", order: "asc", status: "pending" })).toEqual([
        "Archive 100% done_items",
        "Buy milk",
        "call mom",
        "Write report",
      ]);
      expect(await titles({ sort: "due", status: "pending" })).toEqual([
        "Write report",
        "Buy milk",
        "call mom",
        "Archive 100% done_items",
      ]);
      expect(await titles({ sort: "due", order: "desc", status: "pending" })).toEqual([
        "Archive 100% done_items",
        "call mom",
        "Buy milk",
        "Write report",
      ]);
      expect(await titles({ sort: "created", status: "pending" })).toEqual([
        "Archive 100% done_items",
        "call mom",
        "Write report",
        "Buy milk",
      ]);
      expect(await titles({ sort: "created", order: "asc", status: "pending" })).toEqual([
        "Buy milk",
        "Write report",
        "call mom",
        "Archive 100% done_items",
      ]);
    });

    it("paginates with a total that ignores the page", async () => {
      const page1 = await listTasks(db, user, { sort: "title", limit: 2 }, { now });
      const page2 = await listTasks(db, user, { sort: "title", limit: 2, offset: 2 }, { now });
      const beyond = await listTasks(db, user, { sort: "title", limit: 2, offset: 50 }, { now });
      expect(page1.total).toBe(5);
      expect(page2.total).toBe(5);
      expect(beyond).toEqual({ tasks: [], total: 5, next_cursor: null });
      expect([...page1.tasks, ...page2.tasks].map((t) => t.id)).toHaveLength(4);
      expect(new Set([...page1.tasks, ...page2.tasks].map((t) => t.id)).size).toBe(4);
    });

    it.each([
      [{ limit: 0 }],
      [{ limit: 201 }],
      [{ limit: 1e9 }],
      [{ limit: "ten" }],
      [{ offset: -1 }],
      [{ status: "done" }],
      [{ sort: "owner" }],
      [{ due: "yesterday" }],
      [{ order: "up" }],
      [{ q: "x".repeat(201) }],
      [{ tz: "Nowhere/City" }],
      [{ unknown: "1" }],
    ])("rejects the list query %o", async (query) => {
      await expect(listTasks(db, user, query)).rejects.toBeInstanceOf(ValidationError);
    });

    it("lists every task exactly as it reads on its own, field for field", async () => {
      // The list builds its JSON in SQL, single tasks through toTaskJson: both must agree, including the
      // microseconds of created_at/updated_at (set by Postgres), nulls, tags and completion times.
      const recurring = await createTask(db, user, {
        title: "Water plants",
        due_at: "2026-11-23T07:30:00.250Z",
        remind_at: "2026-11-23T07:00:00Z",
        recurrence: "FREQ=WEEKLY",
        timezone: "Europe/Berlin",
      });
      await completeTask(db, user, recurring.id);
      const { tasks } = await listTasks(db, user, { limit: 200 });
      expect(tasks.length).toBeGreaterThanOrEqual(7);
      for (const listed of tasks) expect(listed).toStrictEqual(await getTask(db, user, listed.id));
      const withDates = tasks.find((t) => t.id === recurring.id);
      expect(withDates).toMatchObject({ due_at: "2026-11-23T07:30:00.250Z", remind_at: "2026-11-23T07:00:00.000Z" });
      expect(withDates?.completed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      await deleteTask(db, user, recurring.id);
      await deleteTask(db, user, recurring.id + 1);
    });

    it("accepts limit 1 and 200", async () => {
      expect((await listTasks(db, user, { limit: 1 })).tasks).toHaveLength(1);
      expect((await listTasks(db, user, { limit: "200" })).tasks).toHaveLength(5);
    });
  });
});
