// The notification routes through real HTTP handling on PGlite and Postgres: settings (any subset, validation as
// 422), push subscriptions, "send a test" on each channel to real receivers, and the delivery log.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { createTestBackend, type TestBackend, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";
import { startTestPushService, type TestPushService } from "../../../test/push";
import { startTestSmtpServer, type TestSmtpServer } from "../../../test/smtp";
import { startTestWebhookReceiver, type TestWebhookReceiver } from "../../../test/webhook";

describe.each(databaseKinds)("notification routes on %s", (kind) => {
  let api: TestBackend;
  let smtp: TestSmtpServer;
  let hooks: TestWebhookReceiver;
  let push: TestPushService;
  const vapid = webpush.generateVAPIDKeys();
  const call = (user: TestUser, method: string, path: string, body?: unknown) =>
    api.request(method, `/api/notifications${path}`, { headers: user.headers, body });

  beforeAll(async () => {
    [smtp, hooks, push] = await Promise.all([
      startTestSmtpServer(),
      startTestWebhookReceiver(),
      startTestPushService(),
    ]);
    // The backend's push requests trust the local push service's certificate (as NODE_EXTRA_CA_CERTS would).
    const https = await import("node:https");
    https.globalAgent.options.ca = push.agent.options.ca;
    api = await createTestBackend(kind, {
      SMTP_URL: smtp.url,
      APP_URL: "https://todo.example.test",
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: "https://todo.example.test/contact",
    });
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all([smtp?.close(), hooks?.close(), push?.close()]);
  });

  it("starts with every channel off and changes any subset; bad values are a 422 naming the field", async () => {
    const user = await api.signUp("Set");
    const first = await call(user, "GET", "/settings");
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      email: false,
      push: false,
      webhook_url: null,
      digest_at: null,
      timezone: "UTC",
      email_available: true,
      vapid_public_key: vapid.publicKey,
    });
    expect(first.json.webhook_secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const changed = await call(user, "PUT", "/settings", { email: true, timezone: "Europe/Paris" });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ email: true, push: false, timezone: "Europe/Paris", webhook_url: null });
    expect((await call(user, "GET", "/settings")).json).toMatchObject({ email: true, timezone: "Europe/Paris" });
    for (const [body, path] of [
      [{ webhook_url: "ftp://example.test/x" }, "webhook_url"],
      [{ digest_at: "25:00" }, "digest_at"],
      [{ timezone: "Mars/Olympus" }, "timezone"],
      [{ email: "yes" }, "email"],
      [{ colour: "red" }, ""],
    ] as const) {
      const res = await call(user, "PUT", "/settings", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.code).toBe("validation_error");
      if (path) expect(JSON.stringify(res.json.error.details)).toContain(path);
    }
    const other = await api.signUp("Other");
    expect((await call(other, "GET", "/settings")).json.email).toBe(false);
    const anonymous = await api.request("GET", "/api/notifications/settings");
    expect(anonymous.status).toBe(401);
  });

  it("sends a test by email, to a signed webhook and to ntfy's format, and logs each attempt", async () => {
    const user = await api.signUp("Tester");
    const settings = (await call(user, "GET", "/settings")).json;
    hooks.setSecret(settings.webhook_secret);
    const mail = await call(user, "POST", "/test", { channel: "email" });
    expect(mail.json).toEqual({ channel: "email", status: "sent", error: null });
    const received = await smtp.waitFor((m) => m.to.includes(user.email));
    expect(received.subject).toBe("Test reminder from todo-app");
    expect(received.html).toContain('href="https://todo.example.test"');
    // No webhook URL yet: a 422, not a failed delivery.
    const unset = await call(user, "POST", "/test", { channel: "webhook" });
    expect(unset.status).toBe(422);
    await call(user, "PUT", "/settings", { webhook_url: `${hooks.url}/my-hook` });
    const sent = await call(user, "POST", "/test", { channel: "webhook" });
    expect(sent.json.status).toBe("sent");
    const hook = hooks.received.find((h) => h.path === "/my-hook")!;
    expect(hook.signatureValid).toBe(true);
    expect(hook.json).toMatchObject({ type: "test", task: null });
    await call(user, "PUT", "/settings", { webhook_url: `${hooks.url}/reminders-topic#ntfy` });
    expect((await call(user, "POST", "/test", { channel: "webhook" })).json.status).toBe("sent");
    const ntfy = hooks.received.at(-1)!;
    expect(ntfy.path).toBe("/");
    expect(ntfy.json).toMatchObject({ topic: "reminders-topic", title: "todo-app test" });
    hooks.failNext(1, 500);
    const failed = await call(user, "POST", "/test", { channel: "webhook" });
    expect(failed.json).toEqual({ channel: "webhook", status: "failed", error: "Webhook answered 500" });
    const log = await call(user, "GET", "/deliveries");
    expect(log.status).toBe(200);
    expect(log.json.deliveries.map((d: { channel: string; status: string }) => `${d.channel}:${d.status}`)).toEqual([
      "webhook:failed",
      "webhook:sent",
      "webhook:sent",
      "email:sent",
    ]);
    expect(log.json.deliveries[0]).toMatchObject({ task_id: null, error: "Webhook answered 500", attempts: 1 });
    expect((await call(user, "POST", "/test", { channel: "sms" })).status).toBe(422);
  });

  it("stores a browser's push subscription, pushes a test it can decrypt, and forgets it on DELETE", async () => {
    const user = await api.signUp("Pusher");
    expect((await call(user, "POST", "/test", { channel: "push" })).status).toBe(422);
    const sub = push.subscribe();
    expect((await call(user, "POST", "/push-subscriptions", { endpoint: sub.endpoint, keys: {} })).status).toBe(422);
    expect((await call(user, "POST", "/push-subscriptions", sub)).status).toBe(201);
    expect((await call(user, "POST", "/push-subscriptions", sub)).status).toBe(201); // again: replaced, not doubled
    const res = await call(user, "POST", "/test", { channel: "push" });
    expect(res.json).toEqual({ channel: "push", status: "sent", error: null });
    const got = push.received.filter((p) => p.subscription === sub.endpoint);
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0]!.payload)).toMatchObject({ title: "todo-app", url: "https://todo.example.test" });
    expect(got[0]!.vapid).toMatchObject({ publicKey: vapid.publicKey, subject: "https://todo.example.test/contact" });
    const stranger = await api.signUp("Stranger");
    expect((await call(stranger, "DELETE", "/push-subscriptions", { endpoint: sub.endpoint })).status).toBe(404);
    expect((await call(user, "DELETE", "/push-subscriptions", { endpoint: sub.endpoint })).status).toBe(204);
    expect((await call(user, "POST", "/test", { channel: "push" })).status).toBe(422);
  });
});
