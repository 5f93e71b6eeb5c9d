// Shared helpers for the specs: Debian's Chromium driven by playwright-core, sign-up/in, axe and screenshots.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { ARTIFACTS } from "./stack";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export function baseUrl(): string {
  return inject("baseUrl");
}

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      ...extraArgs,
    ],
  });
}

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

export interface ContextOptions {
  viewport?: ViewportName;
  colorScheme?: "light" | "dark";
  url?: string;
  /** Cookies of an already signed-in context. */
  storageState?: StorageState;
}

export async function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  const viewport = VIEWPORTS[options.viewport ?? "desktop"];
  const context = await browser.newContext({
    baseURL: options.url ?? baseUrl(),
    viewport,
    isMobile: options.viewport === "phone",
    hasTouch: options.viewport === "phone",
    deviceScaleFactor: 1,
    colorScheme: options.colorScheme ?? "light",
    locale: "en-US",
    // UTC in the browser makes "9am" in a task the same instant for the test and the app.
    timezoneId: "UTC",
    reducedMotion: "reduce",
    storageState: options.storageState,
  });
  context.setDefaultTimeout(15_000);
  return context;
}

export interface User {
  name: string;
  email: string;
  password: string;
}

let counter = 0;
export function newUser(label: string): User {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}`;
  return {
    name: `${label} ${id}`,
    email: `${label.toLowerCase()}-${id}@example.com`,
    password: "correct horse battery",
  };
}

export async function signUp(page: Page, user: User): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/tasks");
  await page.getByRole("heading", { name: "Tasks" }).waitFor();
}

export async function signIn(page: Page, user: User): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/tasks");
  await page.getByRole("heading", { name: "Tasks" }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in");
}

/** Waits until the locator matches exactly `count` elements. */
export async function expectCount(locator: Locator, count: number, timeout = 15_000): Promise<void> {
  await expect.poll(() => locator.count(), { timeout }).toBe(count);
}

export async function expectText(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<void> {
  await expect.poll(async () => (await locator.allTextContents()).join(" | "), { timeout }).toMatch(pattern);
}

export function taskItems(page: Page): Locator {
  return page.getByTestId("task-item");
}

export function taskItem(page: Page, title: string | RegExp): Locator {
  return page.getByTestId("task-item").filter({ has: page.getByTestId("task-title").filter({ hasText: title }) });
}

export async function taskTitles(page: Page): Promise<string[]> {
  return (await page.getByTestId("task-title").allTextContents()).map((t) => t.trim());
}

/** Types into quick add and waits until the list shows the new task. */
export async function quickAdd(page: Page, text: string, expectedTitle: string | RegExp): Promise<void> {
  const input = page.getByLabel("Add a task");
  await input.fill(text);
  await input.press("Enter");
  await taskItem(page, expectedTitle).first().waitFor();
  // The optimistic row is replaced by the saved one (positive id) once the server answers.
  await expect
    .poll(async () => Number(await taskItem(page, expectedTitle).first().getAttribute("data-task-id")), {
      // expect.poll's default is 1 s: a loaded machine's create and refetch can take longer.
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
}

export interface AxeOutcome {
  serious: Array<{ id: string; impact: string | null | undefined; help: string; targets: string[] }>;
}

/** Runs axe (WCAG 2.x A/AA + best practices); returns the serious and critical violations and saves the report. */
export async function runAxe(page: Page, name: string): Promise<AxeOutcome> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  mkdirSync(join(ARTIFACTS, "axe"), { recursive: true });
  writeFileSync(join(ARTIFACTS, "axe", `${name}.json`), JSON.stringify(results.violations, null, 2));
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  return { serious };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(join(ARTIFACTS, "screenshots"), { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "screenshots", `${name}.png`), fullPage });
}

/** Calls the API from inside the page, so the request carries the page's session cookie. */
export async function apiFromPage<T = unknown>(
  page: Page,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ path, init }) => {
      const response = await fetch(path, {
        method: init.method ?? "GET",
        headers: init.body === undefined ? {} : { "content-type": "application/json" },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { path, init },
  );
}
