import { NotFoundError, ValidationError } from "@todo/contract/errors";
import { LIMITS } from "@todo/contract/limits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../test/databases";
import { insertUser } from "../../../../test/users";
import type { Database } from "../db/client";
import { addTags, changeTags, removeTags } from "./tags";
import { createTask, getTask, updateTask } from "./tasks.service";

describe.each(databaseKinds)("tag operations on %s", (kind) => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.handle.db;
  });
  afterAll(() => database.drop());

  const tagged = async (tags: string[]) => {
    const user = await insertUser(db);
    return { user, task: await createTask(db, user, { title: "Tagged", tags }) };
  };

  it("adds tags after the task's own, normalised and without duplicates", async () => {
    const { user, task } = await tagged(["home", "work"]);
    const changed = await addTags(db, user, task.id, ["#Urgent", "work", "errands", "urgent"]);
    expect(changed.tags).toEqual(["home", "work", "urgent", "errands"]);
    expect((await getTask(db, user, task.id)).tags).toEqual(["home", "work", "urgent", "errands"]);
  });

  it("removes tags, ignoring ones the task does not have", async () => {
    const { user, task } = await tagged(["home", "work", "errands"]);
    expect((await removeTags(db, user, task.id, ["WORK", "nothing"])).tags).toEqual(["home", "errands"]);
    expect((await removeTags(db, user, task.id, ["home", "errands"])).tags).toEqual([]);
  });

  it("adds and removes in one change", async () => {
    const { user, task } = await tagged(["a", "b", "c"]);
    expect((await changeTags(db, user, task.id, { add: ["d"], remove: ["b"] })).tags).toEqual(["a", "c", "d"]);
  });

  it("leaves updated_at alone when nothing changes", async () => {
    const { user, task } = await tagged(["home"]);
    const same = await addTags(db, user, task.id, ["home"]);
    expect(same.updated_at).toBe(task.updated_at);
    expect((await removeTags(db, user, task.id, ["work"])).updated_at).toBe(task.updated_at);
    expect((await addTags(db, user, task.id, ["work"])).updated_at).not.toBe(task.updated_at);
  });

  it("refuses to go past the tag limit and changes nothing", async () => {
    const full = Array.from({ length: LIMITS.tags - 1 }, (_, i) => `t${i}`);
    const { user, task } = await tagged(full);
    expect((await addTags(db, user, task.id, ["last"])).tags).toHaveLength(LIMITS.tags);
    await expect(addTags(db, user, task.id, ["one-more"])).rejects.toMatchObject({
      code: "validation_error",
      details: [{ path: "add_tags" }],
    });
    // Adding a tag it already has is no growth.
    expect((await addTags(db, user, task.id, ["last"])).tags).toHaveLength(LIMITS.tags);
    // Removing one makes room in the same change.
    expect((await changeTags(db, user, task.id, { add: ["new"], remove: ["t0"] })).tags).toContain("new");
    expect((await getTask(db, user, task.id)).tags).toHaveLength(LIMITS.tags);
  });

  it("refuses invalid tags and a tag both added and removed", async () => {
    const { user, task } = await tagged(["home"]);
    await expect(addTags(db, user, task.id, ["two words"])).rejects.toBeInstanceOf(ValidationError);
    await expect(addTags(db, user, task.id, [""])).rejects.toBeInstanceOf(ValidationError);
    await expect(changeTags(db, user, task.id, { add: ["x"], remove: ["#X"] })).rejects.toBeInstanceOf(ValidationError);
    expect((await getTask(db, user, task.id)).tags).toEqual(["home"]);
  });

  it("never reaches another user's task", async () => {
    const { task } = await tagged(["home"]);
    const mallory = await insertUser(db, "Mallory");
    await expect(addTags(db, mallory, task.id, ["pwned"])).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeTags(db, mallory, 999, ["x"])).rejects.toBeInstanceOf(NotFoundError);
    await expect(addTags(db, mallory, "abc", ["x"])).rejects.toBeInstanceOf(ValidationError);
  });

  it("keeps every one of many concurrent additions and removals", async () => {
    const { user, task } = await tagged(["keep", "drop-0", "drop-1", "drop-2", "drop-3"]);
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => addTags(db, user, task.id, [`new-${i}`])),
      ...Array.from({ length: 4 }, (_, i) => removeTags(db, user, task.id, [`drop-${i}`])),
      ...Array.from({ length: 4 }, (_, i) => updateTask(db, user, task.id, { add_tags: [`upd-${i}`] })),
    ]);
    const tags = (await getTask(db, user, task.id)).tags;
    expect(tags[0]).toBe("keep");
    expect([...tags].sort()).toEqual(
      [
        "keep",
        ...Array.from({ length: 8 }, (_, i) => `new-${i}`),
        ...Array.from({ length: 4 }, (_, i) => `upd-${i}`),
      ].sort(),
    );
  });

  describe("through updateTask", () => {
    it("adds and removes beside other fields, keeping `tags` as a replacement", async () => {
      const { user, task } = await tagged(["home", "work"]);
      const changed = await updateTask(db, user, task.id, { title: "Renamed", add_tags: ["x"], remove_tags: ["home"] });
      expect(changed).toMatchObject({ title: "Renamed", tags: ["work", "x"] });
      expect((await updateTask(db, user, task.id, { tags: ["only"] })).tags).toEqual(["only"]);
    });

    it("refuses `tags` together with add_tags or remove_tags", async () => {
      const { user, task } = await tagged(["home"]);
      for (const input of [
        { tags: ["a"], add_tags: ["b"] },
        { tags: [], remove_tags: ["home"] },
      ]) {
        await expect(updateTask(db, user, task.id, input)).rejects.toMatchObject({
          code: "validation_error",
          details: [{ path: "tags" }],
        });
      }
      expect((await getTask(db, user, task.id)).tags).toEqual(["home"]);
    });

    it("refuses an addition past the limit and leaves every field unchanged", async () => {
      const { user, task } = await tagged(Array.from({ length: LIMITS.tags }, (_, i) => `t${i}`));
      await expect(updateTask(db, user, task.id, { title: "Changed", add_tags: ["extra"] })).rejects.toBeInstanceOf(
        ValidationError,
      );
      expect((await getTask(db, user, task.id)).title).toBe("Tagged");
    });
  });
});
