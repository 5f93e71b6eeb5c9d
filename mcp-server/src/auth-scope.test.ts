// A personal API key limited to CalDAV (design section 14) opens /dav/ only: MCP treats it like an unknown key,
// while a key of the default scope still works.
import { createApiKey } from "@todo/core/auth/api-keys.service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/databases";
import { insertUser } from "../../test/users";
import { authenticate } from "./auth";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("pglite");
});
afterAll(() => database.drop());

describe("API key scope", () => {
  it("refuses a CalDAV-only key and accepts an ordinary one", async () => {
    const db = database.handle.db;
    const userId = await insertUser(db);
    const caldav = await createApiKey(db, userId, { name: "phone", scope: "caldav" });
    const all = await createApiKey(db, userId, { name: "desktop" });
    expect([caldav.scope, all.scope]).toEqual(["caldav", "all"]);
    const settings = {
      secret: "unused-secret-unused-secret-unused",
      resource: "http://127.0.0.1:8080/mcp",
      issuer: "http://127.0.0.1:8000/api/auth",
    };
    const refused = await authenticate(db, settings, `Bearer ${caldav.key}`);
    expect(refused.ok).toBe(false);
    const accepted = await authenticate(db, settings, `Bearer ${all.key}`);
    expect(accepted).toEqual({ ok: true, caller: { userId, via: "api_key" } });
  });
});
