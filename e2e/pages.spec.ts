// Every page at desktop and phone width, light and dark: a screenshot for people to look at, and an axe check
// that must find no serious or critical accessibility violation.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiFromPage,
  launchBrowser,
  newContext,
  newUser,
  runAxe,
  type StorageState,
  screenshot,
  signUp,
  taskItems,
  type ViewportName,
} from "./browser";

const COMBOS: Array<{ viewport: ViewportName; scheme: "light" | "dark" }> = [
  { viewport: "desktop", scheme: "light" },
  { viewport: "desktop", scheme: "dark" },
  { viewport: "phone", scheme: "light" },
  { viewport: "phone", scheme: "dark" },
];

function nextFirst(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 9)).toISOString();
}

async function seed(page: Page) {
  const day = 86_400_000;
  const tasks = [
    {
      title: "Pay rent",
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
      due_at: nextFirst(),
      priority: "high",
      tags: ["home"],
    },
    { title: "Book dentist appointment", due_at: new Date(Date.now() + 5 * day).toISOString(), tags: ["health"] },
    {
      title: "Renew passport",
      due_at: new Date(Date.now() - 2 * day).toISOString(),
      priority: "high",
      tags: ["admin"],
    },
    { title: "Water the plants", recurrence: "FREQ=WEEKLY;BYDAY=MO,TH", priority: "low", tags: ["home"] },
    {
      title: "Draft the quarterly report",
      description: "Numbers from finance, summary for the team",
      due_at: new Date(Date.now() + 3 * day).toISOString(),
      remind_at: new Date(Date.now() + 2 * day).toISOString(),
      priority: "medium",
      tags: ["work"],
    },
    { title: "Call grandma" },
  ];
  for (const body of tasks) {
    const res = await apiFromPage(page, "/api/tasks", { method: "POST", body: { ...body, timezone: "UTC" } });
    expect(res.status).toBe(201);
  }
  const done = await apiFromPage(page, "/api/tasks", {
    method: "POST",
    body: { title: "Buy a new kettle", completed: true },
  });
  expect(done.status).toBe(201);
}

describe("pages: screenshots and accessibility", () => {
  let browser: Browser;
  let signedIn: StorageState;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUp(page, newUser("Pages"));
    await page.getByTestId("empty-state").waitFor();
    await page.getByTestId("count-pending").waitFor();
    await screenshot(page, "tasks-empty-desktop-light");
    const empty = await runAxe(page, "tasks-empty-desktop-light");
    expect(empty.serious).toEqual([]);
    await seed(page);
    signedIn = await context.storageState();
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(COMBOS)("$viewport $scheme", async ({ viewport, scheme }) => {
    const suffix = `${viewport}-${scheme}`;
    const problems: Record<string, unknown> = {};
    const check = async (page: Page, name: string, fullPage = true) => {
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, `${name}-${suffix}`, fullPage);
      const { serious } = await runAxe(page, `${name}-${suffix}`);
      if (serious.length > 0) problems[name] = serious;
    };

    const anonymous = await newContext(browser, { viewport, colorScheme: scheme });
    const guest = await anonymous.newPage();
    await guest.goto("/sign-in");
    await guest.getByRole("button", { name: "Sign in" }).waitFor();
    await check(guest, "sign-in");
    await guest.goto("/sign-up");
    await guest.getByRole("button", { name: "Create account" }).waitFor();
    await check(guest, "sign-up");
    await anonymous.close();

    const context = await newContext(browser, { viewport, colorScheme: scheme, storageState: signedIn });
    const page = await context.newPage();
    await page.goto("/tasks");
    await taskItems(page).first().waitFor();
    await page.getByTestId("count-pending").waitFor();
    await check(page, "tasks");

    await page.getByLabel("Add a task").fill("Gym every monday 7am #health !medium");
    await page.getByTestId("preview-recurrence").waitFor();
    await page.getByRole("button", { name: /^Edit “Draft the quarterly report”/ }).click();
    await page.getByRole("form", { name: /^Edit/ }).waitFor();
    await check(page, "tasks-editing");
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByLabel("Add a task").fill("");

    await page.getByRole("button", { name: "Assistant" }).click();
    const panel = page.getByTestId("assistant-panel");
    await panel.getByLabel("Message the assistant").fill("What is due this week?");
    await panel.getByLabel("Message the assistant").press("Enter");
    await panel.getByTestId("tool-call").first().waitFor({ timeout: 60_000 });
    await panel.getByTestId("chat-message-assistant").last().waitFor();
    await panel.getByTestId("tool-call").first().locator("summary").click();
    // The panel is fixed/sticky: a viewport screenshot shows it as people see it.
    await check(page, "assistant", false);
    await panel.getByRole("button", { name: "Close assistant" }).click();

    await page.goto("/settings");
    await page.getByTestId("mcp-config").waitFor();
    await page
      .getByText(/No keys yet|e2e/)
      .first()
      .waitFor();
    await check(page, "settings");
    await context.close();

    expect(problems).toEqual({});
  });
});
