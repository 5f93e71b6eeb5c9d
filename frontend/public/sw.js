// The service worker of the installable app (issue 14; docs/decisions/021-account-and-pwa.md). Hand-written, no
// build step: it caches the app shell and the last loaded task list so the app opens offline and shows what it
// had, marked as offline; it never answers a write (every non-GET goes to the network and fails there when
// offline); and it shows reminder pushes with actions (design section 13).
//
// Push payload (JSON): what pushPayload() in packages/core/src/reminders/channels.ts makes, { "title", "body",
// "url", "task_id": number|null, "actions" }; "tag" and "due_at" are also read if present. Unknown fields are ignored.

const VERSION = "v1";
const SHELL = `todo-shell-${VERSION}`;
const DATA = `todo-data-${VERSION}`;
const PAGES = `todo-pages-${VERSION}`;
const OFFLINE_HEADER = "x-todo-offline";

/** Pages that may be kept to open offline (signed-in app pages; never the auth pages with their tokens). */
const APP_PAGE = /^\/(tasks|settings)(\/|$)/;
/** Reads whose last answer is kept for offline display: the task list and what the shell needs around it. */
const CACHED_READS = /^\/api\/(tasks(\/counts|\/tags)?|projects|auth\/get-session|account)$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(["/manifest.webmanifest", "/icons/icon-192.png", "/icon.svg"]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => ![SHELL, DATA, PAGES].includes(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** Forgets everything of the person signed in (sign-out, account deleted, session gone). */
function forgetUserData() {
  return Promise.all([caches.delete(DATA), caches.delete(PAGES)]);
}

function markedOffline(response) {
  const headers = new Headers(response.headers);
  headers.set(OFFLINE_HEADER, "1");
  return response.blob().then((body) => new Response(body, { status: response.status, headers }));
}

async function tellClients(message) {
  for (const client of await self.clients.matchAll({ type: "window" })) client.postMessage(message);
}

async function networkFirst(request, cacheName, key) {
  try {
    const response = await fetch(request);
    if (response.status === 401) await forgetUserData();
    else if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(key ?? request, response.clone());
    }
    if (response.ok) tellClients({ type: "online" });
    return response;
  } catch (error) {
    const cache = await caches.open(cacheName);
    const cached = await cache.match(key ?? request, { ignoreSearch: cacheName === PAGES });
    if (!cached) throw error;
    tellClients({ type: "offline", url: request.url });
    return markedOffline(cached);
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method !== "GET") {
    // Never answered here: a write either reaches the server or fails. Signing out or deleting the account
    // also drops what was kept for offline display.
    if (/^\/api\/auth\/(sign-out|delete-user)$/.test(url.pathname)) event.waitUntil(forgetUserData());
    return;
  }
  if (url.pathname.startsWith("/_next/static/")) {
    // Hashed, immutable files: cache first.
    event.respondWith(
      caches.open(SHELL).then(async (cache) => {
        const hit = await cache.match(request);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) cache.put(request, response.clone());
        return response;
      }),
    );
    return;
  }
  if (CACHED_READS.test(url.pathname)) {
    // The last answer per path: a list with other filters offline shows the last one loaded, marked as such.
    event.respondWith(networkFirst(request, DATA, `${url.origin}${url.pathname}`));
    return;
  }
  if (request.mode === "navigate" && APP_PAGE.test(url.pathname)) {
    event.respondWith(
      networkFirst(request, PAGES, `${url.origin}${url.pathname}`).catch(async () => {
        const tasks = await caches.open(PAGES).then((c) => c.match(`${url.origin}/tasks`));
        return tasks ? markedOffline(tasks) : offlinePage();
      }),
    );
  }
});

function offlinePage() {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline · Todo</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>You are offline</h1><p>Todo has not loaded your tasks on this device yet, so there is nothing to show until the network is back.</p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", [OFFLINE_HEADER]: "1" },
  });
}

// ---- Reminders (Web Push) ----

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: event.data ? event.data.text() : "Reminder" };
  }
  const taskId = data.task_id ?? data.taskId;
  const title = data.title || "Reminder";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: data.body ?? (data.due_at ? `Due ${new Date(data.due_at).toLocaleString()}` : ""),
      tag: data.tag ?? (taskId ? `task-${taskId}` : undefined),
      icon: "/icons/icon-192.png",
      badge: "/icons/badge-96.png",
      data: { taskId, url: data.url ?? (taskId ? `/tasks?task=${encodeURIComponent(taskId)}` : "/tasks") },
      actions: taskId
        ? [
            { action: "complete", title: "Complete" },
            { action: "snooze-10m", title: "Snooze 10 min" },
            { action: "snooze-1h", title: "Snooze 1 h" },
            { action: "snooze-tomorrow", title: "Tomorrow" },
          ]
        : [],
    }),
  );
});

/** When a snooze action ends: in 10 minutes, an hour, or tomorrow at 9:00 on this device's clock. */
function snoozeUntil(action, now = new Date()) {
  if (action === "snooze-10m") return new Date(now.getTime() + 10 * 60_000);
  if (action === "snooze-1h") return new Date(now.getTime() + 60 * 60_000);
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  return tomorrow;
}

async function runAction(action, taskId) {
  const id = encodeURIComponent(taskId);
  const request =
    action === "complete"
      ? fetch(`/api/tasks/${id}/complete`, { method: "POST", credentials: "same-origin" })
      : fetch(`/api/tasks/${id}/snooze`, {
          method: "POST",
          credentials: "same-origin",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ until: snoozeUntil(action).toISOString() }),
        });
  let ok = false;
  try {
    ok = (await request).ok;
  } catch {
    ok = false;
  }
  if (!ok) {
    // Said plainly: nothing was changed, open the task to do it by hand.
    await self.registration.showNotification("Could not update the task", {
      body:
        action === "complete"
          ? "It is not marked complete. Open it to try again."
          : "It is not snoozed. Open it to try again.",
      tag: `task-${taskId}-failed`,
      icon: "/icons/icon-192.png",
      data: { taskId, url: `/tasks?task=${id}` },
    });
  }
  await tellClients({ type: "task-changed", taskId });
}

async function openUrl(url) {
  const target = new URL(url, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) {
    if (new URL(client.url).origin === self.location.origin && "focus" in client) {
      await client.focus();
      if ("navigate" in client) return client.navigate(target);
      return client;
    }
  }
  return self.clients.openWindow(target);
}

self.addEventListener("notificationclick", (event) => {
  const notification = event.notification;
  const { taskId, url } = notification.data ?? {};
  notification.close();
  if (event.action && taskId && event.action !== "open") {
    event.waitUntil(runAction(event.action, taskId));
    return;
  }
  event.waitUntil(openUrl(url ?? "/tasks"));
});
