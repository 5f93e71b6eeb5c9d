"use client";
// Settings → Notifications: the reminder channels of design section 13 (email, browser push, webhook/ntfy), a
// "send a test" button per channel and the delivery log. Thin over /api/notifications/*.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Channel, Delivery, NotificationSettings } from "@todo/contract/notifications";
import { type FormEvent, useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError, apiRequest } from "@/lib/api-client";

const settingsKey = ["notifications", "settings"] as const;
const logKey = ["notifications", "deliveries"] as const;

type Update = Partial<Pick<NotificationSettings, "email" | "push" | "webhook_url" | "timezone">>;

function useSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => apiRequest<NotificationSettings>("/api/notifications/settings"),
  });
}

function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Update) =>
      apiRequest<NotificationSettings>("/api/notifications/settings", { method: "PUT", body: change }),
    onSuccess: (data) => queryClient.setQueryData(settingsKey, data),
    onError: (error) => toast.error(error instanceof ApiError ? error.message : "Could not save the settings"),
  });
}

function useSendTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channel: Channel) =>
      apiRequest<{ channel: Channel; status: "sent" | "failed"; error: string | null }>("/api/notifications/test", {
        method: "POST",
        body: { channel },
      }),
    onSuccess: (result) =>
      result.status === "sent"
        ? toast.success(`Test sent by ${result.channel}`)
        : toast.error(`Test by ${result.channel} failed: ${result.error}`),
    onError: (error) => toast.error(error instanceof ApiError ? error.message : "Could not send the test"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: logKey }),
  });
}

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const padded = (value + "=".repeat((4 - (value.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Subscribes this browser through the app's service worker and registers the subscription with the backend. */
async function subscribeThisBrowser(vapidPublicKey: string): Promise<void> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window)) {
    throw new Error("This browser does not support push notifications");
  }
  if ((await Notification.requestPermission()) !== "granted") throw new Error("Notifications are blocked");
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration) throw new Error("The app's service worker is not installed yet; reload the page and try again");
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: base64UrlToBytes(vapidPublicKey),
  });
  await apiRequest("/api/notifications/push-subscriptions", { method: "POST", body: subscription.toJSON() });
}

/** What each channel's "Send a test" button is called for a screen reader (three buttons, one visible text). */
const testNames: Record<Channel, string> = {
  email: "Send a test email",
  push: "Send a test push notification",
  webhook: "Send a test webhook",
};

function TestButton({ channel, disabled }: { channel: Channel; disabled?: boolean }) {
  const test = useSendTest();
  return (
    <Button
      variant="outline"
      size="sm"
      aria-label={testNames[channel]}
      disabled={disabled || test.isPending}
      onClick={() => test.mutate(channel)}
    >
      Send a test
    </Button>
  );
}

function WebhookForm({ settings }: { settings: NotificationSettings }) {
  const update = useUpdateSettings();
  const id = useId();
  const [url, setUrl] = useState(settings.webhook_url ?? "");
  useEffect(() => setUrl(settings.webhook_url ?? ""), [settings.webhook_url]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ webhook_url: url.trim() === "" ? null : url.trim() });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <Label htmlFor={id}>Webhook URL</Label>
      <div className="flex gap-2">
        <Input
          id={id}
          type="url"
          placeholder="https://example.com/hook or https://ntfy.sh/my-topic"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <Button type="submit" disabled={update.isPending}>
          Save
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">
        Signed with <code>X-Todo-Signature: sha256=…</code> using the secret{" "}
        <code className="break-all">{settings.webhook_secret}</code>. ntfy topic URLs (or any URL ending in{" "}
        <code>#ntfy</code>) get ntfy&apos;s format.
      </p>
    </form>
  );
}

function DeliveryLog() {
  const log = useQuery({
    queryKey: logKey,
    queryFn: async () => (await apiRequest<{ deliveries: Delivery[] }>("/api/notifications/deliveries")).deliveries,
  });
  if (log.isPending) return <Skeleton className="h-16 w-full" />;
  if (log.isError) return <p className="text-sm text-destructive">Could not load the delivery log.</p>;
  if (log.data.length === 0) return <p className="text-sm text-muted-foreground">Nothing sent yet.</p>;
  return (
    <ul className="flex flex-col divide-y text-sm">
      {log.data.map((d) => (
        <li key={`${d.channel}-${d.task_id}-${d.remind_at}-${d.created_at}`} className="flex flex-wrap gap-x-3 py-1.5">
          <span className="w-16 font-medium">{d.channel}</span>
          <span className={d.status === "failed" ? "text-destructive" : undefined}>{d.status}</span>
          <span className="text-muted-foreground">{d.task_id === null ? "test" : `task ${d.task_id}`}</span>
          <span className="text-muted-foreground">{new Date(d.created_at).toLocaleString()}</span>
          {d.attempts > 1 && <span className="text-muted-foreground">{d.attempts} attempts</span>}
          {d.error && <span className="basis-full text-xs text-destructive">{d.error}</span>}
        </li>
      ))}
    </ul>
  );
}

export function NotificationsSettings() {
  const settings = useSettings();
  const update = useUpdateSettings();
  const [subscribing, setSubscribing] = useState(false);
  if (settings.isPending) return <Skeleton className="h-48 w-full" />;
  if (settings.isError) return <p className="text-sm text-destructive">Could not load the notification settings.</p>;
  const s = settings.data;

  const enablePush = async (on: boolean) => {
    if (on) {
      setSubscribing(true);
      try {
        await subscribeThisBrowser(s.vapid_public_key);
      } catch (error) {
        toast.error((error as Error).message);
        setSubscribing(false);
        return;
      }
      setSubscribing(false);
    }
    update.mutate({ push: on });
  };

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Reminders</CardTitle>
          <CardDescription>Where a task&apos;s reminder reaches you when the app is closed.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-5">
          <div className="flex items-center justify-between gap-4">
            <div className="flex items-center gap-2">
              <Checkbox
                id="notify-email"
                checked={s.email}
                disabled={!s.email_available}
                onCheckedChange={(v) => update.mutate({ email: v === true })}
              />
              <Label htmlFor="notify-email">Email</Label>
              {!s.email_available && (
                <span className="text-xs text-muted-foreground">Email is off on this server (no SMTP_URL).</span>
              )}
            </div>
            <TestButton channel="email" disabled={!s.email_available} />
          </div>
          <div className="flex items-center justify-between gap-4">
            <div className="flex items-center gap-2">
              <Checkbox
                id="notify-push"
                checked={s.push}
                disabled={subscribing || !s.vapid_public_key}
                onCheckedChange={(v) => void enablePush(v === true)}
              />
              <Label htmlFor="notify-push">Push notifications in this browser</Label>
            </div>
            <TestButton channel="push" />
          </div>
          <div className="flex flex-col gap-2">
            <WebhookForm settings={s} />
            <div>
              <TestButton channel="webhook" disabled={!s.webhook_url} />
            </div>
          </div>
          <p className="text-xs text-muted-foreground">Times are shown in {s.timezone}.</p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Delivery log</CardTitle>
          <CardDescription>The last attempts on each channel, newest first.</CardDescription>
        </CardHeader>
        <CardContent>
          <DeliveryLog />
        </CardContent>
      </Card>
    </div>
  );
}
