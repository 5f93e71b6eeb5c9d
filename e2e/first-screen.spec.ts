// Issue 18, daily use: a first-run list that shows what to try, a quick-add placeholder that fits a phone, 24 px
// checkboxes on a phone, notes that keep their line breaks.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, launchBrowser, newContext, newUser, screenshot, signUp, taskItem } from "./browser";

describe("the first screen", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(["desktop", "phone"] as const)("shows what to try on an empty list, and it works (%s)", async (viewport) => {
    const context = await newContext(browser, { viewport });
    const page = await context.newPage();
    await signUp(page, newUser(`First${viewport}`));
    const empty = page.locator("[data-testid=empty-state][data-first-run]");
    await empty.waitFor();
    const input = page.getByLabel("Add a task");
    // The placeholder fits the input: its text is no wider than the room left of the padding.
    const fits = await input.evaluate((el: HTMLInputElement) => {
      const style = getComputedStyle(el);
      const canvas = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: canvas.measureText(el.placeholder).width, room };
    });
    expect(fits.text, JSON.stringify(fits)).toBeLessThanOrEqual(fits.room);
    await screenshot(page, `first-run-empty-${viewport}`);

    await empty.getByRole("button", { name: "Gym every Mon, Wed #health" }).click();
    expect(await input.inputValue()).toBe("Gym every Mon, Wed #health");
    await input.press("Enter");
    const row = taskItem(page, "Gym").first();
    await row.waitFor();
    const box = await row.getByRole("checkbox").boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(viewport === "phone" ? 24 : 20);
    expect(box?.height).toBeGreaterThanOrEqual(viewport === "phone" ? 24 : 20);
    expect(await page.locator("[data-testid=empty-state]").count()).toBe(0);
    await screenshot(page, `first-run-added-${viewport}`);
    await context.close();
  });

  it("keeps the line breaks of a task's notes", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUp(page, newUser("Notes"));
    const created = await apiFromPage(page, "/api/tasks", {
      method: "POST",
      body: { title: "Packing list", description: "Passport\nCharger\nTickets" },
    });
    expect(created.status).toBe(201);
    await page.reload();
    const notes = taskItem(page, "Packing list").first().locator("p.text-muted-foreground").first();
    await notes.waitFor();
    expect(await notes.innerText()).toBe("Passport\nCharger\nTickets");
    await screenshot(page, "notes-line-breaks");
    await context.close();
  });
});
