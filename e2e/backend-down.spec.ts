// A frontend whose backend is down must say so clearly instead of showing a blank screen.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, runAxe, screenshot } from "./browser";
import { freePort, startFrontend } from "./stack";

describe("backend unreachable", () => {
  let browser: Browser;
  let frontend: Awaited<ReturnType<typeof startFrontend>>;

  beforeAll(async () => {
    // A port nobody listens on stands in for a backend that is down.
    frontend = await startFrontend(`http://127.0.0.1:${await freePort()}`, {}, "frontend-backend-down");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await frontend?.stop();
  });

  it("answers API calls with 503 service_unavailable", async () => {
    const response = await fetch(`${frontend.url}/api/tasks`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: "service_unavailable", message: "The backend is unreachable" },
    });
    const health = await fetch(`${frontend.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it.each(["light", "dark"] as const)("shows a clear page on sign-in and in the app (%s)", async (scheme) => {
    const context = await newContext(browser, { url: frontend.url, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("heading", { name: "The server is unreachable" }).waitFor();

    await context.addCookies([
      { name: "better-auth.session_token", value: "stale", url: frontend.url, httpOnly: true, sameSite: "Lax" },
    ]);
    await page.goto("/tasks");
    await page.getByRole("heading", { name: "The server is unreachable" }).waitFor();
    await page.getByRole("button", { name: "Try again" }).waitFor();
    await screenshot(page, `backend-down-desktop-${scheme}`);
    const { serious } = await runAxe(page, `backend-down-desktop-${scheme}`);
    expect(serious).toEqual([]);
    await context.close();
  });
});
