// Notification settings, push subscriptions, "send a test" and the delivery log (design section 13): thin
// wrappers over core/reminders.
import { createRoute, z } from "@hono/zod-openapi";
import { NotFoundError } from "@todo/contract/errors";
import {
  DeletePushSubscriptionInput,
  DeliveryLog,
  NotificationSettings,
  PushSubscriptionInput,
  TestNotificationInput,
  UpdateNotificationSettingsInput,
} from "@todo/contract/notifications";
import type { Notifier } from "@todo/core/reminders/channels";
import { sendTestNotification } from "@todo/core/reminders/send-test";
import {
  addPushSubscription,
  getNotificationSettings,
  listDeliveries,
  removePushSubscription,
  updateNotificationSettings,
} from "@todo/core/reminders/settings";
import type { AppDeps } from "../http/context";
import { createRouter, ErrorResponses, jsonContent, security } from "../http/openapi";

const TestResult = z.object({
  channel: z.enum(["email", "push", "webhook"]),
  status: z.enum(["sent", "failed"]),
  error: z.string().nullable(),
});

export function notificationsRoutes({ database }: AppDeps, notifier: Notifier) {
  const db = database.db;
  const router = createRouter();
  const available = { emailAvailable: notifier.emailAvailable, vapidPublicKey: notifier.vapidPublicKey };

  router.openapi(
    createRoute({
      method: "get",
      path: "/settings",
      tags: ["notifications"],
      summary: "The caller's reminder channels, and what this server offers",
      security,
      responses: { 200: jsonContent(NotificationSettings, "The settings"), ...ErrorResponses },
    }),
    async (c) => c.json(await getNotificationSettings(db, c.var.user.id, available), 200),
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/settings",
      tags: ["notifications"],
      summary: "Change any subset of the reminder settings",
      security,
      request: { body: { required: true, ...jsonContent(UpdateNotificationSettingsInput, "Fields to change") } },
      responses: { 200: jsonContent(NotificationSettings, "The settings after the change"), ...ErrorResponses },
    }),
    async (c) => c.json(await updateNotificationSettings(db, c.var.user.id, c.req.valid("json"), available), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/push-subscriptions",
      tags: ["notifications"],
      summary: "Register this browser's push subscription (PushSubscription.toJSON())",
      security,
      request: { body: { required: true, ...jsonContent(PushSubscriptionInput, "The subscription") } },
      responses: { 201: { description: "Stored" }, ...ErrorResponses },
    }),
    async (c) => {
      await addPushSubscription(db, c.var.user.id, c.req.valid("json"));
      return c.body(null, 201);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/push-subscriptions",
      tags: ["notifications"],
      summary: "Forget a push subscription of the caller",
      security,
      request: { body: { required: true, ...jsonContent(DeletePushSubscriptionInput, "The subscription's endpoint") } },
      responses: { 204: { description: "Forgotten" }, ...ErrorResponses },
    }),
    async (c) => {
      const removed = await removePushSubscription(db, c.var.user.id, c.req.valid("json").endpoint);
      if (!removed) throw new NotFoundError("No such push subscription");
      return c.body(null, 204);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/test",
      tags: ["notifications"],
      summary: "Send a test notification on one channel now",
      security,
      request: { body: { required: true, ...jsonContent(TestNotificationInput, "The channel") } },
      responses: {
        200: jsonContent(TestResult, "The attempt's outcome (also in the delivery log)"),
        ...ErrorResponses,
      },
    }),
    async (c) => c.json(await sendTestNotification(db, notifier, c.var.user.id, c.req.valid("json").channel), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/deliveries",
      tags: ["notifications"],
      summary: "The last delivery attempts per channel, newest first (the delivery log)",
      security,
      responses: { 200: jsonContent(DeliveryLog, "Up to 50 attempts"), ...ErrorResponses },
    }),
    async (c) => c.json({ deliveries: await listDeliveries(db, c.var.user.id) }, 200),
  );

  return router;
}
