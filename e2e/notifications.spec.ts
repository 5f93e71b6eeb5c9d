// Settings → Notifications in Chromium against `npm start`, each channel to a real receiver the test starts: email
// to an SMTP server (test/smtp.ts), a webhook to an HTTP receiver that checks X-Todo-Signature (test/webhook.ts),
// and Web Push to the npm web-push-testing service (test/web-push-testing.ts, trusted by the backend through
// NODE_EXTRA_CA_CERTS). Each "Send a test" arrives and the delivery log shows it.
//
// Then the push reaches the app's real service worker: a task's reminder, sent by the backend's scheduler and
// decrypted by web-push-testing, is exactly the payload `pushPayload` (the one definition, in @todo/core) makes;
// it is handed to the worker with the DevTools protocol (ServiceWorker.deliverPushMessage), the worker shows the
// notification with its complete / snooze actions, and its own notificationclick listener with "complete"
// completes the task through the API.
//
// The one part that is not the real one: Chromium's pushManager.subscribe() registers with Google's push service,
// which this machine cannot reach, so the page's PushManager.subscribe is replaced by one that asks web-push-testing
// for the subscription (its API, called from the test). Everything after it (the page posting the subscription,
// the backend encrypting and signing, the service decrypting, the worker showing) is the real code.
import { pushPayload } from "@todo/core/reminders/channels";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "../test/smtp";
import { startWebPushTesting, type WebPushTestingService, type WptSubscription } from "../test/web-push-testing";
import { startTestWebhookReceiver, type TestWebhookReceiver } from "../test/webhook";
import { apiFromPage, launchBrowser, newContext, newUser, runAxe, type ViewportName } from "./browser";
import { startPlainApp } from "./stack";

interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  actions: string[];
  data: { taskId?: number; url?: string };
}

async function shownNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      // biome-ignore lint/suspicious/noExplicitAny: Notification.actions is not in TypeScript's DOM lib
      actions: ((n as any).actions as { action: string }[]).map((a) => a.action),
      data: n.data,
    }));
  });
}

