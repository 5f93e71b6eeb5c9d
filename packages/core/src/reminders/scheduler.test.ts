// The reminder scheduler end to end on PGlite and Postgres, with real receivers: the test SMTP server gets the
// email, a local HTTP receiver checks the webhook's signature, a local push service decrypts the Web Push payload.
// Also: a reminder missed while down goes out at start; moved, completed and deleted tasks; recurring tasks; a
// failing webhook retried with backoff; a push subscription the service says is gone is forgotten.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../test/databases";
import { startTestPushService, type TestPushService } from "../../../../test/push";
import { startTestSmtpServer, type TestSmtpServer } from "../../../../test/smtp";
import { insertUser } from "../../../../test/users";
import { startTestWebhookReceiver, type TestWebhookReceiver } from "../../../../test/webhook";
import { pushSubscriptions } from "../db/schema";
import { createMailer, type Mailer } from "../mail/mailer";
import { completeTask, createTask, deleteTask, updateTask } from "../tasks/tasks.service";
import { createNotifier } from "./channels";
import { createReminderScheduler, type ReminderScheduler } from "./scheduler";
import { addPushSubscription, listDeliveries, settingsRow, updateNotificationSettings } from "./settings";
import { resolveVapid } from "./vapid";

const at = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, check: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out");
    await sleep(100);
  }
}

