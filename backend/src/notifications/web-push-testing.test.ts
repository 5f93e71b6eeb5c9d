// The backend's Web Push channel against the npm `web-push-testing` service (test/web-push-testing.ts): a
// subscription made through that service's API is stored through the real route, a task's reminder is pushed as
// a real VAPID-signed, aes128gcm-encrypted message, and what the service decrypted is exactly the payload the
// service worker reads (title, body, task link, complete/snooze actions). An unsubscribed endpoint (410) is
// forgotten. The same payload is then shown by the real service worker in e2e/notifications.spec.ts.
import https from "node:https";
import { pushPayload } from "@todo/core/reminders/channels";
import { settingsRow } from "@todo/core/reminders/settings";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { createTestBackend, type TestBackend } from "../../../test/backend";
import { startWebPushTesting, type WebPushTestingService } from "../../../test/web-push-testing";

const APP_URL = "https://todo.example.test";

describe("web push to the web-push-testing service", () => {
  let api: TestBackend;
  let service: WebPushTestingService;
  const vapid = webpush.generateVAPIDKeys();

  beforeAll(async () => {
    service = await startWebPushTesting();
    // The backend's push requests trust the service's certificate (as NODE_EXTRA_CA_CERTS would).
    https.globalAgent.options.ca = service.ca;
    api = await createTestBackend("pglite", {
      APP_URL,
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: "mailto:admin@todo.example.test",
    });
  });
  afterAll(async () => {
    await api?.close();
    await service?.close();
  });

  it("pushes a task's reminder that the service decrypts to the title, body, task link and actions", async () => {
    const user = await api.signUp("Pushed");
    const subscription = await service.subscribe(vapid.publicKey);
    const { clientHash: _, ...browserJson } = subscription;
    const stored = await api.request("POST", "/api/notifications/push-subscriptions", {
      headers: user.headers,
      body: browserJson,
    });
    expect(stored.status).toBe(201);

    const remindAt = new Date(Date.now() + 3_600_000);
    const created = await api.request("POST", "/api/tasks", {
      headers: user.headers,
      body: { title: "Water the plants", description: "The ones on the balcony", remind_at: remindAt.toISOString() },
    });
    expect(created.status).toBe(201);
    const task = {
      number: created.json.id as number,
      title: created.json.title as string,
      description: created.json.description as string,
      dueAt: null,
      remindAt: new Date(created.json.remind_at),
    };
    const settings = await settingsRow(api.database.handle.db, user.id);
    await api.notifier.deliver("push", { userId: user.id, email: user.email, settings }, task);

    const messages = await service.messages(subscription.clientHash);
    expect(messages).toHaveLength(1);
    const payload = JSON.parse(messages[0]!);
    expect(payload).toEqual(pushPayload(task, APP_URL));
    expect(payload.title).toBe("Water the plants");
    expect(payload.body).toBe("The ones on the balcony");
    expect(payload.url).toBe(`${APP_URL}/tasks?task=${task.number}`);
    expect(payload.task_id).toBe(task.number);
    expect(payload.actions.map((a: { action: string }) => a.action)).toEqual([
      "complete",
      "snooze-10m",
      "snooze-1h",
      "snooze-tomorrow",
    ]);

    // "Send a test" through the route reaches the same subscription, without task or actions.
    const test = await api.request("POST", "/api/notifications/test", {
      headers: user.headers,
      body: { channel: "push" },
    });
    expect(test.json).toEqual({ channel: "push", status: "sent", error: null });
    const after = await service.messages(subscription.clientHash);
    expect(after).toHaveLength(2);
    expect(JSON.parse(after[1]!)).toEqual(pushPayload(null, APP_URL));
  });

  it("forgets a subscription the service says is gone (410)", async () => {
    const user = await api.signUp("Gone");
    const subscription = await service.subscribe(vapid.publicKey);
    const { clientHash: _, ...browserJson } = subscription;
    await api.request("POST", "/api/notifications/push-subscriptions", { headers: user.headers, body: browserJson });
    await service.expire(subscription.clientHash);
    const first = await api.request("POST", "/api/notifications/test", {
      headers: user.headers,
      body: { channel: "push" },
    });
    expect(first.json.status).toBe("failed");
    expect(first.json.error).toMatch(/410/);
    // Forgotten: the next test says no browser is subscribed.
    const second = await api.request("POST", "/api/notifications/test", {
      headers: user.headers,
      body: { channel: "push" },
    });
    expect(second.status).toBe(422);
    expect(await service.messages(subscription.clientHash)).toEqual([]);
  });
});
