// The daily digest on PGlite and Postgres with the test SMTP server: sent once per local day at or after the
// chosen local time, listing overdue and today's open tasks with links, nothing before that time, nothing twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../test/databases";
import { startTestSmtpServer, type TestSmtpServer } from "../../../../test/smtp";
import { insertUser } from "../../../../test/users";
import { createMailer, type Mailer } from "../mail/mailer";
import { completeTask, createTask } from "../tasks/tasks.service";
import { sendDueDigests } from "./digest";
import { updateNotificationSettings } from "./settings";

describe.each(databaseKinds)("daily digest on %s", (kind) => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let mailer: Mailer;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    smtp = await startTestSmtpServer();
    mailer = createMailer({ smtpUrl: smtp.url, from: "todo <todo@example.test>" });
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await database?.drop();
  });

  it("sends overdue and today's tasks once, at the user's local time", async () => {
    const db = database.handle.db;
    const user = await insertUser(db, "Digest");
    const available = { emailAvailable: true, vapidPublicKey: "" };
    await updateNotificationSettings(db, user, { digest_at: "08:00", timezone: "Europe/Paris" }, available);
    await createTask(db, user, { title: "overdue report", due_at: "2026-12-02T10:00:00Z" });
    const today = await createTask(db, user, { title: "today call", due_at: "2026-12-03T16:00:00Z" });
    await createTask(db, user, { title: "tomorrow thing", due_at: "2026-12-04T09:00:00Z" });
    const done = await createTask(db, user, { title: "already done", due_at: "2026-12-03T09:00:00Z" });
    await completeTask(db, user, done.id);
    const app = "https://todo.example.test";
    // 07:59 in Paris (06:59 UTC): not yet.
    expect(await sendDueDigests(db, mailer, app, new Date("2026-12-03T06:59:00Z"))).toBe(0);
    // 08:00 in Paris: the digest, once.
    expect(await sendDueDigests(db, mailer, app, new Date("2026-12-03T07:00:30Z"))).toBe(1);
    expect(await sendDueDigests(db, mailer, app, new Date("2026-12-03T07:01:00Z"))).toBe(0);
    const mail = await smtp.waitFor((m) => m.to.includes(`${user}@example.test`));
    expect(mail.subject).toBe("Your tasks for 2026-12-03: 1 due today, 1 overdue");
    expect(mail.text).toMatch(/Overdue:\n- overdue report[^\n]*\n\nDue today:\n- today call/);
    expect(mail.text).not.toContain("tomorrow thing");
    expect(mail.text).not.toContain("already done");
    expect(mail.html).toContain(`href="${app}/tasks?task=${today.id}"`);
    // The next local day it comes again.
    expect(await sendDueDigests(db, mailer, app, new Date("2026-12-04T07:30:00Z"))).toBe(1);
  });
});
