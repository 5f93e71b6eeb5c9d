// "Send a test" per channel (design section 13): one attempt now, outside the queue, logged like a reminder.
import { ValidationError } from "@todo/contract/errors";
import type { Channel } from "@todo/contract/notifications";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { users } from "../db/schema";
import { ChannelUnavailable, type Notifier } from "./channels";
import { settingsRow } from "./settings";

const WHY_UNUSABLE: Record<Channel, string> = {
  email: "Email is off on this server (no SMTP_URL)",
  webhook: "Set a webhook_url first",
  push: "No browser of yours has subscribed to push notifications (or Web Push is off on this server)",
};

export async function sendTestNotification(
  db: Database,
  notifier: Notifier,
  userId: string,
  channel: Channel,
): Promise<{ channel: Channel; status: "sent" | "failed"; error: string | null }> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) throw new ValidationError("Unknown user");
  const recipient = { userId, email: user.email, settings: await settingsRow(db, userId) };
  if (!(await notifier.usable(channel, recipient, true))) {
    throw new ValidationError(WHY_UNUSABLE[channel], [{ path: "channel", message: WHY_UNUSABLE[channel] }]);
  }
  let error: string | null = null;
  try {
    await notifier.deliver(channel, recipient, null);
  } catch (e) {
    if (e instanceof ChannelUnavailable) {
      throw new ValidationError(e.message, [{ path: "channel", message: e.message }]);
    }
    error = (e as Error).message.slice(0, 500);
  }
  await db.execute(sql`
    insert into reminder_deliveries (user_id, channel, status, attempts, error, delivered_at)
    values (${userId}, ${channel}, ${error ? "failed" : "sent"}, 1, ${error}, ${error ? null : new Date()})`);
  return { channel, status: error ? "failed" : "sent", error };
}
