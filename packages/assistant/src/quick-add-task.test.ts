// Quick add with projects: `#name` of one of the caller's projects puts the task there (and is no tag), the
// project page's own project is the default, and a project the caller may only read is never chosen.
import type { Database } from "@todo/core/db/client";
import { addMember, createProject } from "@todo/core/projects/projects.service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/databases";
import { insertUser } from "../../../test/users";
import { createTaskFromText, previewQuickAddFor, takeProjectTag } from "./quick-add-task";

const parsed = { title: "Milk", priority: "none" as const, due_at: null, remind_at: null, recurrence: null };

describe("takeProjectTag", () => {
  const projects = [
    { id: "p-shopping-1", name: "Shopping list", role: "editor" as const },
    { id: "p-work-0001", name: "Work", role: "viewer" as const },
  ];

  it("takes the tag spelling a project's name out of the tags", () => {
    expect(takeProjectTag({ ...parsed, tags: ["home", "Shopping-List"] }, projects)).toEqual({
      ...parsed,
      tags: ["home"],
      project: { id: "p-shopping-1", name: "Shopping list" },
    });
  });

  it("leaves tags that name no project, and projects the caller may only read, as tags", () => {
    expect(takeProjectTag({ ...parsed, tags: ["work", "shopping"] }, projects)).toEqual({
      ...parsed,
      tags: ["work", "shopping"],
      project: null,
    });
  });
});

describe("quick add into projects", () => {
  let test: TestDatabase;
  let db: Database;
  let owner: string;
  let other: string;
  let groceries: string;
  let office: string;

  beforeAll(async () => {
    test = await createTestDatabase("pglite");
    db = test.handle.db;
    owner = await insertUser(db, "Owner");
    other = await insertUser(db, "Other");
    groceries = (await createProject(db, owner, { name: "Groceries" })).id;
    office = (await createProject(db, owner, { name: "Office work" })).id;
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("previews #groceries as the project, not a tag", async () => {
    const preview = await previewQuickAddFor(db, owner, "Buy milk tomorrow #groceries #dairy", { timeZone: "UTC" });
    expect(preview.project).toEqual({ id: groceries, name: "Groceries" });
    expect(preview.tags).toEqual(["dairy"]);
    expect(preview.title).toBe("Buy milk");
  });

  it("creates the task in the project the text names, over the page's project", async () => {
    const task = await createTaskFromText(db, owner, "Stamps #office-work", { projectId: groceries });
    expect(task.project_id).toBe(office);
    expect(task.tags).toEqual([]);
  });

  it("creates the task in the page's project when the text names none, and in the Inbox without either", async () => {
    expect((await createTaskFromText(db, owner, "Eggs #dairy", { projectId: groceries })).project_id).toBe(groceries);
    expect((await createTaskFromText(db, owner, "Call the bank")).project_id).toBeNull();
  });

  it("does not see another user's project in #name until it is shared with them", async () => {
    expect((await previewQuickAddFor(db, other, "Bread #groceries")).project).toBeNull();
    await addMember(db, owner, groceries, { email: `${other}@example.test`, role: "editor" });
    const task = await createTaskFromText(db, other, "Bread #groceries");
    expect(task.project_id).toBe(groceries);
  });
});
