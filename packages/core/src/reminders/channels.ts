// The three reminder channels (design section 13) behind one `deliver(channel, message)`: email through the
// mailer, a webhook (JSON signed with X-Todo-Signature; ntfy topic URLs get ntfy's format) and Web Push (VAPID).
// Each call makes one attempt and throws on failure; retries belong to the scheduler's queue.
import { createHmac } from "node:crypto";
import type { Agent } from "node:https";
import type { Channel, ReminderPayload } from "@todo/contract/notifications";
import { and, eq } from "drizzle-orm";
import webpush from "web-push";
import type { Database } from "../db/client";
import { pushSubscriptions } from "../db/schema";
import type { Mailer } from "../mail/mailer";
import type { SettingsRow } from "./settings";
import type { VapidKeys } from "./vapid";

export interface ReminderTask {
  /** The recipient's number for the task. */
  number: number;
  title: string;
  description: string;
  dueAt: Date | null;
  remindAt: Date | null;
}

export interface Recipient {
  userId: string;
  email: string;
  settings: SettingsRow;
}

/** A channel that is not set up for this user (or on this server): a 4xx for "send a test", a skip for reminders. */
export class ChannelUnavailable extends Error {}

export interface Notifier {
  readonly emailAvailable: boolean;
  /** For the daily digest, which is email only. */
  readonly mailer: Mailer;
  readonly appUrl: string;
  readonly vapidPublicKey: string;
  /** Is `channel` turned on and usable for this user? (A test ignores the on/off switch, not the setup.) */
  usable(channel: Channel, recipient: Recipient, ignoreSwitch?: boolean): Promise<boolean>;
  deliver(channel: Channel, recipient: Recipient, task: ReminderTask | null): Promise<void>;
}

export interface NotifierOptions {
  db: Database;
  mailer: Mailer;
  appUrl: string;
  vapid: VapidKeys | undefined;
  /** For a push service behind a private CA (the tests' local one); the default trusts the usual CAs. */
  pushAgent?: Agent;
  /** Per attempt, for webhook and push requests. */
  timeoutMs?: number;
}

export const SIGNATURE_HEADER = "X-Todo-Signature";

/** `sha256=<hex HMAC-SHA256 of the exact body>` with the user's webhook secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** An ntfy topic: ntfy.sh, a host named ntfy…, or any URL marked with `#ntfy` (a local ntfy on localhost). */
export function isNtfyUrl(value: string): boolean {
  const url = new URL(value);
  return url.hash === "#ntfy" || url.hostname === "ntfy.sh" || url.hostname.startsWith("ntfy");
}

