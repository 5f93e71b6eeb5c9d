// Two-way sync with real clients from Debian: vdirsyncer between the app's CalDAV server (on a free port) and a
// local directory that todoman reads and writes. A todo made in todoman reaches the app; tasks created, edited,
// completed and deleted in the app reach todoman.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DavUser, startDavBackend } from "./dav-harness";

let s: Awaited<ReturnType<typeof startDavBackend>>;
beforeAll(async () => {
  s = await startDavBackend();
});
afterAll(() => s.close());

/** Runs a client, answering "y" to whatever it asks; rejects with its output when it exits non-zero. */
function client(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.stdin.end("y\ny\ny\ny\ny\ny\n");
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${out}`));
    });
  });
}

interface Todo {
  id: number;
  summary: string;
  completed: boolean;
  list: string;
}

function setUp(user: DavUser) {
  const dir = mkdtempSync(join(tmpdir(), "todo-vdirsyncer-"));
  mkdirSync(join(dir, "calendars"));
  const vdirConfig = join(dir, "vdirsyncer.conf");
  writeFileSync(
    vdirConfig,
    `[general]
status_path = "${dir}/status/"

[pair tasks]
a = "tasks_local"
b = "tasks_remote"
collections = ["from b"]

[storage tasks_local]
type = "filesystem"
path = "${dir}/calendars/"
fileext = ".ics"

[storage tasks_remote]
type = "caldav"
url = "${s.base}/.well-known/caldav"
username = "${user.email}"
password = "${user.key}"
item_types = ["VTODO"]
`,
  );
  const todoConfig = join(dir, "todoman.py");
  writeFileSync(
    todoConfig,
    `path = "${dir}/calendars/*"
date_format = "%Y-%m-%d"
time_format = "%H:%M"
default_list = "inbox"
cache_path = "${dir}/todoman-cache.sqlite3"
`,
  );
  return {
    discover: () => client("/usr/bin/vdirsyncer", ["-c", vdirConfig, "discover", "tasks"]),
    sync: () => client("/usr/bin/vdirsyncer", ["-c", vdirConfig, "sync"]),
    todo: (...args: string[]) => client("/usr/bin/todoman", ["-c", todoConfig, ...args]),
    list: async (): Promise<Todo[]> =>
      JSON.parse(await client("/usr/bin/todoman", ["-c", todoConfig, "--porcelain", "list", "--status", "ANY"])),
  };
}

describe("vdirsyncer + todoman", () => {
  it("syncs both ways", async () => {
    const user = await s.davUser("Todo Man");
    const h = user.headers;
    const kept = await s.request("POST", "/api/tasks", { headers: h, body: { title: "Water the plants" } });
    const doomed = await s.request("POST", "/api/tasks", { headers: h, body: { title: "Cancelled errand" } });
    const project = await s.request("POST", "/api/projects", { headers: h, body: { name: "Home" } });
    await s.request("POST", "/api/tasks", {
      headers: h,
      body: { title: "Fix the shelf", project_id: project.json.id },
    });

    const local = setUp(user);
    await local.discover();
    await local.sync();
    let todos = await local.list();
    expect(todos.map((t) => [t.summary, t.list]).sort()).toEqual([
      ["Cancelled errand", "inbox"],
      ["Fix the shelf", project.json.id],
      ["Water the plants", "inbox"],
    ]);

    // todoman → app
    await local.todo("new", "-l", "inbox", "Call the plumber");
    await local.sync();
    const inApp = await s.request("GET", "/api/tasks?project=inbox&limit=50", { headers: h });
    const plumber = inApp.json.tasks.find((t: { title: string }) => t.title === "Call the plumber");
    expect(plumber).toBeTruthy();

    // app → todoman: edit, complete, delete, create
    await s.request("PATCH", `/api/tasks/${kept.json.id}`, { headers: h, body: { title: "Water the plants twice" } });
    await s.request("POST", `/api/tasks/${plumber.id}/complete`, { headers: h });
    await s.request("DELETE", `/api/tasks/${doomed.json.id}`, { headers: h });
    await s.request("POST", "/api/tasks", { headers: h, body: { title: "Made in the app later" } });
    await local.sync();
    todos = await local.list();
    const byTitle = new Map(todos.map((t) => [t.summary, t]));
    expect([...byTitle.keys()].sort()).toEqual([
      "Call the plumber",
      "Fix the shelf",
      "Made in the app later",
      "Water the plants twice",
    ]);
    expect(byTitle.get("Call the plumber")?.completed).toBe(true);
    expect(byTitle.get("Water the plants twice")?.completed).toBe(false);

    // todoman completes a task made in the app; the app sees it done.
    await local.todo("done", String(byTitle.get("Made in the app later")?.id));
    await local.sync();
    const after = await s.request("GET", "/api/tasks?project=inbox&limit=50", { headers: h });
    const later = after.json.tasks.find((t: { title: string }) => t.title === "Made in the app later");
    expect(later.completed).toBe(true);
    const activity = await s.request("GET", "/api/activity", { headers: h });
    expect(
      activity.json.activity.some(
        (a: { via: string; action: string }) => a.via === "caldav" && a.action === "task.completed",
      ),
    ).toBe(true);

    // A sync with nothing changed on either side changes nothing.
    await local.sync();
    expect((await local.list()).length).toBe(4);
  });
});
