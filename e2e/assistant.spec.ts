// The assistant side panel: a streamed answer, the tool calls it made, and the list updating without a reload.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, newUser, signUp, taskItem } from "./browser";

describe("assistant", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    await signUp(page, newUser("Chat"));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("adds a task from chat, shows the tool call, and the list updates without a reload", async () => {
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    await page.getByRole("button", { name: "Assistant" }).click();
    const panel = page.getByTestId("assistant-panel");
    await panel.waitFor();
    const input = panel.getByLabel("Message the assistant");
    await input.fill("add buy milk tomorrow");
    await input.press("Enter");

    await panel.getByTestId("chat-message-user").filter({ hasText: "add buy milk tomorrow" }).waitFor();
    const call = panel.getByTestId("tool-call").filter({ hasText: "add_task" });
    await call.waitFor({ timeout: 60_000 });
    await call.locator("summary").getByText("done").waitFor({ timeout: 60_000 });
    await panel.getByTestId("chat-message-assistant").last().waitFor();

    // The tool call shows what was asked and what came back.
    await call.locator("summary").click();
    await call.getByText("Input").waitFor();
    expect(await call.locator("pre").first().textContent()).toMatch(/buy milk/i);
    expect(await call.locator("pre").nth(1).textContent()).toMatch(/created/);

    const milk = taskItem(page, /buy milk/i);
    await milk.waitFor({ timeout: 20_000 });
    expect(await milk.getByTestId("task-due").textContent()).toMatch(/tomorrow/);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it("keeps the conversation and starts a new one on request", async () => {
    const panel = page.getByTestId("assistant-panel");
    expect(await panel.getByTestId("chat-message-user").count()).toBe(1);
    await panel.getByRole("button", { name: "New conversation" }).click();
    expect(await panel.getByTestId("chat-message-user").count()).toBe(0);
    await panel.getByRole("button", { name: "Past conversations" }).click();
    await page
      .getByRole("menuitem", { name: /buy milk/i })
      .first()
      .click();
    // The stored conversation comes back with its tool calls.
    await panel.getByTestId("chat-message-user").filter({ hasText: "add buy milk tomorrow" }).waitFor();
    await panel.getByTestId("tool-call").filter({ hasText: "add_task" }).first().waitFor();
  });
});