export function taskUrl(appUrl: string, number: number): string {
  return new URL(`/tasks?task=${number}`, appUrl).toString();
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function when(date: Date | null, timeZone: string): string | null {
  if (!date) return null;
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

export function reminderEmail(task: ReminderTask | null, appUrl: string, timeZone: string) {
  if (!task) {
    const lines = ["This is a test from todo-app: email reminders reach you."];
    return {
      subject: "Test reminder from todo-app",
      text: `${lines.join("\n\n")}\n\nOpen todo-app: ${appUrl}\n`,
      html: `<!doctype html>\n<html><body style="font-family: sans-serif"><p>${escapeHtml(lines[0]!)}</p><p><a href="${escapeHtml(appUrl)}">Open todo-app</a></p></body></html>\n`,
    };
  }
  const link = taskUrl(appUrl, task.number);
  const due = when(task.dueAt, timeZone);
  const lines = [`Reminder: ${task.title}`];
  if (due) lines.push(`Due ${due} (${timeZone}).`);
  if (task.description) lines.push(task.description);
  return {
    subject: `Reminder: ${task.title}`,
    text: `${lines.join("\n\n")}\n\nOpen the task: ${link}\n`,
    html: `<!doctype html>\n<html><body style="font-family: sans-serif; line-height: 1.5">\n${lines
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join("\n")}\n<p><a href="${escapeHtml(link)}">Open the task</a></p>\n</body></html>\n`,
  };
}

export function reminderPayload(task: ReminderTask | null, appUrl: string): ReminderPayload {
  return {
    type: task ? "reminder" : "test",
    task: task
      ? {
          id: task.number,
          title: task.title,
          description: task.description,
          due_at: task.dueAt?.toISOString() ?? null,
          remind_at: task.remindAt?.toISOString() ?? null,
          url: taskUrl(appUrl, task.number),
        }
      : null,
    sent_at: new Date().toISOString(),
  };
}

/** What the service worker shows: title, body, where a click goes, and the actions it offers. */
export function pushPayload(task: ReminderTask | null, appUrl: string) {
  return {
    title: task ? task.title : "todo-app",
    body: task ? task.description || "Reminder" : "Test notification: push reminders reach this browser.",
    url: task ? taskUrl(appUrl, task.number) : appUrl,
    task_id: task?.number ?? null,
    actions: task
      ? [
          { action: "complete", title: "Complete" },
          { action: "snooze-10m", title: "Snooze 10 min" },
          { action: "snooze-1h", title: "Snooze 1 h" },
          { action: "snooze-tomorrow", title: "Tomorrow" },
        ]
      : [],
  };
}

export function createNotifier(options: NotifierOptions): Notifier {
  const { db, mailer, appUrl, vapid } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function subscriptions(userId: string) {
    return db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  }

  async function sendWebhook(recipient: Recipient, task: ReminderTask | null) {
    const target = recipient.settings.webhookUrl;
    if (!target) throw new ChannelUnavailable("No webhook URL is set");
    const payload = reminderPayload(task, appUrl);
    let body: string;
    const headers: Record<string, string> = { "user-agent": "todo-app-reminders" };
    let url = target;
    if (isNtfyUrl(target)) {
      // ntfy's publish-as-JSON: POST to the server's root with the topic in the body.
      const parsed = new URL(target);
      const topic = parsed.pathname.replace(/^\/+|\/+$/g, "");
      url = new URL("/", parsed).toString();
      body = JSON.stringify({
        topic,
        title: task ? `Reminder: ${task.title}` : "todo-app test",
        message: task ? task.description || task.title : "Webhook reminders reach this ntfy topic.",
        click: payload.task?.url ?? appUrl,
        tags: ["alarm_clock"],
        actions: [{ action: "view", label: "Open", url: payload.task?.url ?? appUrl }],
      });
    } else {
      body = JSON.stringify(payload);
    }
    headers["content-type"] = "application/json";
    headers[SIGNATURE_HEADER] = signBody(recipient.settings.webhookSecret, body);
    const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`Webhook answered ${res.status}`);
  }

  async function sendPush(recipient: Recipient, task: ReminderTask | null) {
    if (!vapid) throw new ChannelUnavailable("Web Push is not configured on this server");
    const subs = await subscriptions(recipient.userId);
    if (subs.length === 0) throw new ChannelUnavailable("No browser has subscribed to push notifications");
    const payload = JSON.stringify(pushPayload(task, appUrl));
    const errors: string[] = [];
    let delivered = 0;
    for (const sub of subs) {
      try {
        await webpush.sendNotification(
          { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
          payload,
          {
            vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
            TTL: 3600,
            timeout: timeoutMs,
            ...(options.pushAgent ? { agent: options.pushAgent } : {}),
          },
        );
        delivered++;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        // Gone or unknown: the browser unsubscribed; forget the subscription.
        if (status === 404 || status === 410) {
          await db
            .delete(pushSubscriptions)
            .where(and(eq(pushSubscriptions.id, sub.id), eq(pushSubscriptions.userId, recipient.userId)));
        }
        errors.push(status ? `push service answered ${status}` : (error as Error).message);
      }
    }
    if (delivered === 0) throw new Error(`Push failed: ${errors.join("; ")}`);
  }

  return {
    emailAvailable: mailer.enabled,
    mailer,
    appUrl,
    vapidPublicKey: vapid?.publicKey ?? "",
    async usable(channel, recipient, ignoreSwitch = false) {
      const s = recipient.settings;
      if (channel === "email") return mailer.enabled && (ignoreSwitch || s.email);
      if (channel === "webhook") return s.webhookUrl !== null;
      return vapid !== undefined && (ignoreSwitch || s.push) && (await subscriptions(recipient.userId)).length > 0;
    },
    async deliver(channel, recipient, task) {
      if (channel === "email") {
        if (!mailer.enabled) throw new ChannelUnavailable("Email is off on this server (no SMTP_URL)");
        await mailer.send({ to: recipient.email, ...reminderEmail(task, appUrl, recipient.settings.timezone) });
      } else if (channel === "webhook") {
        await sendWebhook(recipient, task);
      } else {
        await sendPush(recipient, task);
      }
    },
  };
}
