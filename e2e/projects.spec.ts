// Projects end to end (issue 13): one user creates a project and shares it, the other sees it and adds a task,
// the first sees that task and its activity; assignee initials; subtasks with their progress; Today and Upcoming
// (by day); reorder in the sidebar; leaving; the phone menu; screenshots desktop/phone, light/dark, and axe.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiFromPage,
  expectCount,
  expectText,
  launchBrowser,
  newContext,
  newUser,
  quickAdd,
  runAxe,
  signUp,
  taskItem,
  type User,
} from "./browser";

async function shot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: `/tmp/projui-${name}.png`, fullPage });
}

function sidebar(page: Page) {
  return page.getByRole("complementary", { name: "Views and projects" });
}

async function projectNames(page: Page): Promise<string[]> {
  return (await sidebar(page).getByTestId("project-nav-item").locator("a span.truncate").allTextContents()).map((t) =>
    t.trim(),
  );
}

describe("projects", () => {
  let browser: Browser;
  let ana: { context: BrowserContext; page: Page; user: User };
  let ben: { context: BrowserContext; page: Page; user: User };
  const suffix = Date.now().toString(36);
  const projectName = `Groceries ${suffix}`;
  let projectId = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const label of ["Ana", "Ben"] as const) {
      const context = await newContext(browser);
      const page = await context.newPage();
      const user = newUser(label);
      await signUp(page, user);
      if (label === "Ana") ana = { context, page, user };
      else ben = { context, page, user };
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("creates a project from the sidebar and adds a task inside it", async () => {
    const { page } = ana;
    await sidebar(page).getByRole("button", { name: "New project" }).click();
    const dialog = page.getByRole("dialog", { name: "New project" });
    await dialog.getByLabel("Name").fill(projectName);
    await dialog.getByRole("radio", { name: "Green" }).check();
    await dialog.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL("**/projects/*");
    projectId = page.url().split("/projects/")[1] ?? "";
    expect(projectId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    await expectText(page.getByTestId("project-title"), new RegExp(projectName));
    expect(await projectNames(page)).toContain(projectName);

    expect(await page.getByLabel("Add a task").getAttribute("placeholder")).toBe(`Add a task to ${projectName}`);
    await quickAdd(page, "Buy milk tomorrow", "Buy milk");
    const listed = await apiFromPage<{ tasks: Array<{ title: string; project_id: string | null }> }>(
      page,
      `/api/tasks?project=${projectId}`,
    );
    expect(listed.body.tasks.map((t) => [t.title, t.project_id])).toEqual([["Buy milk", projectId]]);
    // The sidebar counts the project's pending task.
    await expectText(sidebar(page).getByTestId("project-pending"), /^1/);
  });

  it("reads #project in quick add, shows it in the preview and files the task there", async () => {
    const { page } = ana;
    await sidebar(page).getByRole("link", { name: "Inbox" }).click();
    await page.getByRole("heading", { name: "Inbox" }).waitFor();
    const input = page.getByLabel("Add a task");
    await input.fill(`Eggs #groceries-${suffix} #dairy`);
    const preview = page.getByTestId("quick-add-preview");
    await expectText(preview.getByTestId("preview-project"), new RegExp(projectName));
    await expectText(preview.getByTestId("preview-tags"), /^Tags#dairy$/);
    await input.press("Enter");
    await expect.poll(() => input.inputValue()).toBe("");
    // Not in the Inbox: in the project.
    await expect
      .poll(async () => {
        const r = await apiFromPage<{ tasks: Array<{ title: string }> }>(page, `/api/tasks?project=${projectId}`);
        return r.body.tasks.map((t) => t.title).sort();
      })
      .toEqual(["Buy milk", "Eggs"]);
    await page.getByTestId("empty-state").waitFor();
  });

  it("shares the project by email; the other user sees it, adds a task, and the first sees it and its activity", async () => {
    const { page } = ana;
    await page.goto(`/projects/${projectId}`);
    await page.getByRole("button", { name: "Share" }).click();
    const dialog = page.getByTestId("share-dialog");
    await dialog.getByLabel("Email").fill(ben.user.email);
    await dialog.getByLabel("Role", { exact: true }).selectOption("editor");
    await dialog.getByRole("button", { name: "Invite" }).click();
    const benRow = dialog.getByTestId("member").filter({ hasText: ben.user.email });
    await benRow.waitFor();
    await expect.poll(() => benRow.getByTestId("member-role").inputValue()).toBe("editor");
    // An email with no account says so, in words.
    await dialog.getByLabel("Email").fill(`nobody-${suffix}@example.com`);
    await dialog.getByRole("button", { name: "Invite" }).click();
    await expectText(dialog.getByTestId("invite-error"), /\S/);
    await shot(page, "share-dialog-desktop-light", false);
    expect((await runAxe(page, "projects-share-dialog")).serious).toEqual([]);
    await page.keyboard.press("Escape");

    // Ben: the project appears in his sidebar; he adds a task in it.
    await ben.page.reload();
    await sidebar(ben.page)
      .getByRole("link", { name: new RegExp(projectName) })
      .click();
    await ben.page.waitForURL(`**/projects/${projectId}`);
    await taskItem(ben.page, "Buy milk").waitFor();
    await quickAdd(ben.page, "Bread", "Bread");

    // Ana sees Ben's task, and its activity says Ben created it from the web app.
    await page.reload();
    await taskItem(page, "Bread").waitFor();
    await taskItem(page, "Bread").getByRole("button", { name: "Activity of “Bread”" }).click();
    const panel = page.getByTestId("activity-panel");
    await expectText(panel.getByTestId("activity-entry"), new RegExp(`${ben.user.name} created the task.*via web`));
    await shot(page, "activity-desktop-light", false);
    await page.keyboard.press("Escape");
  });

  it("shows the assignee's initials on a task of the shared project", async () => {
    const { page } = ana;
    const members = await apiFromPage<{ members: Array<{ user_id: string; email: string }> }>(
      page,
      `/api/projects/${projectId}/members`,
    );
    const benId = members.body.members.find((m) => m.email === ben.user.email)?.user_id;
    const bread = Number(await taskItem(page, "Bread").getAttribute("data-task-id"));
    const patched = await apiFromPage(page, `/api/tasks/${bread}`, { method: "PATCH", body: { assignee_id: benId } });
    expect(patched.status).toBe(200);
    await page.reload();
    const badge = taskItem(page, "Bread").getByTestId("task-assignee");
    await expectText(
      badge,
      new RegExp(`^B${ben.user.name.split(" ")[1]?.[0]?.toUpperCase()}Assigned to ${ben.user.name}$`),
    );
  });

  it("nests subtasks under their parent with a done/total count", async () => {
    const { page } = ana;
    await taskItem(page, "Buy milk").getByRole("button", { name: "Add a subtask to “Buy milk”" }).click();
    const input = page.getByLabel("Subtask title");
    await input.fill("Whole milk");
    await input.press("Enter");
    await page.getByTestId("subtask-list").getByText("Whole milk").waitFor();
    await input.fill("Oat milk");
    await input.press("Enter");
    const subtasks = page.getByTestId("subtask-list");
    await expectCount(subtasks.getByTestId("task-item"), 2);
    await expectText(taskItem(page, "Buy milk").first().getByTestId("task-subtasks"), /^0\/2/);
    await subtasks.getByRole("checkbox", { name: "Mark “Oat milk” as done" }).click();
    await expectText(taskItem(page, "Buy milk").first().getByTestId("task-subtasks"), /^1\/2/);
    // The subtasks live in the project, under their parent, not at its top level.
    const top = await apiFromPage<{ tasks: Array<{ title: string }> }>(
      page,
      `/api/tasks?project=${projectId}&parent=none`,
    );
    expect(top.body.tasks.map((t) => t.title).sort()).toEqual(["Bread", "Buy milk", "Eggs"]);
    await shot(page, "project-desktop-light");
  });

  it("completing a parent leaves its open subtasks alone and offers to complete them", async () => {
    const { page } = ana;
    await quickAdd(page, "Pack for the trip", "Pack for the trip");
    const parentId = Number(await taskItem(page, "Pack for the trip").getAttribute("data-task-id"));
    const sub = await apiFromPage<{ id: number }>(page, "/api/tasks", {
      method: "POST",
      body: { title: "Passport", parent_id: parentId },
    });
    expect(sub.status).toBe(201);
    await page.reload();
    await expectText(taskItem(page, "Pack for the trip").getByTestId("task-subtasks"), /^0\/1/);
    await taskItem(page, "Pack for the trip").getByRole("checkbox").click();
    const offer = page.getByRole("button", { name: "Complete it too" });
    await offer.waitFor();
    // Nothing was completed silently.
    expect((await apiFromPage<{ completed: boolean }>(page, `/api/tasks/${sub.body.id}`)).body.completed).toBe(false);
    await offer.click();
    await expect
      .poll(async () => (await apiFromPage<{ completed: boolean }>(page, `/api/tasks/${sub.body.id}`)).body.completed)
      .toBe(true);
  });

  it("lists today's and overdue tasks in Today, and the next two weeks by day in Upcoming", async () => {
    const { page } = ana;
    await sidebar(page).getByRole("link", { name: "Today" }).click();
    await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
    // An overdue task (due yesterday), made through the API: quick add reads dates forwards.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const created = await apiFromPage(page, "/api/tasks", {
      method: "POST",
      body: { title: "Pay the bill", due_at: yesterday },
    });
    expect(created.status).toBe(201);
    await quickAdd(page, "Call the plumber today 11:59pm", "Call the plumber");
    await expect
      .poll(async () => (await page.getByTestId("task-title").allTextContents()).sort())
      .toEqual(["Call the plumber", "Pay the bill"]);

    await sidebar(page).getByRole("link", { name: "Upcoming" }).click();
    await page.getByRole("heading", { name: "Upcoming", exact: true }).waitFor();
    await quickAdd(page, "Dentist in 3 days", "Dentist");
    const groups = page.getByTestId("day-group");
    // Fourteen days from today, each under its heading, even the empty ones; the overdue task is not upcoming.
    await expectCount(groups, 14);
    const inThreeDays = await page.evaluate(() => {
      const now = new Date();
      return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 3).toLocaleDateString(undefined, {
        weekday: "long",
        day: "numeric",
        month: "long",
      });
    });
    const group = (heading: string) =>
      groups.filter({ has: page.getByTestId("day-heading").filter({ hasText: heading }) });
    await expectText(group(inThreeDays).getByTestId("task-title"), /^Dentist$/);
    await expectText(group("Tomorrow").getByTestId("task-title"), /^Buy milk$/);
    await expectText(group("Today").getByTestId("task-title"), /^Call the plumber$/);
    expect(await page.getByTestId("task-title").filter({ hasText: "Pay the bill" }).count()).toBe(0);
    await shot(page, "upcoming-desktop-light");
    expect((await runAxe(page, "projects-upcoming")).serious).toEqual([]);
  });

  it("reorders projects with the keyboard, and the order stays after a reload", async () => {
    const { page } = ana;
    await sidebar(page).getByRole("button", { name: "New project" }).click();
    const dialog = page.getByRole("dialog", { name: "New project" });
    await dialog.getByLabel("Name").fill(`Home ${suffix}`);
    await dialog.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL("**/projects/*");
    await expect.poll(() => projectNames(page)).toEqual([projectName, `Home ${suffix}`]);
    await sidebar(page)
      .getByRole("link", { name: new RegExp(`Home ${suffix}`) })
      .focus();
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(() => projectNames(page)).toEqual([`Home ${suffix}`, projectName]);
    await page.reload();
    await expect.poll(() => projectNames(page)).toEqual([`Home ${suffix}`, projectName]);
    // And back with the project's menu (the way on a touch screen).
    await sidebar(page)
      .getByRole("button", { name: `More for ${projectName}` })
      .click();
    await page.getByRole("menuitem", { name: "Move up" }).click();
    await expect.poll(() => projectNames(page)).toEqual([projectName, `Home ${suffix}`]);
  });

  it("looks right in dark mode and on a phone, where the sidebar is a menu", async () => {
    const state = await ana.context.storageState();
    const dark = await newContext(browser, { colorScheme: "dark", storageState: state });
    const darkPage = await dark.newPage();
    await darkPage.goto(`/projects/${projectId}`);
    await taskItem(darkPage, "Bread").waitFor();
    await shot(darkPage, "project-desktop-dark");
    expect((await runAxe(darkPage, "projects-project-dark")).serious).toEqual([]);
    await dark.close();

    for (const scheme of ["light", "dark"] as const) {
      const phone = await newContext(browser, { viewport: "phone", colorScheme: scheme, storageState: state });
      const page = await phone.newPage();
      await page.goto(`/projects/${projectId}`);
      await taskItem(page, "Bread").waitFor();
      expect(await sidebar(page).isVisible()).toBe(false);
      // Nothing sticks out sideways: the header fits beside the menu button.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(page, `project-phone-${scheme}`);
      expect((await runAxe(page, `projects-project-phone-${scheme}`)).serious).toEqual([]);
      await page.getByRole("button", { name: /Open the menu/ }).click();
      const menu = page.getByTestId("mobile-menu");
      await menu.getByRole("link", { name: "Upcoming" }).waitFor();
      await shot(page, `menu-phone-${scheme}`, false);
      // Touch targets: every link and button of the menu at least 24 px high and wide.
      const small = await menu.locator("a, button").evaluateAll((els) =>
        els
          .map((el) => ({ text: el.textContent?.trim() ?? "", box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 24 || box.height < 24)
          .map(({ text }) => text),
      );
      expect(small).toEqual([]);
      await menu.getByRole("link", { name: "Upcoming" }).click();
      await page.waitForURL("**/upcoming");
      await expect.poll(() => menu.count()).toBe(0);
      await phone.close();
    }
  });

  it("lets a member leave: the project goes from their sidebar", async () => {
    const { page } = ben;
    await page.goto(`/projects/${projectId}`);
    await page.getByRole("button", { name: /Shared/ }).click();
    const dialog = page.getByTestId("share-dialog");
    await dialog
      .getByTestId("member")
      .filter({ hasText: ben.user.email })
      .getByRole("button", { name: "Leave" })
      .click();
    await page.waitForURL("**/inbox");
    await expect.poll(() => projectNames(page)).not.toContain(projectName);
    const after = await apiFromPage(page, `/api/projects/${projectId}`);
    expect(after.status).toBe(404);
  });

  it("asks before deleting a project, then deletes it with its tasks", async () => {
    const { page } = ana;
    const home = `Home ${suffix}`;
    await sidebar(page)
      .getByRole("link", { name: new RegExp(home) })
      .click();
    await expectText(page.getByTestId("project-title"), new RegExp(home));
    const homeId = page.url().split("/projects/")[1] ?? "";
    await quickAdd(page, "Fix the tap", "Fix the tap");
    await page.getByRole("button", { name: `Delete the project ${home}` }).click();
    const confirm = page.getByRole("dialog", { name: `Delete “${home}”?` });
    await expectText(confirm, /1 not done/);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect((await apiFromPage(page, `/api/projects/${homeId}`)).status).toBe(200);
    await page.getByRole("button", { name: `Delete the project ${home}` }).click();
    await confirm.getByRole("button", { name: "Delete project" }).click();
    await page.waitForURL("**/inbox");
    await expect.poll(() => projectNames(page)).toEqual([projectName]);
    expect((await apiFromPage(page, `/api/projects/${homeId}`)).status).toBe(404);
    const left = await apiFromPage<{ tasks: Array<{ title: string }> }>(page, "/api/tasks?q=Fix%20the%20tap");
    expect(left.body.tasks).toEqual([]);
  });
});
