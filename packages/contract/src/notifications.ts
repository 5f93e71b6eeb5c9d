// Reminders that reach people (design section 13): a user's notification settings, a browser's push subscription,
// the "send a test" input and the delivery log. Channels are one enum used by the scheduler, routes and UI.
import { z } from "zod";
import { TimeZone } from "./time-zone";

export const Channel = z.enum(["email", "push", "webhook"]).meta({ description: "A reminder channel" });
export type Channel = z.infer<typeof Channel>;

export const WebhookUrl = z
  .url({ protocol: /^https?$/, error: "Webhook URL must be an http:// or https:// URL" })
  .max(2048, "Webhook URL must be at most 2048 characters")
  .meta({ description: "Where reminders are POSTed as signed JSON; an ntfy topic URL gets ntfy's format" });

export const DigestAt = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "digest_at must be HH:MM (00:00–23:59)")
  .meta({ description: "Local time of the daily digest email", example: "08:00" });

export const NotificationSettings = z
  .object({
    email: z.boolean(),
    push: z.boolean(),
    webhook_url: WebhookUrl.nullable(),
    digest_at: DigestAt.nullable(),
    timezone: TimeZone,
    /** Read-only: the key of the webhook's `X-Todo-Signature: sha256=<HMAC-SHA256 of the body>`. */
    webhook_secret: z.string().meta({ description: "Key of the webhook's HMAC-SHA256 signature (read-only)" }),
    /** Read-only: false when the server has no SMTP_URL (email is off; the UI says so). */
    email_available: z.boolean(),
    /** Read-only: the VAPID public key a browser subscribes with. */
    vapid_public_key: z.string(),
  })
  .meta({ id: "NotificationSettings" });
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const UpdateNotificationSettingsInput = z
  .object({
    email: z.boolean().optional(),
    push: z.boolean().optional(),
    webhook_url: WebhookUrl.nullable().optional(),
    digest_at: DigestAt.nullable().optional(),
    timezone: TimeZone.optional(),
  })
  .strict()
  .meta({ id: "UpdateNotificationSettings", description: "Any subset of the settings" });
export type UpdateNotificationSettingsInput = z.infer<typeof UpdateNotificationSettingsInput>;

/** A browser's PushSubscription.toJSON(). */
export const PushSubscriptionInput = z
  .object({
    endpoint: z
      .url({ protocol: /^https?$/, error: "endpoint must be an http(s) URL" })
      .max(2048, "endpoint must be at most 2048 characters"),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({
      p256dh: z.string().regex(/^[A-Za-z0-9_-]{40,200}=*$/, "keys.p256dh must be a base64url P-256 public key"),
      auth: z.string().regex(/^[A-Za-z0-9_-]{8,64}=*$/, "keys.auth must be a base64url secret"),
    }),
  })
  .meta({ id: "PushSubscription" });
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

export const DeletePushSubscriptionInput = z.object({ endpoint: z.string().min(1).max(2048) });

export const TestNotificationInput = z
  .object({ channel: Channel })
  .meta({ id: "TestNotification", description: "Which channel to send a test on" });

export const DeliveryStatus = z.enum(["sending", "sent", "failed"]);

export const Delivery = z
  .object({
    channel: Channel,
    status: DeliveryStatus,
    /** The task's number for the user; null for a test. */
    task_id: z.number().int().nullable(),
    remind_at: z.string().nullable(),
    attempts: z.number().int(),
    error: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
  })
  .meta({ id: "Delivery" });
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryLog = z.object({ deliveries: z.array(Delivery) }).meta({ id: "DeliveryLog" });

/** The JSON a webhook receives (signed with X-Todo-Signature). */
export const ReminderPayload = z.object({
  type: z.enum(["reminder", "test"]),
  task: z
    .object({
      id: z.number().int(),
      title: z.string(),
      description: z.string(),
      due_at: z.string().nullable(),
      remind_at: z.string().nullable(),
      url: z.string(),
    })
    .nullable(),
  sent_at: z.string(),
});
export type ReminderPayload = z.infer<typeof ReminderPayload>;
