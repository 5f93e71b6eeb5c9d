// A task's reminder fires a browser notification (and an in-app toast) at remind time while the app is open.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, launchBrowser, newContext, newUser, signUp } from "./browser";

describe("reminders", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("notifies when the remind time arrives", async () => {
    const context = await newContext(browser);
    await context.grantPermissions(["notifications"]);
    // Record notifications instead of relying on the headless browser's notification centre.
    await context.addInitScript(() => {
      const shown: Array<{ title: string; body?: string }> = [];
      (window as unknown as { __notifications: typeof shown }).__notifications = shown;
      class RecordingNotification {
        static permission = "granted";
        static requestPermission = async () => "granted";
        constructor(title: string, options?: { body?: string }) {
          shown.push({ title, body: options?.body });
        }
      }
      (window as unknown as { Notification: unknown }).Notification = RecordingNotification;
    });
    const page = await context.newPage();
    await signUp(page, newUser("Remind"));
    await page.getByRole("button", { name: "Reminder notifications are on" }).waitFor();

    const remindAt = new Date(Date.now() + 8_000).toISOString();
    const created = await apiFromPage(page, "/api/tasks", {
      method: "POST",
      body: { title: "Stretch your legs", remind_at: remindAt },
    });
    expect(created.status).toBe(201);
    await page.reload();
    await page.getByTestId("task-remind").waitFor();

    await page.getByText("Reminder: Stretch your legs").waitFor({ timeout: 45_000 });
    const shown = await page.evaluate(
      () => (window as unknown as { __notifications: Array<{ title: string }> }).__notifications,
    );
    expect(shown.map((n) => n.title)).toEqual(["Stretch your legs"]);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(remindAt));
    await context.close();
  });
});
