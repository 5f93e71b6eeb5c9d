// Project editing and task keyboard use end to end (issue 13 UI gaps): the owner renames, recolours, archives and
// unarchives a project from its menu; a task moves between projects with the keyboard (j, m, ↓, Enter) and with
// its Move button; x completes the focused task; a task in a shared project is assigned to a member from the
// editor. Screenshots desktop/phone, light/dark, and axe.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiFromPage,
  expectText,
  launchBrowser,
  newContext,
  newUser,
  runAxe,
  signUp,
  taskItem,
  type User,
} from "./browser";

async function shot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: `/tmp/projui2-${name}.png`, fullPage });
}

function sidebar(page: Page) {
  return page.getByRole("complementary", { name: "Views and projects" });
}

type TaskJson = {
  id: number;
  title: string;
  project_id: string | null;
  completed: boolean;
  assignee: { id: string } | null;
};

describe("project editing and task keys", () => {
  let browser: Browser;
  let ana: { context: BrowserContext; page: Page; user: User };
  let ben: User;
  const suffix = Date.now().toString(36);
  let work = "";
  let home = "";

  async function task(title: string): Promise<TaskJson> {
    const r = await apiFromPage<{ tasks: TaskJson[] }>(
      ana.page,
      `/api/tasks?q=${encodeURIComponent(title)}&status=all`,
    );
    const found = r.body.tasks.find((t) => t.title === title);
    if (!found) throw new Error(`no task ${title}`);
    return found;
  }
  const focusedTaskId = (page: Page) =>
    page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.taskId ?? null);

  beforeAll(async () => {
    browser = await launchBrowser();
    const benContext = await newContext(browser);
    const benPage = await benContext.newPage();
    ben = newUser("Ben");
    await signUp(benPage, ben);
    await benContext.close();
    const context = await newContext(browser);
    const page = await context.newPage();
    const user = newUser("Ana");
    await signUp(page, user);
    ana = { context, page, user };
    const w = await apiFromPage<{ id: string }>(page, "/api/projects", {
      method: "POST",
      body: { name: `Work ${suffix}` },
    });
    const h = await apiFromPage<{ id: string }>(page, "/api/projects", {
      method: "POST",
      body: { name: `Home ${suffix}` },
    });
    work = w.body.id;
    home = h.body.id;
    const shared = await apiFromPage(page, `/api/projects/${work}/members`, {
      method: "POST",
      body: { email: ben.email, role: "editor" },
    });
    expect(shared.status).toBe(200);
    for (const title of ["Alpha", "Beta", "Gamma"]) {
      const r = await apiFromPage(page, "/api/tasks", { method: "POST", body: { title, project_id: work } });
      expect(r.status).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("renames and recolours a project from the menu beside its title", async () => {
    const { page } = ana;
    await page.goto(`/projects/${work}`);
    await taskItem(page, "Alpha").waitFor();
    await page.getByRole("button", { name: `Project menu for Work ${suffix}` }).click();
    await page.getByRole("menuitem", { name: "Rename or recolour" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit project" });
    await dialog.getByLabel("Name").fill(`Office ${suffix}`);
    await dialog.getByRole("radio", { name: "Red" }).check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expectText(page.getByTestId("project-title"), new RegExp(`^Office ${suffix}`));
    const p = await apiFromPage<{ name: string; color: string }>(page, `/api/projects/${work}`);
    expect([p.body.name, p.body.color]).toEqual([`Office ${suffix}`, "#dc2626"]);
    await expectText(sidebar(page).getByTestId("project-nav"), new RegExp(`Office ${suffix}`));
  });

  it("moves between tasks with j/k, completes with x and moves one to another project with m", async () => {
    const { page } = ana;
    await page.keyboard.press("j");
    const alpha = await task("Alpha");
    const beta = await task("Beta");
    await expect.poll(() => focusedTaskId(page)).toBe(String(alpha.id));
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => focusedTaskId(page)).toBe(String(beta.id));
    await page.keyboard.press("k");
    await expect.poll(() => focusedTaskId(page)).toBe(String(alpha.id));
    await page.keyboard.press("j");
    await shot(page, "keyboard-focus-desktop-light", false);
    // m opens the move dialog on the focused task; ↓ from where it is (Office) reaches Home; Enter moves it.
    await page.keyboard.press("m");
    const dialog = page.getByRole("dialog", { name: "Move “Beta”" });
    await dialog.waitFor();
    await shot(page, "move-dialog-desktop-light", false);
    expect((await runAxe(page, "project-edit-move-dialog")).serious).toEqual([]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await task("Beta")).project_id).toBe(home);
    await expect.poll(() => taskItem(page, "Beta").count()).toBe(0);
    // x completes the focused task.
    await taskItem(page, "Alpha").focus();
    await page.keyboard.press("x");
    await expect.poll(async () => (await task("Alpha")).completed).toBe(true);
  });

  it("moves a task to the Inbox with its Move button", async () => {
    const { page } = ana;
    await taskItem(page, "Gamma").getByRole("button", { name: "Move “Gamma” to a project" }).click();
    await page.getByRole("dialog", { name: "Move “Gamma”" }).getByRole("button", { name: "Inbox" }).click();
    await expect.poll(async () => (await task("Gamma")).project_id).toBe(null);
    // And back into the shared project from the editor's Project field.
    await page.goto("/inbox");
    await taskItem(page, "Gamma").getByRole("button", { name: "Edit “Gamma”" }).click();
    await page.getByLabel("Project", { exact: true }).click();
    await page.getByRole("option", { name: `Office ${suffix}` }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(async () => (await task("Gamma")).project_id).toBe(work);
  });

  it("assigns a task of a shared project to a member from the editor", async () => {
    const { page } = ana;
    await page.goto(`/projects/${work}`);
    await taskItem(page, "Gamma").getByRole("button", { name: "Edit “Gamma”" }).click();
    await page.getByLabel("Assigned to", { exact: true }).click();
    await page.getByRole("option", { name: ben.name }).click();
    await shot(page, "assign-desktop-light", false);
    await page.getByRole("button", { name: "Save" }).click();
    const members = await apiFromPage<{ members: Array<{ user_id: string; email: string }> }>(
      page,
      `/api/projects/${work}/members`,
    );
    const benId = members.body.members.find((m) => m.email === ben.email)?.user_id;
    await expect.poll(async () => (await task("Gamma")).assignee?.id).toBe(benId);
    await expectText(taskItem(page, "Gamma").getByTestId("task-assignee"), new RegExp(`Assigned to ${ben.name}`));
    await shot(page, "project-desktop-light");
    expect((await runAxe(page, "project-edit-project")).serious).toEqual([]);
  });

  it("archives a project: gone from the sidebar's list, reachable under Archived, and unarchived again", async () => {
    const { page } = ana;
    await page.getByRole("button", { name: `Project menu for Office ${suffix}` }).click();
    await page.getByRole("menuitem", { name: "Archive" }).click();
    await page.getByTestId("project-archived").waitFor();
    await expect.poll(() => sidebar(page).getByTestId("project-nav").textContent()).not.toContain(`Office ${suffix}`);
    const archived = sidebar(page).getByTestId("archived-projects");
    await archived.getByText("Archived").click();
    await shot(page, "archived-desktop-light");
    expect((await runAxe(page, "project-edit-archived")).serious).toEqual([]);
    await page.goto("/inbox");
    await sidebar(page).getByTestId("archived-projects").getByText("Archived").click();
    await sidebar(page)
      .getByRole("link", { name: `Office ${suffix}` })
      .click();
    await page.waitForURL(`**/projects/${work}`);
    await page.getByTestId("project-archived").waitFor();
    expect((await apiFromPage<{ archived: boolean }>(page, `/api/projects/${work}`)).body.archived).toBe(true);
    await page.getByRole("button", { name: `Project menu for Office ${suffix}` }).click();
    await page.getByRole("menuitem", { name: "Unarchive" }).click();
    await expect.poll(() => page.getByTestId("project-archived").count()).toBe(0);
    await expectText(sidebar(page).getByTestId("project-nav"), new RegExp(`Office ${suffix}`));
  });

  it("looks right in dark mode and on a phone", async () => {
    const state = await ana.context.storageState();
    for (const [viewport, scheme] of [
      ["desktop", "dark"],
      ["phone", "light"],
      ["phone", "dark"],
    ] as const) {
      const context = await newContext(browser, { viewport, colorScheme: scheme, storageState: state });
      const page = await context.newPage();
      await page.goto(`/projects/${work}`);
      await taskItem(page, "Gamma").waitFor();
      await page.keyboard.press("j");
      await page.getByRole("button", { name: `Project menu for Office ${suffix}` }).click();
      await page.getByRole("menuitem", { name: "Archive" }).waitFor();
      await shot(page, `project-${viewport}-${scheme}`, false);
      await page.keyboard.press("Escape");
      expect((await runAxe(page, `project-edit-${viewport}-${scheme}`)).serious).toEqual([]);
      if (viewport === "phone")
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await context.close();
    }
  });
});
