import { DUE_FILTERS } from "@todo/contract/enums";
import { ValidationError } from "@todo/contract/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../test/databases";
import { insertUser } from "../../../../test/users";
import type { Database } from "../db/client";
import { countTasks } from "./counts";
import { completeTask, createTask, listTasks } from "./tasks.service";

describe.each(databaseKinds)("task counts on %s", (kind) => {
  let database: TestDatabase;
  let db: Database;
  let user: string;
  const now = new Date("2026-11-22T12:00:00Z");
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.handle.db;
    user = await insertUser(db);
    const make = (title: string, due_at?: string) => createTask(db, user, { title, ...(due_at ? { due_at } : {}) });
    await make("earlier today, overdue", "2026-11-22T08:00:00Z");
    await make("later today", "2026-11-22T18:00:00Z");
    await make("tomorrow", "2026-11-23T10:00:00Z");
    await make("in four days", "2026-11-26T09:00:00Z");
    await make("last week", "2026-11-15T09:00:00Z");
    await make("next month", "2026-12-15T09:00:00Z");
    await make("no date");
    const done = await make("done, was due today", "2026-11-22T09:00:00Z");
    await completeTask(db, user, done.id);
    await completeTask(db, user, (await make("done, no date")).id);
  });
  afterAll(() => database.drop());

  it("counts every state in one answer", async () => {
    expect(await countTasks(db, user, {}, { now })).toEqual({
      all: 9,
      pending: 7,
      completed: 2,
      overdue: 2,
      today: 2,
      tomorrow: 1,
      week: 4,
    });
  });

  it("matches the total of the list each count leads to, in any time zone", async () => {
    for (const tz of ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati"]) {
      const counts = await countTasks(db, user, { tz }, { now });
      const total = async (query: Record<string, unknown>) =>
        (await listTasks(db, user, { ...query, tz }, { now })).total;
      expect(counts.all).toBe(await total({ status: "all" }));
      expect(counts.pending).toBe(await total({ status: "pending" }));
      expect(counts.completed).toBe(await total({ status: "completed" }));
      for (const due of DUE_FILTERS) {
        if (due === "none") continue;
        expect(counts[due], `${due} in ${tz}`).toBe(await total({ status: "pending", due }));
      }
    }
  });

  it("counts days in the given zone", async () => {
    // At 12:00 UTC it is 21:00 on Nov 22 in Tokyo: 08:00 UTC was 17:00 today there, 18:00 UTC is 03:00 tomorrow.
    expect(await countTasks(db, user, { tz: "Asia/Tokyo" }, { now })).toMatchObject({ today: 1, tomorrow: 2 });
    // In Los Angeles it is 04:00 on Nov 22; 08:00 UTC was still Nov 22 00:00 there.
    expect(await countTasks(db, user, { tz: "America/Los_Angeles" }, { now })).toMatchObject({ today: 2 });
  });

  it("is zero for a user without tasks and never counts another user's", async () => {
    const other = await insertUser(db);
    expect(await countTasks(db, other)).toEqual({
      all: 0,
      pending: 0,
      completed: 0,
      overdue: 0,
      today: 0,
      tomorrow: 0,
      week: 0,
    });
  });

  it("refuses an unknown time zone or an unknown parameter", async () => {
    await expect(countTasks(db, user, { tz: "Mars/Olympus" })).rejects.toBeInstanceOf(ValidationError);
    await expect(countTasks(db, user, { status: "pending" })).rejects.toBeInstanceOf(ValidationError);
  });
});
