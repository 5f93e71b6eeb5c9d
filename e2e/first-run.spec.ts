// Issue 18.1: `npm start` with no origin settings, opened by an address other than localhost:3000 — 127.0.0.1 on
// another port, a LAN-style hostname — signs up and works. Where the served origin cannot be believed (the peer
// is not a trusted proxy), sign-up is refused with a message that says what to set.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, newUser, quickAdd, screenshot, signUp } from "./browser";
import { startPlainApp } from "./stack";

describe("first run by any address", () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startPlainApp>>;

  beforeAll(async () => {
    app = await startPlainApp("first-run");
    // todo.lan stands in for the server's name on a home network.
    browser = await launchBrowser(["--host-resolver-rules=MAP todo.lan 127.0.0.1"]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it.each(["127.0.0.1", "todo.lan"])("signs up and adds a task at http://%s:<port>", async (host) => {
    expect(app.frontendPort).not.toBe(3000);
    const context = await newContext(browser, { url: `http://${host}:${app.frontendPort}` });
    const page = await context.newPage();
    await signUp(page, newUser("Firstrun"));
    await quickAdd(page, "Water the plants", "Water the plants");
    await screenshot(page, `first-run-${host}`);
    await context.close();
  });
});

describe("first run behind an untrusted hop", () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startPlainApp>>;

  beforeAll(async () => {
    // The frontend's forwarding headers are not believed: only the configured origins count.
    app = await startPlainApp("first-run-untrusted", { TRUSTED_PROXIES: "none" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("refuses sign-up and says what to set", async () => {
    const context = await newContext(browser, { url: `http://127.0.0.1:${app.frontendPort}` });
    const page = await context.newPage();
    const user = newUser("Untrusted");
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(user.name);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    const alert = page.locator("form").getByRole("alert");
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain(`http://127.0.0.1:${app.frontendPort}`);
    expect(text).toContain("TRUSTED_ORIGINS");
    expect(text).toContain("BETTER_AUTH_URL");
    await screenshot(page, "first-run-untrusted-origin");
    await context.close();
  });
});
