// Issue 14 in Chromium, against `npm start` with a real SMTP server (test/smtp.ts) as its mail relay: the app is
// installable (manifest valid, icons real PNGs, service worker active, notifications grantable), opens offline
// with the last loaded list and says so without pretending a write succeeded, a forgotten password is reset
// through the link in the email received, and an account is deleted after typing its email.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "../test/smtp";
import { apiFromPage, launchBrowser, newContext, newUser, quickAdd, runAxe, taskItem } from "./browser";
import { startPlainApp } from "./stack";

/** Screenshot to /tmp/account-<name>.png, and no serious or critical accessibility violation on the page. */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/account-${name}.png`, fullPage: true });
  expect((await runAxe(page, `account-${name}`)).serious, name).toEqual([]);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("account and installable app", () => {
  let smtp: TestSmtpServer;
  let app: Awaited<ReturnType<typeof startPlainApp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  const owner = newUser("Owner");

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await startPlainApp("account-pwa", { SMTP_URL: smtp.url, MAIL_FROM: "Todo <todo@example.test>" });
    base = `http://127.0.0.1:${app.frontendPort}`;
    browser = await launchBrowser();
    context = await newContext(browser, { url: base });
    await context.grantPermissions(["notifications"], { origin: base });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await smtp?.close();
  });

  it("is installable: a valid manifest with real icons, an active service worker, notifications granted", async () => {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(owner.name);
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill(owner.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/tasks");

    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBeTruthy();
    const manifestUrl = new URL(href!, base);
    const res = await fetch(manifestUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/manifest\+json/);
    const manifest = (await res.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest.name).toBe("Todo");
    expect(manifest.short_name).toBeTruthy();
    expect(manifest.start_url).toBe("/tasks");
    expect(["standalone", "fullscreen", "minimal-ui"]).toContain(manifest.display);
    const pngs = manifest.icons.filter((i) => i.type === "image/png");
    for (const icon of pngs) {
      const bytes = Buffer.from(await (await fetch(new URL(icon.src, manifestUrl))).arrayBuffer());
      const [w, h] = icon.sizes.split("x").map(Number);
      expect(pngSize(bytes), icon.src).toEqual({ width: w, height: h });
    }
    expect(pngs.some((i) => i.sizes === "192x192")).toBe(true);
    expect(pngs.some((i) => i.sizes === "512x512")).toBe(true);
    expect(pngs.some((i) => i.purpose === "maskable")).toBe(true);

    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return { state: registration.active?.state, scope: registration.scope, script: registration.active?.scriptURL };
    });
    expect(worker).toEqual({ state: "activated", scope: `${base}/`, script: `${base}/sw.js` });
    expect(await page.evaluate(() => Notification.permission)).toBe("granted");
    // The worker can show a notification with the reminder actions (what a push would show).
    const shown = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.showNotification("Reminder", { body: "test", tag: "e2e" });
      return (await registration.getNotifications({ tag: "e2e" })).length;
    });
    expect(shown).toBe(1);
  });

  it("shows the last loaded list offline with a notice, and a write offline is not shown as saved", async () => {
    await page.goto("/tasks");
    await quickAdd(page, "Buy stamps", "Buy stamps");
    // Let the worker control the page and keep this list (a reload goes through it).
    await page.reload();
    await taskItem(page, "Buy stamps").waitFor();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await taskItem(page, "Buy stamps").waitFor();
    await page.getByTestId("offline-notice").waitFor();
    expect(await page.getByTestId("offline-notice").textContent()).toMatch(/offline/i);
    await shot(page, "offline");

    const input = page.getByLabel("Add a task");
    await input.fill("Written offline");
    await input.press("Enter");
    // Never a saved row (a positive id): the write failed and the app says so.
    await page.waitForTimeout(2_000);
    const saved = await taskItem(page, "Written offline").evaluateAll((rows) =>
      rows.filter((r) => Number(r.getAttribute("data-task-id")) > 0),
    );
    expect(saved).toHaveLength(0);

    await context.setOffline(false);
    await page.reload();
    await taskItem(page, "Buy stamps").waitFor();
    const listed = await apiFromPage<{ tasks: { title: string }[] }>(page, "/api/tasks?q=offline");
    expect(listed.body.tasks.map((t) => t.title)).not.toContain("Written offline");
    expect(await page.getByTestId("offline-notice").count()).toBe(0);
  });

  it("resets a forgotten password through the link in the email", async () => {
    await page.goto("/settings/account");
    await page.getByRole("heading", { name: "Password" }).waitFor();
    await shot(page, "settings-account");
    await page.goto("/settings/admin");
    await page.getByRole("heading", { name: "Users" }).waitFor();
    await page.getByRole("cell", { name: owner.email }).waitFor();
    await shot(page, "settings-admin");

    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.waitForURL("**/forgot-password");
    await page.getByLabel("Email").fill(owner.email);
    await shot(page, "forgot-password");
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByRole("status").filter({ hasText: "reset link is on its way" }).waitFor();

    const mail = await smtp.waitFor((m) => m.to.includes(owner.email) && /reset/i.test(m.subject), 30_000);
    const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=\S+/)?.[0];
    expect(link, mail.text).toBeTruthy();
    const token = new URL(link!).searchParams.get("token")!;
    // APP_URL names the default public address; the link's path and token are what the page needs.
    await page.goto(`/reset-password?token=${encodeURIComponent(token)}`);
    const newPassword = "a fresh secret 2026";
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Repeat the new password").fill(newPassword);
    await shot(page, "reset-password");
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.getByRole("status").filter({ hasText: "Your password is changed" }).waitFor();

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password", { exact: true }).fill(owner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "do not match" }).waitFor();
    await page.getByLabel("Password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/tasks");
    owner.password = newPassword;
  });

  it("deletes the account after its email is typed; it cannot sign in again", async () => {
    await page.goto("/settings/account");
    await page.getByRole("button", { name: "Delete my account…" }).click();
    const dialog = page.getByRole("dialog");
    const confirm = dialog.getByRole("button", { name: "Delete account and data" });
    await dialog.getByLabel("Your email").fill("someone-else@example.com");
    await dialog.getByLabel("Password").fill(owner.password);
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Your email").fill(owner.email);
    await shot(page, "delete-account");
    await confirm.click();
    await page.waitForURL("**/sign-in**");
    await page.getByRole("status").filter({ hasText: "account and its data are deleted" }).waitFor();

    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password", { exact: true }).fill(owner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "do not match" }).waitFor();
    // The worker dropped the kept list with the account.
    const kept = await page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys()) {
        if (!name.startsWith("todo-data") && !name.startsWith("todo-pages")) continue;
        for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
      }
      return paths;
    });
    expect(kept).not.toContain("/api/tasks");
    expect(kept).not.toContain("/tasks");
  });
});
