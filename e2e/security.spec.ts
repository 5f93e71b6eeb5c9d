// Issue 11 in a real browser and through the real frontend: the Content-Security-Policy breaks nothing (no
// violation while signing up, adding and completing a task, opening the assistant), `?next=` never leaves the
// site, and the frontend overwrites the X-Forwarded-For a client sends, so the sign-in rate limit holds.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, ConsoleMessage } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, newContext, newUser, signUp } from "./browser";
import { freePort, launch, REPO, startFrontend, stopProcess, waitForUrl } from "./stack";

describe("browser security", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sends a nonce-based CSP on every page", async () => {
    for (const path of ["/sign-in", "/sign-up", "/no-such-page"]) {
      const res = await fetch(`${baseUrl()}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-eval");
      const html = await res.text();
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(html).toContain(`nonce="${nonce}"`);
    }
    const other = (await fetch(`${baseUrl()}/sign-in`)).headers.get("content-security-policy");
    expect(other).not.toBe((await fetch(`${baseUrl()}/sign-in`)).headers.get("content-security-policy"));
  });

  it("runs the app under that policy without a single violation", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations: string[] = [];
    const errors: string[] = [];
    page.on("console", (message: ConsoleMessage) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
        violations.push(message.text());
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    const user = newUser("Csp");
    await signUp(page, user);
    await page.getByLabel("Add a task").fill("Water the plants tomorrow 9am #home");
    await page.keyboard.press("Enter");
    await page.getByText("Water the plants").first().waitFor();
    await page.goto("/settings");
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    await page.goto("/tasks");
    await page.getByRole("heading", { name: "Tasks" }).waitFor();
    // The theme script of next-themes ran: the html element carries a theme class.
    expect(await page.evaluate(() => document.documentElement.className)).toMatch(/light|dark/);
    expect(violations).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|nonce/i.test(e))).toEqual([]);
    await context.close();
  });

  it("keeps ?next= on this site after sign-in, whatever it says", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const user = newUser("Redirect");
    await signUp(page, user);
    const origin = new URL(baseUrl()).origin;
    for (const next of ["/%5Cevil.example/", "/%09/evil.example/", "%2F%2Fevil.example", "/%5C%5Cevil.example"]) {
      await page.goto(`/sign-in?next=${next}`);
      // Already signed in: the form sends the person on at once.
      await page.waitForURL((url) => url.pathname !== "/sign-in", { timeout: 15_000 });
      expect(new URL(page.url()).origin, next).toBe(origin);
    }
    await page.goto("/sign-in?next=%2Fsettings");
    await page.waitForURL("**/settings");
    await context.close();
  });
});

describe("the sign-in rate limit through the frontend", () => {
  let dataDir: string;
  let stopAll: () => Promise<void>;
  let frontendUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "todo-e2e-ratelimit-"));
    const [port, mcpPort] = [await freePort(), await freePort()];
    const backendUrl = `http://127.0.0.1:${port}`;
    const backend = launch("ratelimit-backend", join(REPO, "node_modules", ".bin", "tsx"), ["backend/src/index.ts"], {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      MCP_PORT: String(mcpPort),
      DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: "e2e-ratelimit-secret-long-enough-0123456789",
      AUTH_RATE_LIMIT: "on",
      LOG_LEVEL: "warn",
    });
    await waitForUrl(`${backendUrl}/ready`, [backend]);
    const frontend = await startFrontend(backendUrl, {}, "ratelimit-frontend");
    frontendUrl = frontend.url;
    stopAll = async () => {
      await frontend.stop();
      await stopProcess(backend);
      rmSync(dataDir, { recursive: true, force: true });
    };
  }, 240_000);
  afterAll(async () => {
    await stopAll?.();
  });

  it("counts one client however many addresses it claims in X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${frontendUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: frontendUrl,
          "x-forwarded-for": `10.1.${i}.1`,
          "x-real-ip": `10.2.${i}.1`,
        },
        body: JSON.stringify({ email: "nobody@example.com", password: "wrong password" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
