// The task list end to end: quick add with its live preview, inline edit, search, filters, sorting, completing a
// recurring task, delete with undo, keyboard shortcuts.
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
  screenshot,
  signUp,
  taskItem,
  taskItems,
  taskTitles,
} from "./browser";

/** "every 1st 9am" in UTC (the browser's zone in these tests): the next 1st of a month at 09:00. */
function nextFirstOfMonthAt9(after = new Date()): Date {
  const candidate = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), 1, 9));
  return candidate > after ? candidate : new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth() + 1, 1, 9));
}

async function chooseOption(page: Page, trigger: string, option: string) {
  await page.getByRole("combobox", { name: trigger }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("tasks", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("signs up and shows an empty list", async () => {
    await signUp(page, newUser("Tasks"));
    await page.getByTestId("empty-state").waitFor();
    expect(await page.getByTestId("count-pending").textContent()).toContain("0");
  });

  it("previews every field of a quick add while typing, then adds the task", async () => {
    const input = page.getByLabel("Add a task");
    await input.fill("Pay rent every 1st 9am #home !high");
    const preview = page.getByTestId("quick-add-preview");
    await preview.getByTestId("preview-title").filter({ hasText: "Pay rent" }).waitFor();
    const expectedDue = nextFirstOfMonthAt9();
    const due = await preview.getByTestId("preview-due").locator("time").getAttribute("datetime");
    expect(new Date(due!).toISOString()).toBe(expectedDue.toISOString());
    expect(await preview.getByTestId("preview-priority").textContent()).toContain("High");
    expect(await preview.getByTestId("preview-tags").textContent()).toContain("#home");
    expect(await preview.getByTestId("preview-recurrence").textContent()).toMatch(/Every month on the 1st/);

    await input.press("Enter");
    const item = taskItem(page, "Pay rent");
    await item.waitFor();
    await expect.poll(async () => Number(await item.getAttribute("data-task-id"))).toBeGreaterThan(0);
    expect(await item.getByTestId("task-priority").textContent()).toContain("High");
    expect(await item.getByTestId("task-tag").allTextContents()).toEqual(["#home"]);
    expect(await item.getByTestId("task-recurrence").textContent()).toMatch(/Every month on the 1st/);
    const listedDue = await item.getByTestId("task-due").locator("time").getAttribute("datetime");
    expect(new Date(listedDue!).toISOString()).toBe(expectedDue.toISOString());
    expect(await input.inputValue()).toBe("");
  });

  it("adds more tasks, including an overdue one that is highlighted", async () => {
    await quickAdd(page, "Buy groceries #errands", "Buy groceries");
    await quickAdd(page, "Call the plumber !medium", "Call the plumber");
    await quickAdd(page, "Write report tomorrow #work !low", "Write report");
    const yesterday = new Date(Date.now() - 26 * 3600_000).toISOString();
    const created = await apiFromPage(page, "/api/tasks", {
      method: "POST",
      body: { title: "Renew passport", due_at: yesterday, priority: "high" },
    });
    expect(created.status).toBe(201);
    await page.reload();
    await expectCount(taskItems(page), 5);
    const overdue = taskItem(page, "Renew passport");
    expect(await overdue.getAttribute("data-overdue")).toBe("true");
    expect(await overdue.getByTestId("task-due").textContent()).toContain("overdue");
    await expectText(page.getByTestId("count-overdue"), /^1 overdue$/);
    await expectText(page.getByTestId("count-pending"), /^5 to do$/);
  });

  it("loads its counts with one request and lists no task only to count it", async () => {
    const requests: string[] = [];
    const onRequest = (request: { url(): string; method(): string }) => {
      const url = new URL(request.url());
      if (request.method() === "GET" && url.pathname.startsWith("/api/tasks"))
        requests.push(`${url.pathname}${url.search}`);
    };
    page.on("request", onRequest);
    await page.reload();
    await expectText(page.getByTestId("count-pending"), /^5 to do$/);
    await expectCount(taskItems(page), 5);
    await page.waitForLoadState("networkidle");
    page.off("request", onRequest);
    const counts = requests.filter((r) => r.startsWith("/api/tasks/counts"));
    const lists = requests.filter((r) => r.startsWith("/api/tasks?"));
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatch(/[?&]tz=/);
    // The page of tasks and the overview (tags, reminders); before, four more lists of one task each gave counts.
    expect(lists).toHaveLength(2);
    expect(lists.filter((r) => /[?&]limit=1(&|$)/.test(r))).toEqual([]);
  });

  it("renames a task inline and edits its other fields in place", async () => {
    await taskItem(page, "Pay rent").getByTestId("task-title").click();
    const title = page.getByRole("textbox", { name: "Task title" });
    await title.fill("Pay the rent");
    await title.press("Enter");
    await taskItem(page, "Pay the rent").waitFor();
    await page.reload();
    await taskItem(page, "Pay the rent").waitFor();

    await page.getByRole("button", { name: "Edit “Call the plumber”" }).click();
    const editor = page.getByRole("form", { name: "Edit “Call the plumber”" });
    await editor.getByLabel("Notes").fill("The kitchen sink leaks");
    await editor.getByRole("combobox", { name: "Priority" }).click();
    await page.getByRole("option", { name: "High", exact: true }).click();
    await editor.getByLabel("Tags").fill("home, urgent");
    await editor.getByRole("button", { name: "Save" }).click();
    const plumber = taskItem(page, "Call the plumber");
    await expectText(plumber.getByTestId("task-priority"), /High/);
    await expectText(plumber, /The kitchen sink leaks/);
    expect(await plumber.getByTestId("task-tag").allTextContents()).toEqual(["#home", "#urgent"]);
  });

  it("sends only what changed, and the time zone only with a new date or rule", async () => {
    const bodies: Array<Record<string, unknown>> = [];
    const onRequest = (request: { method(): string; postDataJSON(): unknown }) => {
      if (request.method() === "PATCH") bodies.push(request.postDataJSON() as Record<string, unknown>);
    };
    page.on("request", onRequest);
    const editor = page.getByRole("form", { name: "Edit “Buy groceries”" });
    await page.getByRole("button", { name: "Edit “Buy groceries”" }).click();
    await editor.getByLabel("Notes").fill("Oat milk");
    await editor.getByRole("button", { name: "Save" }).click();
    await expectText(taskItem(page, "Buy groceries"), /Oat milk/);
    await expect.poll(() => bodies.length).toBe(1);
    expect(bodies[0]).toEqual({ description: "Oat milk" });

    const report = page.getByRole("form", { name: "Edit “Write report”" });
    await page.getByRole("button", { name: "Edit “Write report”" }).click();
    const due = report.getByLabel("Due");
    const day = (await due.inputValue()).slice(0, 10);
    await due.fill(`${day}T16:30`);
    await report.getByRole("button", { name: "Save" }).click();
    await expectCount(report, 0);
    await expect.poll(() => bodies.length).toBe(2);
    expect(bodies[1]).toEqual({ due_at: new Date(`${day}T16:30:00Z`).toISOString(), timezone: "UTC" });
    page.off("request", onRequest);
  });

  it("shows each problem under its own field, in words", async () => {
    await page.getByRole("button", { name: "Edit “Write report”" }).click();
    const editor = page.getByRole("form", { name: "Edit “Write report”" });
    const problemOf = async (label: string | RegExp) => {
      const describedBy = (await editor.getByLabel(label, { exact: true }).getAttribute("aria-describedby")) ?? "";
      const texts = await Promise.all(
        describedBy
          .split(" ")
          .filter(Boolean)
          .map((id) => editor.locator(`[id="${id}"]`).textContent()),
      );
      return texts.join(" ");
    };

    // Checked in the browser with the server's own schema: nothing is sent.
    await editor.getByLabel("Title", { exact: true }).fill("   ");
    await editor.getByLabel("Tags").fill("work two!words");
    await editor.getByRole("button", { name: "Save" }).click();
    await expectCount(editor.getByTestId("field-error"), 2);
    expect(await problemOf("Title")).toBe("Title must not be empty.");
    expect(await problemOf("Tags")).toMatch(/^“two!words”: Tags may contain letters, digits/);
    expect(await problemOf("Notes")).toBe("");
    await screenshot(page, "tasks-editor-errors-desktop-light", false);

    await editor.getByLabel("Title", { exact: true }).fill("Write report");
    await editor.getByLabel("Tags").fill("work");
    await editor.getByRole("combobox", { name: "Repeat" }).click();
    await page.getByRole("option", { name: "Custom rule…" }).click();
    await editor.getByLabel("Custom recurrence rule").fill("FREQ=SOMETIMES");
    await editor.getByRole("button", { name: "Save" }).click();
    expect(await problemOf("Custom recurrence rule")).toMatch(/^FREQ must be one of/);
    expect(await problemOf("Title")).toBe("");
    await editor.getByRole("combobox", { name: "Repeat" }).click();
    await page.getByRole("option", { name: "Does not repeat" }).click();

    // Checked by the server (a rule between two fields): its details land under the reminder.
    const due = await editor.getByLabel("Due").inputValue();
    const dayAfter = new Date(new Date(`${due}:00Z`).getTime() + 86_400_000).toISOString().slice(0, 16);
    await editor.getByLabel("Remind me").fill(dayAfter);
    await editor.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => problemOf("Remind me")).toBe("The reminder must not be later than the due date.");
    expect(await problemOf("Title")).toBe("");
    await editor.getByRole("button", { name: "Cancel" }).click();
    await expectCount(editor, 0);
  });

  it("searches with the / shortcut", async () => {
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("task-search");
    await page.keyboard.type("plumber");
    await expectCount(taskItems(page), 1);
    expect(await taskTitles(page)).toEqual(["Call the plumber"]);
    await page.waitForURL(/q=plumber/);
    // Tags and notes are searched too.
    await page.getByLabel("Search tasks").fill("sink");
    await expectCount(taskItems(page), 1);
    await page.getByLabel("Search tasks").fill("");
    await expectCount(taskItems(page), 5);
  });

  it("filters by priority, tag and due date", async () => {
    await chooseOption(page, "Filter by priority", "High priority");
    await expectCount(taskItems(page), 3);
    expect((await taskTitles(page)).sort()).toEqual(["Call the plumber", "Pay the rent", "Renew passport"]);
    await chooseOption(page, "Filter by priority", "Any priority");

    await chooseOption(page, "Filter by tag", "#errands");
    await expectCount(taskItems(page), 1);
    expect(await taskTitles(page)).toEqual(["Buy groceries"]);
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await expectCount(taskItems(page), 5);

    await chooseOption(page, "Filter by due date", "Overdue");
    await expectCount(taskItems(page), 1);
    expect(await taskTitles(page)).toEqual(["Renew passport"]);
    await chooseOption(page, "Filter by due date", "No due date");
    await expectCount(taskItems(page), 2);
    expect((await taskTitles(page)).sort()).toEqual(["Buy groceries", "Call the plumber"]);
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await expectCount(taskItems(page), 5);
  });

  it("sorts by title, priority and due date, both ways", async () => {
    await chooseOption(page, "Sort by", "Title");
    const az = ["Buy groceries", "Call the plumber", "Pay the rent", "Renew passport", "Write report"];
    await expect.poll(() => taskTitles(page)).toEqual(az);
    await page.getByRole("button", { name: /Ascending order/ }).click();
    await expect.poll(() => taskTitles(page)).toEqual([...az].reverse());

    await chooseOption(page, "Sort by", "Priority");
    // High first (in any order among equals), then low, then none.
    await expect
      .poll(async () => {
        const titles = await taskTitles(page);
        return [...titles.slice(0, 3).sort(), ...titles.slice(3)];
      })
      .toEqual(["Call the plumber", "Pay the rent", "Renew passport", "Write report", "Buy groceries"]);

    await chooseOption(page, "Sort by", "Due date");
    await expect.poll(async () => (await taskTitles(page))[0]).toBe("Renew passport");
    await chooseOption(page, "Sort by", "Date added");
  });

  it("completes a recurring task and shows the next occurrence", async () => {
    const firstDue = nextFirstOfMonthAt9();
    const nextDue = nextFirstOfMonthAt9(new Date(firstDue.getTime() + 3600_000));
    await page.getByRole("checkbox", { name: "Mark “Pay the rent” as done" }).click();
    await page.getByText(/Completed “Pay the rent” — next one/).waitFor();
    const rent = taskItem(page, "Pay the rent");
    await expectCount(rent, 1);
    await expect
      .poll(async () => {
        const due = await rent.getByTestId("task-due").locator("time").getAttribute("datetime");
        return due ? new Date(due).toISOString() : null;
      })
      .toBe(nextDue.toISOString());

    await page.getByRole("button", { name: "Done", exact: true }).click();
    await expectCount(taskItems(page), 1);
    expect(await taskTitles(page)).toEqual(["Pay the rent"]);
    await expectText(page.getByTestId("count-completed"), /^1 done$/);
  });

  it("completes and reopens a task", async () => {
    await page.getByRole("button", { name: "To do", exact: true }).click();
    await page.getByRole("checkbox", { name: "Mark “Buy groceries” as done" }).click();
    await expectCount(taskItem(page, "Buy groceries"), 0);
    await page.getByRole("button", { name: "Done", exact: true }).click();
    await page.getByRole("checkbox", { name: "Mark “Buy groceries” as not done" }).click();
    await expectCount(taskItem(page, "Buy groceries"), 0);
    await page.getByRole("button", { name: "To do", exact: true }).click();
    await taskItem(page, "Buy groceries").waitFor();
  });

  it("undoes a completion from its notice: the task is open again", async () => {
    await page.getByRole("button", { name: "To do", exact: true }).click();
    await page.getByRole("checkbox", { name: "Mark “Buy groceries” as done" }).click();
    await expectCount(taskItem(page, "Buy groceries"), 0);
    await page
      .locator("[data-sonner-toast]", { hasText: "Completed “Buy groceries”" })
      .getByRole("button", { name: "Undo" })
      .last()
      .click();
    await page.getByText("Reopened “Buy groceries”").waitFor();
    await taskItem(page, "Buy groceries").waitFor();
    await page.reload();
    await taskItem(page, "Buy groceries").waitFor();
  });

  it("deletes a task and brings it back with undo, with the same number", async () => {
    const number = Number(await taskItem(page, "Write report").getAttribute("data-task-id"));
    expect(number).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Delete “Write report”" }).click();
    await expectCount(taskItem(page, "Write report"), 0);
    await page
      .locator("[data-sonner-toast]", { hasText: "Deleted “Write report”" })
      .getByRole("button", { name: "Undo" })
      .click();
    const restored = taskItem(page, "Write report");
    await restored.waitFor();
    await expect.poll(async () => Number(await restored.getAttribute("data-task-id"))).toBe(number);
    expect(await restored.getByTestId("task-tag").allTextContents()).toEqual(["#work"]);
    await page.reload();
    await taskItem(page, "Write report").waitFor();
  });

  it("focuses quick add with the n shortcut and rolls back a failed change", async () => {
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("n");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("quick-add");
    await page.keyboard.press("Escape");

    // The server refuses the rename (title too long): the list shows the old title again.
    await page.route("**/api/tasks/*", (route) =>
      route.request().method() === "PATCH"
        ? route.fulfill({
            status: 422,
            contentType: "application/json",
            body: JSON.stringify({ error: { code: "validation_error", message: "Title is not acceptable" } }),
          })
        : route.fallback(),
    );
    await taskItem(page, "Buy groceries").getByTestId("task-title").click();
    const title = page.getByRole("textbox", { name: "Task title" });
    await title.fill("Buy everything");
    await title.press("Enter");
    await page.getByText(/Could not save the task. Title is not acceptable/).waitFor();
    await taskItem(page, "Buy groceries").waitFor();
    await expectCount(taskItem(page, "Buy everything"), 0);
    await page.unroute("**/api/tasks/*");
  });
});
