// A user's reminder channels (design section 13): settings, browser push subscriptions, the delivery log.
import { randomBytes } from "node:crypto";
import { parseInput } from "@todo/contract/errors";
import {
  type Delivery,
  type NotificationSettings,
  PushSubscriptionInput,
  UpdateNotificationSettingsInput,
} from "@todo/contract/notifications";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { notificationSettings, pushSubscriptions, reminderDeliveries, taskNumbers } from "../db/schema";

export type SettingsRow = typeof notificationSettings.$inferSelect;

/** What the server offers, shown next to the user's own settings. */
export interface ChannelAvailability {
  emailAvailable: boolean;
  vapidPublicKey: string;
}

/** The user's settings row, created with defaults (all channels off, a fresh webhook secret) on first read. */
export async function settingsRow(db: Database, userId: string): Promise<SettingsRow> {
  const [existing] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  if (existing) return existing;
  await db
    .insert(notificationSettings)
    .values({ userId, webhookSecret: randomBytes(24).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  return row!;
}

function settingsJson(row: SettingsRow, available: ChannelAvailability): NotificationSettings {
  return {
    email: row.email,
    push: row.push,
    webhook_url: row.webhookUrl,
    digest_at: row.digestAt,
    timezone: row.timezone,
    webhook_secret: row.webhookSecret,
    email_available: available.emailAvailable,
    vapid_public_key: available.vapidPublicKey,
  };
}

export async function getNotificationSettings(
  db: Database,
  userId: string,
  available: ChannelAvailability,
): Promise<NotificationSettings> {
  return settingsJson(await settingsRow(db, userId), available);
}

export async function updateNotificationSettings(
  db: Database,
  userId: string,
  input: unknown,
  available: ChannelAvailability,
): Promise<NotificationSettings> {
  const data = parseInput(UpdateNotificationSettingsInput, input);
  await settingsRow(db, userId);
  const change: Partial<typeof notificationSettings.$inferInsert> = { updatedAt: new Date() };
  if (data.email !== undefined) change.email = data.email;
  if (data.push !== undefined) change.push = data.push;
  if (data.webhook_url !== undefined) change.webhookUrl = data.webhook_url;
  if (data.digest_at !== undefined) change.digestAt = data.digest_at;
  if (data.timezone !== undefined) change.timezone = data.timezone;
  const [row] = await db
    .update(notificationSettings)
    .set(change)
    .where(eq(notificationSettings.userId, userId))
    .returning();
  return settingsJson(row!, available);
}

/** Stores a browser's subscription; the same endpoint subscribing again (or for another user) replaces it. */
export async function addPushSubscription(db: Database, userId: string, input: unknown): Promise<void> {
  const data = parseInput(PushSubscriptionInput, input);
  await db
    .insert(pushSubscriptions)
    .values({ userId, endpoint: data.endpoint, p256dh: data.keys.p256dh, auth: data.keys.auth })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { userId, p256dh: data.keys.p256dh, auth: data.keys.auth },
    });
}

/** Forgets a subscription of this user; true when there was one. */
export async function removePushSubscription(db: Database, userId: string, endpoint: string): Promise<boolean> {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return removed.length > 0;
}

/** The last attempts per channel, newest first (the Settings page's delivery log). */
export async function listDeliveries(db: Database, userId: string, limit = 50): Promise<Delivery[]> {
  const rows = await db
    .select({
      channel: reminderDeliveries.channel,
      status: reminderDeliveries.status,
      number: taskNumbers.number,
      remindAt: reminderDeliveries.remindAt,
      attempts: reminderDeliveries.attempts,
      error: reminderDeliveries.error,
      createdAt: reminderDeliveries.createdAt,
      deliveredAt: reminderDeliveries.deliveredAt,
    })
    .from(reminderDeliveries)
    .leftJoin(
      taskNumbers,
      and(eq(taskNumbers.taskId, reminderDeliveries.taskId), eq(taskNumbers.userId, reminderDeliveries.userId)),
    )
    .where(eq(reminderDeliveries.userId, userId))
    .orderBy(desc(reminderDeliveries.updatedAt), desc(reminderDeliveries.id))
    .limit(limit);
  return rows.map((r) => ({
    channel: r.channel as Delivery["channel"],
    status: r.status as Delivery["status"],
    task_id: r.number ?? null,
    remind_at: r.remindAt?.toISOString() ?? null,
    attempts: r.attempts,
    error: r.error,
    created_at: r.createdAt.toISOString(),
    delivered_at: r.deliveredAt?.toISOString() ?? null,
  }));
}