describe.each(databaseKinds)("reminder scheduler on %s", (kind) => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let hooks: TestWebhookReceiver;
  let push: TestPushService;
  let mailer: Mailer;
  let scheduler: ReminderScheduler;
  let user: string;
  let email: string;
  let missedTitle: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    [smtp, hooks, push] = await Promise.all([
      startTestSmtpServer(),
      startTestWebhookReceiver(),
      startTestPushService(),
    ]);
    const db = database.handle.db;
    user = await insertUser(db, "Rem");
    email = `${user}@example.test`;
    await updateNotificationSettings(
      db,
      user,
      { email: true, push: true, webhook_url: `${hooks.url}/hook` },
      {
        emailAvailable: true,
        vapidPublicKey: "",
      },
    );
    hooks.setSecret((await settingsRow(db, user)).webhookSecret);
    await addPushSubscription(db, user, push.subscribe());
    // Due ten minutes ago, while no scheduler was running.
    missedTitle = `missed ${kind}`;
    await createTask(db, user, { title: missedTitle, remind_at: at(-10 * 60_000) });
    mailer = createMailer({ smtpUrl: smtp.url, from: "todo <todo@example.test>" });
    const vapid = resolveVapid({
      publicKey: undefined,
      privateKey: undefined,
      subject: "mailto:ops@example.test",
      dataDir: mkdtempSync(join(tmpdir(), "vapid-")),
    }).keys;
    const notifier = createNotifier({ db, mailer, appUrl: "https://todo.example.test", vapid, pushAgent: push.agent });
    scheduler = createReminderScheduler({
      handle: database.handle,
      databaseUrl: database.url,
      notifier,
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 1,
    });
    await scheduler.start();
  });

  afterAll(async () => {
    await scheduler?.stop();
    mailer?.close();
    await Promise.all([smtp?.close(), hooks?.close(), push?.close()]);
    await database?.drop();
  });

  const mails = (title: string) => smtp.received.filter((m) => m.subject === `Reminder: ${title}`);
  const webhooks = (title: string) => hooks.received.filter((h) => h.json?.task?.title === title);
  const pushes = (title: string) => push.received.filter((p) => JSON.parse(p.payload).title === title);

  it("sends a reminder that came due while it was down, once per channel, when it starts", async () => {
    await until("missed reminder on every channel", () =>
      mails(missedTitle).length && webhooks(missedTitle).length && pushes(missedTitle).length ? true : undefined,
    );
    await sleep(1_500);
    expect([mails(missedTitle).length, webhooks(missedTitle).length, pushes(missedTitle).length]).toEqual([1, 1, 1]);
  });

  it("delivers on time by email (text and HTML with a link), signed webhook and decryptable Web Push", async () => {
    const title = `call the dentist ${kind}`;
    const remindAt = at(2_000);
    const task = await createTask(database.handle.db, user, {
      title,
      description: "ask about Friday",
      remind_at: remindAt,
    });
    const mail = await smtp.waitFor((m) => m.subject === `Reminder: ${title}`, 20_000);
    expect(mail.to).toEqual([email]);
    expect(mail.text).toContain(`https://todo.example.test/tasks?task=${task.id}`);
    expect(mail.html).toContain(`href="https://todo.example.test/tasks?task=${task.id}"`);
    const hook = await until("webhook", () => webhooks(title)[0]);
    expect(hook.signatureValid).toBe(true);
    expect(hook.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(hook.json).toMatchObject({ type: "reminder", task: { id: task.id, title, remind_at: remindAt } });
    const received = await until("push", () => pushes(title)[0]);
    expect(JSON.parse(received.payload)).toMatchObject({
      title,
      body: "ask about Friday",
      task_id: task.id,
      url: `https://todo.example.test/tasks?task=${task.id}`,
    });
    expect(received.vapid.subject).toBe("mailto:ops@example.test");
    expect(push.rejected).toEqual([]);
    const late = Math.max(hook.receivedAt, received.receivedAt) - Date.parse(remindAt);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(60_000);
    const mine = await eventually(async () => {
      const log = (await listDeliveries(database.handle.db, user)).filter((d) => d.task_id === task.id);
      return log.length === 3 && log.every((d) => d.status !== "sending") ? log : undefined;
    });
    expect(mine.map((d) => [d.channel, d.status]).sort()).toEqual([
      ["email", "sent"],
      ["push", "sent"],
      ["webhook", "sent"],
    ]);
  });

  it("moves a reminder with its task, and cancels it when the task is completed or deleted", async () => {
    const db = database.handle.db;
    const moved = await createTask(db, user, { title: `moved ${kind}`, remind_at: at(1_500) });
    const done = await createTask(db, user, { title: `done ${kind}`, remind_at: at(1_500) });
    const gone = await createTask(db, user, { title: `gone ${kind}`, remind_at: at(1_500) });
    const newTime = at(5_000);
    await updateTask(db, user, moved.id, { remind_at: newTime });
    await completeTask(db, user, done.id);
    await deleteTask(db, user, gone.id);
    const hook = await until("moved reminder", () => webhooks(`moved ${kind}`)[0]);
    expect(hook.receivedAt).toBeGreaterThanOrEqual(Date.parse(newTime));
    expect(hook.json.task.remind_at).toBe(newTime);
    await sleep(1_500);
    expect(webhooks(`moved ${kind}`)).toHaveLength(1);
    expect(mails(`moved ${kind}`)).toHaveLength(1);
    for (const title of [`done ${kind}`, `gone ${kind}`]) {
      expect([mails(title).length, webhooks(title).length, pushes(title).length]).toEqual([0, 0, 0]);
    }
  });

  it("reminds a recurring task for its next occurrence", async () => {
    const db = database.handle.db;
    const title = `hourly ${kind}`;
    // Due (and reminded) a little under an hour ago; completing it makes the next occurrence, reminded just now.
    const task = await createTask(db, user, {
      title,
      due_at: at(-3_600_000 + 3_000),
      remind_at: at(-3_600_000 + 2_000),
      recurrence: "FREQ=HOURLY",
    });
    const { next } = await completeTask(db, user, task.id);
    expect(next).not.toBeNull();
    const hook = await until("next occurrence's reminder", () => webhooks(title)[0]);
    expect(hook.json.task.id).toBe(next!.id);
    await sleep(1_500);
    expect(webhooks(title)).toHaveLength(1);
  });

  it("retries a failing webhook with backoff and logs the attempts", async () => {
    const title = `flaky ${kind}`;
    hooks.failNext(2, 503);
    const task = await createTask(database.handle.db, user, { title, remind_at: at(500) });
    const hook = await until("webhook after retries", () => webhooks(title)[0], 40_000);
    expect(hook.signatureValid).toBe(true);
    expect(hooks.failed).toBeGreaterThanOrEqual(2);
    const log = await eventually(async () =>
      (await listDeliveries(database.handle.db, user)).find(
        (d) => d.task_id === task.id && d.channel === "webhook" && d.status === "sent",
      ),
    );
    expect(log).toMatchObject({ status: "sent", attempts: 3, error: null });
  }, 60_000);

  it("forgets a push subscription the push service says is gone", async () => {
    const db = database.handle.db;
    const stale = push.subscribe();
    await addPushSubscription(db, user, stale);
    push.answerWith(stale.endpoint, 410);
    const title = `stale ${kind}`;
    await createTask(db, user, { title, remind_at: at(500) });
    await until("push to the live subscription", () => pushes(title)[0]);
    const rows = await eventually(async () => {
      const all = await db.select().from(pushSubscriptions);
      return all.some((r) => r.endpoint === stale.endpoint) ? undefined : all;
    });
    expect(rows.map((r) => r.endpoint)).not.toContain(stale.endpoint);
    expect(rows).toHaveLength(1);
  });
});
