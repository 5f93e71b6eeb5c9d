// Account-level flows: API keys (create, copy once, revoke) with the MCP snippet, sign out and in again, and a
// second person who sees none of the first person's tasks.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiFromPage,
  baseUrl,
  expectCount,
  launchBrowser,
  newContext,
  newUser,
  signIn,
  signOut,
  signUp,
  taskItem,
  taskItems,
} from "./browser";

describe("account", () => {
  let browser: Browser;
  let page: Page;
  const alice = newUser("Alice");

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    await signUp(page, alice);
    const created = await apiFromPage(page, "/api/tasks", {
      method: "POST",
      body: { title: "Alice's secret plan", tags: ["private"] },
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("creates an API key, shows it once with a ready MCP configuration, and revokes it", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    await page.getByLabel("New key name").fill("e2e laptop");
    await page.getByRole("button", { name: "Create key" }).click();

    const dialog = page.getByRole("dialog", { name: "Copy your new key" });
    await dialog.waitFor();
    const key = await dialog.getByTestId("new-api-key").inputValue();
    expect(key.length).toBeGreaterThan(20);
    await dialog.getByRole("button", { name: "I have copied it" }).click();
    await dialog.waitFor({ state: "detached" });

    const config = JSON.parse((await page.getByTestId("mcp-config").textContent()) ?? "{}");
    expect(config.mcpServers.todo.headers.Authorization).toBe(`Bearer ${key}`);
    expect(config.mcpServers.todo.url).toMatch(/\/mcp$/);

    const item = page.getByTestId("api-key-item").filter({ hasText: "e2e laptop" });
    await item.waitFor();
    expect(await item.textContent()).toContain(key.slice(0, 6));
    expect(await item.textContent()).not.toContain(key);

    // The key works for scripts until it is revoked.
    const withKey = () =>
      fetch(`${baseUrl()}/api/tasks`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);
    expect(await withKey()).toBe(200);

    await item.getByRole("button", { name: "Revoke “e2e laptop”" }).click();
    await page
      .getByRole("dialog", { name: /Revoke/ })
      .getByRole("button", { name: "Revoke key" })
      .click();
    await expectCount(page.getByTestId("api-key-item"), 0);
    await page.reload();
    await page.getByText("No keys yet").waitFor();
    expect(await withKey()).toBe(401);
  });

  it("signs out, is sent to sign-in from app pages, and signs in again", async () => {
    await page.goto("/tasks");
    await signOut(page);
    await page.goto("/tasks");
    await page.waitForURL(/\/sign-in/);
    const after = await apiFromPage(page, "/api/tasks");
    expect(after.status).toBe(401);

    // A cookie the backend no longer accepts: the app notices and sends the person to sign-in.
    await page
      .context()
      .addCookies([
        { name: "better-auth.session_token", value: "expired.token", url: baseUrl(), httpOnly: true, sameSite: "Lax" },
      ]);
    await page.goto("/settings");
    await page.waitForURL(/\/sign-in\?next=%2Fsettings$/);
    await page.context().clearCookies();

    await page.getByLabel("Email").fill(alice.email);
    await page.getByLabel("Password").fill("wrong password!");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("That email and password do not match an account.").waitFor();

    await signIn(page, alice);
    await taskItem(page, "Alice's secret plan").waitFor();
  });

  it("shows a second person none of the first person's tasks", async () => {
    const other = await (await newContext(browser)).newPage();
    await signUp(other, newUser("Bob"));
    await other.getByTestId("empty-state").waitFor();
    await other.getByRole("button", { name: "All", exact: true }).click();
    await other.getByLabel("Search tasks").fill("secret");
    await other.getByText("No tasks match these filters").waitFor();
    expect(await taskItems(other).count()).toBe(0);

    const list = await apiFromPage<{ tasks: unknown[]; total: number }>(other, "/api/tasks?status=all");
    expect(list.body.total).toBe(0);
    const aliceTask = await apiFromPage(other, "/api/tasks/1");
    expect(aliceTask.status).toBe(404);
    expect((await apiFromPage(other, "/api/tasks", { method: "POST", body: { title: "Bob's own task" } })).status).toBe(
      201,
    );

    await page.reload();
    await taskItem(page, "Alice's secret plan").waitFor();
    expect(await taskItem(page, "Bob's own task").count()).toBe(0);
    await other.context().close();
  });
});