describe("notification settings and push into the service worker", () => {
  let smtp: TestSmtpServer;
  let hooks: TestWebhookReceiver;
  let pushService: WebPushTestingService;
  let app: Awaited<ReturnType<typeof startPlainApp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let appUrl: string;
  const subscriptions: WptSubscription[] = [];
  const user = newUser("Notify");

  beforeAll(async () => {
    [smtp, hooks, pushService] = await Promise.all([
      startTestSmtpServer(),
      startTestWebhookReceiver(),
      startWebPushTesting(),
    ]);
    app = await startPlainApp("notifications", {
      SMTP_URL: smtp.url,
      MAIL_FROM: "Todo <todo@example.test>",
      NODE_EXTRA_CA_CERTS: pushService.caFile,
    });
    base = `http://127.0.0.1:${app.frontendPort}`;
    browser = await launchBrowser();
    context = await newContext(browser, { url: base });
    await context.grantPermissions(["notifications"], { origin: base });
    await context.exposeBinding("__subscribeAtTestPushService", async (_source, key: string) => {
      const subscription = await pushService.subscribe(key);
      subscriptions.push(subscription);
      return { endpoint: subscription.endpoint, keys: subscription.keys };
    });
    await context.addInitScript(() => {
      const subscribeAt = (window as unknown as { __subscribeAtTestPushService(key: string): Promise<unknown> })
        .__subscribeAtTestPushService;
      if (!("PushManager" in window)) return;
      PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
        const bytes = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
        const key = btoa(String.fromCharCode(...bytes))
          .replace(/\+/g, "-")
          .replace(/\//g, "_")
          .replace(/=+$/, "");
        const json = (await subscribeAt(key)) as { endpoint: string; keys: { p256dh: string; auth: string } };
        return {
          endpoint: json.endpoint,
          expirationTime: null,
          toJSON: () => ({ endpoint: json.endpoint, expirationTime: null, keys: json.keys }),
        } as unknown as PushSubscription;
      };
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await Promise.all([smtp?.close(), hooks?.close(), pushService?.close()]);
  });

  it("configures email, webhook and push in Settings → Notifications; each test arrives and is logged", async () => {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(user.name);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/tasks");

    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Settings" }).click();
    await page.waitForURL("**/settings");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Notifications" }).click();
    await page.waitForURL("**/settings/notifications");
    await page.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
    await page.getByText("Nothing sent yet.").waitFor();

    // Email: on, then a test to the SMTP server.
    const email = page.getByRole("checkbox", { name: "Email" });
    await email.click();
    await expect.poll(() => email.getAttribute("aria-checked")).toBe("true");
    await page.getByRole("button", { name: "Send a test email" }).click();
    const mail = await smtp.waitFor((m) => m.to.includes(user.email), 30_000);
    expect(mail.subject).toBe("Test reminder from todo-app");
    expect(mail.text).toMatch(/email reminders reach you/);

    // Webhook: the receiver checks the signature with the secret the page shows.
    const settings = await apiFromPage<{ webhook_secret: string; vapid_public_key: string }>(
      page,
      "/api/notifications/settings",
    );
    expect(await page.getByText(settings.body.webhook_secret).count()).toBe(1);
    hooks.setSecret(settings.body.webhook_secret);
    await page.getByLabel("Webhook URL").fill(`${hooks.url}/todo-hook`);
    await page.getByRole("button", { name: "Save" }).click();
    const webhookTest = page.getByRole("button", { name: "Send a test webhook" });
    await expect.poll(() => webhookTest.isEnabled()).toBe(true);
    await webhookTest.click();
    await expect.poll(() => hooks.received.length, { timeout: 30_000 }).toBe(1);
    expect(hooks.received[0]).toMatchObject({ path: "/todo-hook", signatureValid: true });
    expect(hooks.received[0]!.json).toMatchObject({ type: "test", task: null });

    // Push: the checkbox subscribes this browser through the app's service worker (see the top of the file).
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const push = page.getByRole("checkbox", { name: "Push notifications in this browser" });
    await push.click();
    await expect.poll(() => push.getAttribute("aria-checked")).toBe("true");
    expect(subscriptions).toHaveLength(1);
    await page.getByRole("button", { name: "Send a test push notification" }).click();
    const [sub] = subscriptions;
    await expect.poll(() => pushService.messages(sub!.clientHash).then((m) => m.length), { timeout: 30_000 }).toBe(1);
    const testPush = JSON.parse((await pushService.messages(sub!.clientHash))[0]!);
    appUrl = testPush.url;
    expect(testPush).toEqual(pushPayload(null, appUrl));

    // The log shows the three tests, each sent.
    const log = page.getByRole("listitem").filter({ hasText: "test" });
    await expect.poll(() => log.count()).toBe(3);
    for (const channel of ["email", "webhook", "push"]) {
      expect(await log.filter({ hasText: channel }).filter({ hasText: "sent" }).count(), channel).toBe(1);
    }
  });

  it("a reminder push reaches the real service worker, which shows it with its actions; Complete completes it", async () => {
    const cdp: CDPSession = await context.newCDPSession(page);
    const registrations = new Map<string, string>();
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations: list }) => {
      for (const r of list) if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
    });
    await cdp.send("ServiceWorker.enable");
    await expect.poll(() => registrations.get(`${base}/`)).toBeTruthy();
    const registrationId = registrations.get(`${base}/`)!;

    const remindAt = new Date(Date.now() + 3_000);
    const created = await apiFromPage<{ id: number; title: string; description: string; remind_at: string }>(
      page,
      "/api/tasks",
      {
        method: "POST",
        body: { title: "Call the dentist", description: "Ask about Tuesday", remind_at: remindAt.toISOString() },
      },
    );
    expect(created.status).toBe(201);
    const task = created.body;

    // The scheduler sends it (and to email and the webhook, which are on too); web-push-testing decrypts it.
    const [sub] = subscriptions;
    await expect
      .poll(() => pushService.messages(sub!.clientHash).then((m) => m.length), { timeout: 75_000, interval: 500 })
      .toBe(2);
    const message = (await pushService.messages(sub!.clientHash))[1]!;
    expect(JSON.parse(message)).toEqual(
      pushPayload(
        {
          number: task.id,
          title: task.title,
          description: task.description,
          dueAt: null,
          remindAt: new Date(task.remind_at),
        },
        appUrl,
      ),
    );

    await cdp.send("ServiceWorker.deliverPushMessage", { origin: base, registrationId, data: message });
    const tag = `task-${task.id}`;
    await expect.poll(async () => (await shownNotifications(page)).filter((n) => n.tag === tag).length).toBe(1);
    const shown = (await shownNotifications(page)).find((n) => n.tag === tag)!;
    // The worker offers all four actions; the browser shows as many as it can (Notification.maxActions: 2 in
    // Chromium on Linux), the first being complete and snooze 10 min.
    const maxActions = await page.evaluate(() => (Notification as unknown as { maxActions: number }).maxActions);
    expect(maxActions).toBeGreaterThanOrEqual(2);
    expect(shown).toEqual({
      title: "Call the dentist",
      body: "Ask about Tuesday",
      tag,
      actions: ["complete", "snooze-10m", "snooze-1h", "snooze-tomorrow"].slice(0, maxActions),
      data: { taskId: task.id, url: JSON.parse(message).url },
    });

    // No protocol command clicks a notification: the worker's own notificationclick listener is run in the
    // worker with the notification it showed and the "complete" action, and does its real API call.
    const worker = context.serviceWorkers().find((w) => w.url() === `${base}/sw.js`);
    expect(worker, "the app's service worker").toBeTruthy();
    await worker!.evaluate(async (notificationTag) => {
      // biome-ignore lint/suspicious/noExplicitAny: the worker's global scope is not in TypeScript's DOM lib
      const scope = self as any;
      const [notification] = await scope.registration.getNotifications({ tag: notificationTag });
      const NotificationEventCtor = scope.NotificationEvent;
      scope.dispatchEvent(new NotificationEventCtor("notificationclick", { notification, action: "complete" }));
    }, tag);
    await expect
      .poll(async () => (await apiFromPage<{ completed: boolean }>(page, `/api/tasks/${task.id}`)).body.completed, {
        timeout: 15_000,
      })
      .toBe(true);
    expect((await shownNotifications(page)).filter((n) => n.tag === tag)).toEqual([]);
    await cdp.detach();
  });

  it("looks right on desktop and phone, light and dark, with no serious accessibility violation", async () => {
    const state = await context.storageState();
    for (const viewport of ["desktop", "phone"] as ViewportName[]) {
      for (const colorScheme of ["light", "dark"] as const) {
        const view = await newContext(browser, { url: base, viewport, colorScheme, storageState: state });
        const p = await view.newPage();
        await p.goto("/settings/notifications");
        await p.getByRole("heading", { name: "Delivery log" }).waitFor();
        await p.getByRole("listitem").filter({ hasText: "task" }).first().waitFor();
        const name = `notif-${viewport}-${colorScheme}`;
        await p.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
        expect((await runAxe(p, name)).serious, name).toEqual([]);
        await view.close();
      }
    }
  });
});
