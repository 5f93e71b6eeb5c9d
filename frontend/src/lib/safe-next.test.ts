// Issue 11.4: after sign-in, only same-origin paths; the audit's escapes and their relatives go to /tasks.
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeNextPath("/tasks?status=all")).toBe("/tasks?status=all");
    expect(safeNextPath("/settings#keys")).toBe("/settings#keys");
    expect(safeNextPath("/tasks/../settings")).toBe("/settings");
  });

  it("refuses every way out of the origin the audit found, and more", () => {
    const escapes = [
      "/\\evil.example/",
      "/\\/evil.example",
      "/\t/evil.example/",
      "/\n/evil.example",
      "//evil.example",
      "///evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      " /tasks",
      "/\\\\evil.example",
      "/sign-in?next=/tasks",
      "/sign-up",
      "",
      null,
    ];
    for (const next of escapes) expect(safeNextPath(next), JSON.stringify(next)).toBe("/tasks");
  });

  it("never returns something a browser would read as another host", () => {
    for (const next of ["/\\evil.example/", "/\t/evil.example/", "/%5Cevil.example/"]) {
      const target = new URL(safeNextPath(next), "https://todo.example");
      expect(target.host).toBe("todo.example");
    }
  });
});
