// Projects, sharing, subtasks, order and activity through real HTTP, on PGlite and Postgres: a permission matrix
// over roles (owner, editor, viewer, former member, stranger), per-user numbers of shared tasks, the depth limit,
// subtree moves, concurrent reorders and shares, and undo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";

type Method = "GET" | "POST" | "PATCH" | "DELETE";

describe.each(databaseKinds)("projects on %s", (kind) => {
  let api: TestBackend;
  const call = (user: TestUser, method: Method, path: string, body?: unknown) =>
    api.request(method, path, { headers: user.headers, body });

  beforeAll(async () => {
    api = await createTestBackend(kind);
  });
  afterAll(() => api.close());

  /** A project of `owner` shared with the given members (role per user). */
  async function sharedProject(owner: TestUser, members: [TestUser, "viewer" | "editor" | "owner"][], name = "Home") {
    const created = await call(owner, "POST", "/api/projects", { name, color: "#2563EB" });
    expect(created.status).toBe(201);
    for (const [user, role] of members) {
      const res = await call(owner, "POST", `/api/projects/${created.json.id}/members`, { email: user.email, role });
      expect(res.status, res.text).toBe(200);
    }
    return created.json as { id: string; color: string; role: string };
  }

  it("creates a project, lists it with the caller's role, and a stranger cannot tell it exists", async () => {
    const owner = await api.signUp("Olive");
    const stranger = await api.signUp("Stan");
    const project = await sharedProject(owner, []);
    expect(project).toMatchObject({ color: "#2563eb", role: "owner" });
    expect(project.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const list = await call(owner, "GET", "/api/projects");
    expect(list.json.projects.map((p: { id: string }) => p.id)).toEqual([project.id]);
    expect((await call(stranger, "GET", "/api/projects")).json.projects).toEqual([]);
    const theirs = await call(stranger, "GET", `/api/projects/${project.id}`);
    const nobody = await call(stranger, "GET", "/api/projects/AAAAAAAAAAAAAAAA");
    expect(theirs.status).toBe(404);
    expect(nobody.status).toBe(404);
    expect(theirs.json.error.code).toBe(nobody.json.error.code);
    expect(theirs.json.error.message.replace(project.id, "X")).toBe(
      nobody.json.error.message.replace("AAAAAAAAAAAAAAAA", "X"),
    );
  });

  it("gives a shared task a number in each member's own sequence", async () => {
    const alice = await api.signUp("Alice");
    const bob = await api.signUp("Bob");
    for (const title of ["b1", "b2", "b3"]) await call(bob, "POST", "/api/tasks", { title });
    const project = await sharedProject(alice, []);
    const early = await call(alice, "POST", "/api/tasks", { title: "before sharing", project_id: project.id });
    expect(early.json.id).toBe(1);
    await call(alice, "POST", `/api/projects/${project.id}/members`, { email: bob.email, role: "editor" });
    // Bob got a number for the existing task when the project was shared with him: his 4.
    const bobList = await call(bob, "GET", `/api/tasks?project=${project.id}`);
    expect(bobList.json.tasks.map((t: { id: number; title: string }) => [t.id, t.title])).toEqual([
      [4, "before sharing"],
    ]);
    const added = await call(bob, "POST", "/api/tasks", { title: "milk", project_id: project.id });
    expect(added.status).toBe(201);
    expect(added.json.id).toBe(5);
    const aliceSees = await call(alice, "GET", `/api/tasks?project=${project.id}&sort=title`);
    expect(aliceSees.json.tasks.map((t: { id: number; title: string }) => [t.id, t.title])).toEqual([
      [1, "before sharing"],
      [2, "milk"],
    ]);
    // "Task 2" is Alice's milk for Alice and Bob's own b2 for Bob.
    expect((await call(alice, "GET", "/api/tasks/2")).json.title).toBe("milk");
    expect((await call(bob, "GET", "/api/tasks/2")).json.title).toBe("b2");
    // Inbox stays private.
    expect((await call(alice, "GET", "/api/tasks?project=inbox")).json.total).toBe(0);
    expect((await call(bob, "GET", "/api/tasks?project=inbox")).json.total).toBe(3);
  });

  it("allows each role exactly what the table says, and refuses the rest without changing anything", async () => {
    const owner = await api.signUp("Owner");
    const editor = await api.signUp("Editor");
    const viewer = await api.signUp("Viewer");
    const former = await api.signUp("Former");
    const stranger = await api.signUp("Stranger");
    const extra = await api.signUp("Extra");
    const project = await sharedProject(owner, [
      [editor, "editor"],
      [viewer, "viewer"],
      [former, "editor"],
      [extra, "viewer"],
    ]);
    const p = `/api/projects/${project.id}`;
    const task = await call(owner, "POST", "/api/tasks", { title: "shared", project_id: project.id });
    expect(task.status).toBe(201);
    const formerNumber = (await call(former, "GET", `/api/tasks?project=${project.id}`)).json.tasks[0].id;
    expect((await call(former, "DELETE", `${p}/members/${former.id}`)).status).toBe(204);

    /** The number each user has for the shared task (strangers and the former member: the former's old one). */
    const numberOf = async (user: TestUser) => {
      if (user === former || user === stranger) return formerNumber;
      return (await call(user, "GET", `/api/tasks?project=${project.id}`)).json.tasks[0].id as number;
    };
    const snapshot = async () => ({
      project: (await call(owner, "GET", p)).json,
      members: (await call(owner, "GET", `${p}/members`)).json,
      tasks: (await call(owner, "GET", `/api/tasks?project=${project.id}&limit=200`)).json,
    });

    type Case = { name: string; allowed: Record<string, boolean>; run: (u: TestUser, n: number) => Promise<number> };
    const all = (owner: boolean, editor: boolean, viewer: boolean) => ({ owner, editor, viewer });
    const status = async (promise: Promise<{ status: number }>) => (await promise).status;
    const cases: Case[] = [
      { name: "GET project", allowed: all(true, true, true), run: (u) => status(call(u, "GET", p)) },
      { name: "GET members", allowed: all(true, true, true), run: (u) => status(call(u, "GET", `${p}/members`)) },
      { name: "list tasks", allowed: all(true, true, true), run: (u, n) => status(call(u, "GET", `/api/tasks/${n}`)) },
      {
        name: "activity",
        allowed: all(true, true, true),
        run: (u) => status(call(u, "GET", `/api/activity?project=${project.id}`)),
      },
      {
        name: "create task",
        allowed: all(true, true, false),
        run: (u) => status(call(u, "POST", "/api/tasks", { title: "new", project_id: project.id })),
      },
      {
        name: "PATCH task",
        allowed: all(true, true, false),
        run: (u, n) => status(call(u, "PATCH", `/api/tasks/${n}`, { title: "renamed" })),
      },
      {
        name: "complete task",
        allowed: all(true, true, false),
        run: (u, n) => status(call(u, "POST", `/api/tasks/${n}/complete`)),
      },
      {
        name: "assign task",
        allowed: all(true, true, false),
        run: (u, n) => status(call(u, "PATCH", `/api/tasks/${n}`, { assignee_id: editor.id })),
      },
      {
        name: "delete task",
        allowed: all(true, true, false),
        run: (u, n) => status(call(u, "DELETE", `/api/tasks/${n}`)),
      },
      {
        name: "rename project",
        allowed: all(true, false, false),
        run: (u) => status(call(u, "PATCH", p, { name: "Renamed" })),
      },
      {
        name: "archive project",
        allowed: all(true, false, false),
        run: (u) => status(call(u, "PATCH", p, { archived: true })),
      },
      {
        name: "share",
        allowed: all(true, false, false),
        run: (u) => status(call(u, "POST", `${p}/members`, { email: stranger.email, role: "viewer" })),
      },
      {
        name: "change role",
        allowed: all(true, false, false),
        run: (u) => status(call(u, "PATCH", `${p}/members/${viewer.id}`, { role: "viewer" })),
      },
      {
        name: "remove member",
        allowed: all(true, false, false),
        run: (u) => status(call(u, "DELETE", `${p}/members/${extra.id}`)),
      },
      { name: "delete project", allowed: all(true, false, false), run: (u) => status(call(u, "DELETE", p)) },
    ];

    const roles: [string, TestUser][] = [
      ["editor", editor],
      ["viewer", viewer],
      ["former", former],
      ["stranger", stranger],
    ];
    for (const c of cases) {
      for (const [role, user] of roles) {
        const before = await snapshot();
        const got = await c.run(user, await numberOf(user));
        const allowed = c.allowed[role] ?? false;
        if (role === "former" || role === "stranger") {
          // Not a member: never a 403 that would reveal the project; the former member's old number is gone.
          expect(got, `${c.name} as ${role}`).toBe(404);
        } else if (!allowed) {
          expect(got, `${c.name} as ${role}`).toBe(403);
        } else {
          expect(got, `${c.name} as ${role}`).toBeLessThan(300);
          continue;
        }
        expect(await snapshot(), `${c.name} as ${role} changed nothing`).toEqual(before);
      }
    }
    // The owner may do all of it (the destructive ones last, on purpose).
    for (const c of cases) {
      if (c.name === "remove member" || c.name === "delete project" || c.name === "delete task") continue;
      expect(await c.run(owner, await numberOf(owner)), `${c.name} as owner`).toBeLessThan(300);
    }
  });

  it("keeps an owner: the last owner can neither leave nor step down, until ownership is handed over", async () => {
    const owner = await api.signUp("Owner");
    const other = await api.signUp("Other");
    const project = await sharedProject(owner, [[other, "editor"]]);
    const p = `/api/projects/${project.id}`;
    const leave = await call(owner, "DELETE", `${p}/members/${owner.id}`);
    expect(leave.status).toBe(409);
    expect(leave.json.error.code).toBe("conflict");
    expect((await call(owner, "PATCH", `${p}/members/${owner.id}`, { role: "editor" })).status).toBe(409);
    expect((await call(owner, "PATCH", `${p}/members/${other.id}`, { role: "owner" })).status).toBe(200);
    expect((await call(owner, "DELETE", `${p}/members/${owner.id}`)).status).toBe(204);
    expect((await call(owner, "GET", p)).status).toBe(404);
    expect((await call(other, "GET", p)).json.role).toBe("owner");
    // Sharing with an email nobody has is a 404 with a coded error; a malformed one a 422.
    expect((await call(other, "POST", `${p}/members`, { email: "nobody@example.test", role: "viewer" })).status).toBe(
      404,
    );
    expect((await call(other, "POST", `${p}/members`, { email: "not an email", role: "viewer" })).status).toBe(422);
  });

  it("shares twice with the same email at once: one membership, one number per task", async () => {
    const owner = await api.signUp("Owner");
    const friend = await api.signUp("Friend");
    const project = await sharedProject(owner, []);
    for (const title of ["a", "b", "c"]) await call(owner, "POST", "/api/tasks", { title, project_id: project.id });
    const shares = await Promise.all(
      Array.from({ length: 4 }, () =>
        call(owner, "POST", `/api/projects/${project.id}/members`, {
          email: friend.email.toUpperCase(),
          role: "editor",
        }),
      ),
    );
    expect(shares.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    const members = (await call(owner, "GET", `/api/projects/${project.id}/members`)).json.members;
    expect(members).toHaveLength(2);
    const ids = (await call(friend, "GET", `/api/tasks?project=${project.id}&sort=title`)).json.tasks.map(
      (t: { id: number }) => t.id,
    );
    expect(ids).toEqual([1, 2, 3]);
  });

  it("nests subtasks up to four levels, keeps them in the parent's project and moves a subtree with its parent", async () => {
    const owner = await api.signUp("Owner");
    const editor = await api.signUp("Editor");
    const home = await sharedProject(owner, [[editor, "editor"]], "Home");
    const work = await sharedProject(owner, [], "Work");
    const top = await call(owner, "POST", "/api/tasks", { title: "level 1", project_id: home.id });
    let parent = top.json.id as number;
    const chain = [parent];
    for (const level of [2, 3, 4]) {
      const child = await call(owner, "POST", "/api/tasks", { title: `level ${level}`, parent_id: parent });
      expect(child.status, child.text).toBe(201);
      expect(child.json).toMatchObject({ project_id: home.id, parent_id: parent });
      parent = child.json.id;
      chain.push(parent);
    }
    const tooDeep = await call(owner, "POST", "/api/tasks", { title: "level 5", parent_id: parent });
    expect(tooDeep.status).toBe(422);
    expect(tooDeep.json.error.code).toBe("validation_error");
    const wrongProject = await call(owner, "POST", "/api/tasks", {
      title: "elsewhere",
      parent_id: chain[0],
      project_id: work.id,
    });
    expect(wrongProject.status).toBe(422);
    // A cycle is refused; so is making a deep subtree deeper.
    expect((await call(owner, "PATCH", `/api/tasks/${chain[0]}`, { parent_id: chain[2] })).status).toBe(422);
    const other = await call(owner, "POST", "/api/tasks", { title: "other top", project_id: home.id });
    expect((await call(owner, "PATCH", `/api/tasks/${chain[0]}`, { parent_id: other.json.id })).status).toBe(422);

    const parentJson = await call(owner, "GET", `/api/tasks/${chain[0]}`);
    expect(parentJson.json.subtasks).toEqual({ total: 1, done: 0 });
    await call(owner, "POST", `/api/tasks/${chain[1]}/complete`);
    expect((await call(owner, "GET", `/api/tasks/${chain[0]}`)).json.subtasks).toEqual({ total: 1, done: 1 });
    expect(
      (await call(owner, "GET", `/api/tasks?parent=${chain[0]}`)).json.tasks.map((t: { id: number }) => t.id),
    ).toEqual([chain[1]]);
    expect((await call(owner, "GET", `/api/tasks?project=${home.id}&parent=none`)).json.total).toBe(2);

    // The editor sees the subtree; moving it to Work (where the editor is not a member) takes it out of their view.
    const editorBefore = await call(editor, "GET", `/api/tasks?project=${home.id}`);
    expect(editorBefore.json.total).toBe(5);
    const moved = await call(owner, "PATCH", `/api/tasks/${chain[0]}`, { project_id: work.id });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json.project_id).toBe(work.id);
    const inWork = await call(owner, "GET", `/api/tasks?project=${work.id}&limit=200`);
    expect(inWork.json.tasks.map((t: { id: number }) => t.id).sort()).toEqual([...chain].sort());
    expect((await call(editor, "GET", `/api/tasks?project=${home.id}`)).json.total).toBe(1);
    const editorNumber = editorBefore.json.tasks.find((t: { title: string }) => t.title === "level 3").id;
    expect((await call(editor, "GET", `/api/tasks/${editorNumber}`)).status).toBe(404);
    // A subtask moved on its own to another project becomes a top task there.
    const alone = await call(owner, "PATCH", `/api/tasks/${chain[3]}`, { project_id: home.id });
    expect(alone.json).toMatchObject({ project_id: home.id, parent_id: null });
  });

  it("reorders by `after` and loses no move when two happen at once", async () => {
    const owner = await api.signUp("Owner");
    const editor = await api.signUp("Editor");
    const project = await sharedProject(owner, [[editor, "editor"]]);
    const ids: number[] = [];
    for (const title of ["a", "b", "c", "d", "e", "f"]) {
      ids.push((await call(owner, "POST", "/api/tasks", { title, project_id: project.id })).json.id);
    }
    const order = async () =>
      (await call(owner, "GET", `/api/tasks?project=${project.id}&sort=position`)).json.tasks.map(
        (t: { title: string }) => t.title,
      );
    expect(await order()).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect((await call(owner, "PATCH", `/api/tasks/${ids[5]}`, { after: null })).status).toBe(200);
    expect(await order()).toEqual(["f", "a", "b", "c", "d", "e"]);
    expect((await call(owner, "PATCH", `/api/tasks/${ids[0]}`, { after: ids[3] })).status).toBe(200);
    expect(await order()).toEqual(["f", "b", "c", "d", "a", "e"]);

    // Two members move two tasks into the same gap at once: both land there, in some order, nothing lost.
    const editorIds = new Map<string, number>(
      (await call(editor, "GET", `/api/tasks?project=${project.id}`)).json.tasks.map(
        (t: { title: string; id: number }) => [t.title, t.id],
      ),
    );
    const [r1, r2] = await Promise.all([
      call(owner, "PATCH", `/api/tasks/${ids[4]}`, { after: ids[5] }),
      call(editor, "PATCH", `/api/tasks/${editorIds.get("c")}`, { after: editorIds.get("f") }),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    const after = await order();
    expect(after).toHaveLength(6);
    expect(new Set(after)).toEqual(new Set(["a", "b", "c", "d", "e", "f"]));
    expect(after[0]).toBe("f");
    expect(new Set(after.slice(1, 3))).toEqual(new Set(["e", "c"]));
    expect(after.slice(3)).toEqual(["b", "d", "a"]);
    const positions = (await call(owner, "GET", `/api/tasks?project=${project.id}&sort=position`)).json.tasks.map(
      (t: { position: number }) => t.position,
    );
    expect(new Set(positions).size).toBe(6);

    // Many moves into the same spot keep halving the gap until the list is spread out again; order stays exact.
    for (let i = 0; i < 60; i++) {
      const which = i % 2 === 0 ? ids[1] : ids[2];
      expect((await call(owner, "PATCH", `/api/tasks/${which}`, { after: ids[5] })).status).toBe(200);
    }
    expect((await order()).slice(0, 2)).toEqual(["f", "c"]);
    const notSibling = await call(owner, "POST", "/api/tasks", { title: "inbox task" });
    expect((await call(owner, "PATCH", `/api/tasks/${ids[1]}`, { after: notSibling.json.id })).status).toBe(422);
  });

  it("assigns only members, lists assignee=me, and takes a removed member off their tasks", async () => {
    const owner = await api.signUp("Owner");
    const editor = await api.signUp("Edna");
    const stranger = await api.signUp("Stranger");
    const project = await sharedProject(owner, [[editor, "editor"]]);
    const task = await call(owner, "POST", "/api/tasks", { title: "plumber", project_id: project.id });
    expect((await call(owner, "PATCH", `/api/tasks/${task.json.id}`, { assignee_id: stranger.id })).status).toBe(422);
    const assigned = await call(owner, "PATCH", `/api/tasks/${task.json.id}`, { assignee_id: editor.id });
    expect(assigned.json.assignee).toEqual({ id: editor.id, name: "Edna" });
    const mine = await call(editor, "GET", "/api/tasks?assignee=me");
    expect(mine.json.tasks.map((t: { title: string }) => t.title)).toEqual(["plumber"]);
    expect((await call(owner, "GET", "/api/tasks?assignee=me")).json.total).toBe(0);
    expect((await call(owner, "DELETE", `/api/projects/${project.id}/members/${editor.id}`)).status).toBe(204);
    expect((await call(owner, "GET", `/api/tasks/${task.json.id}`)).json.assignee).toBeNull();
    // An Inbox task can only be assigned to its owner.
    const own = await call(owner, "POST", "/api/tasks", { title: "mine", assignee_id: editor.id });
    expect(own.status).toBe(422);
  });

  it("shows Today and Upcoming in the caller's zone", async () => {
    const user = await api.signUp("Zoe");
    const now = Date.now();
    const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
    await call(user, "POST", "/api/tasks", { title: "overdue", due_at: at(-48) });
    await call(user, "POST", "/api/tasks", { title: "in 3 days", due_at: at(72) });
    await call(user, "POST", "/api/tasks", { title: "in 20 days", due_at: at(480) });
    await call(user, "POST", "/api/tasks", { title: "no date" });
    const done = await call(user, "POST", "/api/tasks", { title: "done overdue", due_at: at(-30) });
    await call(user, "POST", `/api/tasks/${done.json.id}/complete`);
    const titles = async (q: string) =>
      (await call(user, "GET", `/api/tasks?${q}`)).json.tasks.map((t: { title: string }) => t.title);
    expect(await titles("view=today&tz=Pacific/Kiritimati")).toEqual(["overdue"]);
    expect(await titles("view=upcoming&tz=Pacific/Kiritimati")).toEqual(["in 3 days"]);
    expect((await call(user, "GET", "/api/tasks?view=someday")).status).toBe(422);
  });

  it("records every change with who and through what, and undoes one change when nothing changed since", async () => {
    const owner = await api.signUp("Owner");
    const editor = await api.signUp("Eddie");
    const project = await sharedProject(owner, [[editor, "editor"]]);
    const task = await call(owner, "POST", "/api/tasks", { title: "draft", project_id: project.id });
    const n = task.json.id as number;
    const editorN = (await call(editor, "GET", `/api/tasks?project=${project.id}`)).json.tasks[0].id as number;
    await call(editor, "PATCH", `/api/tasks/${editorN}`, { title: "final", priority: "high" });
    const log = await call(owner, "GET", `/api/activity?task=${n}`);
    expect(log.status).toBe(200);
    expect(log.json.activity.map((e: { action: string }) => e.action)).toEqual(["task.updated", "task.created"]);
    const [update] = log.json.activity;
    expect(update).toMatchObject({
      actor: { id: editor.id, name: "Eddie" },
      via: "web",
      task_id: n,
      project_id: project.id,
      before: { title: "draft", priority: "none" },
      after: { title: "final", priority: "high" },
    });
    // The editor's view of the same entry names the task by the editor's number.
    expect((await call(editor, "GET", `/api/activity?task=${editorN}`)).json.activity[0].task_id).toBe(editorN);
    const stranger = await api.signUp("Stranger");
    expect((await call(stranger, "GET", `/api/activity?project=${project.id}`)).status).toBe(404);
    expect((await call(stranger, "GET", "/api/activity")).json.activity).toEqual([]);
    expect((await call(stranger, "POST", `/api/activity/${update.id}/undo`)).status).toBe(404);

    const undo = await call(owner, "POST", `/api/activity/${update.id}/undo`);
    expect(undo.status, JSON.stringify(update) + undo.text).toBe(200);
    expect(undo.json.entry).toMatchObject({ undoes: update.id, after: { title: "draft", priority: "none" } });
    expect((await call(owner, "GET", `/api/tasks/${n}`)).json).toMatchObject({ title: "draft", priority: "none" });
    // The entry is no longer the latest: undoing it again is a conflict, and so is undoing an older one.
    const again = await call(owner, "POST", `/api/activity/${update.id}/undo`);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");

    // Delete, then undo: the same task comes back under the same numbers.
    await call(editor, "DELETE", `/api/tasks/${editorN}`);
    expect((await call(owner, "GET", `/api/tasks/${n}`)).status).toBe(404);
    const deleted = (await call(owner, "GET", `/api/activity?project=${project.id}`)).json.activity[0];
    expect(deleted.action).toBe("task.deleted");
    expect((await call(owner, "POST", `/api/activity/${deleted.id}/undo`)).status).toBe(200);
    expect((await call(owner, "GET", `/api/tasks/${n}`)).json.title).toBe("draft");
    expect((await call(editor, "GET", `/api/tasks/${editorN}`)).json.title).toBe("draft");

    // A viewer may read the log but not undo.
    const viewer = await api.signUp("Vi");
    await call(owner, "POST", `/api/projects/${project.id}/members`, { email: viewer.email, role: "viewer" });
    const latest = (await call(viewer, "GET", `/api/activity?project=${project.id}`)).json.activity;
    const restored = latest.find((e: { action: string }) => e.action === "task.restored");
    expect((await call(viewer, "POST", `/api/activity/${restored.id}/undo`)).status).toBe(403);
    // A project change cannot be undone through this route.
    const created = latest.find((e: { action: string }) => e.action === "project.created");
    expect((await call(owner, "POST", `/api/activity/${created.id}/undo`)).status).toBe(409);
    expect((await call(owner, "POST", "/api/activity/abc/undo")).status).toBe(422);
  });

  it("undoes a completion of a recurring task and takes back its untouched next occurrence", async () => {
    const user = await api.signUp("Rita");
    const task = await call(user, "POST", "/api/tasks", {
      title: "water plants",
      due_at: "2026-12-01T09:00:00Z",
      recurrence: "weekly",
    });
    const done = await call(user, "POST", `/api/tasks/${task.json.id}/complete`);
    expect(done.json.next).not.toBeNull();
    const log = await call(user, "GET", `/api/activity?task=${task.json.id}`);
    expect(log.status, log.text).toBe(200);
    const completion = log.json.activity[0];
    expect(completion.action).toBe("task.completed");
    expect((await call(user, "POST", `/api/activity/${completion.id}/undo`)).status).toBe(200);
    expect((await call(user, "GET", `/api/tasks/${task.json.id}`)).json.completed).toBe(false);
    expect((await call(user, "GET", `/api/tasks/${done.json.next.id}`)).status).toBe(404);
    expect((await call(user, "GET", "/api/tasks")).json.total).toBe(1);

    // Reopening does the same (issue 18); a next occurrence that was changed meanwhile stays.
    const again = await call(user, "POST", `/api/tasks/${task.json.id}/complete`);
    await call(user, "POST", `/api/tasks/${task.json.id}/reopen`);
    expect((await call(user, "GET", `/api/tasks/${again.json.next.id}`)).status).toBe(404);
    const third = await call(user, "POST", `/api/tasks/${task.json.id}/complete`);
    await call(user, "PATCH", `/api/tasks/${third.json.next.id}`, { title: "water the big plants" });
    await call(user, "POST", `/api/tasks/${task.json.id}/reopen`);
    expect((await call(user, "GET", `/api/tasks/${third.json.next.id}`)).json.title).toBe("water the big plants");
  });

  it("answers a created task exactly as GET answers it, in the Inbox and in a project", async () => {
    const user = await api.signUp("Cora");
    const project = await sharedProject(user, []);
    for (const body of [
      { title: "inbox", tags: ["a"], due_at: "2026-12-01T09:00:00.5Z", completed: true },
      { title: "in project", project_id: project.id, assignee_id: user.id },
    ]) {
      const created = await call(user, "POST", "/api/tasks", body);
      expect(created.status).toBe(201);
      expect(created.json).toStrictEqual((await call(user, "GET", `/api/tasks/${created.json.id}`)).json);
    }
  });

  it("documents the routes in the OpenAPI document", async () => {
    const doc = (await api.request("GET", "/openapi.json")).json;
    for (const path of [
      "/api/projects",
      "/api/projects/{id}",
      "/api/projects/{id}/members",
      "/api/projects/{id}/members/{user_id}",
      "/api/activity",
      "/api/activity/{id}/undo",
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const params = doc.paths["/api/tasks"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(["project", "parent", "assignee", "view"]));
  });
});
