// Issue 14, account part, over real HTTP (a listening server, fetch, a real SMTP server receiving the mail):
// password reset through the emailed link, change password and email, sign out other sessions, delete an account
// with what it owns, and the admin's users list, disabling, SIGNUP=closed|invite with invitations.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../test/databases";
import { MCP_TEST_SECRET } from "../../../test/mcp";
import { startTestSmtpServer, type TestSmtpServer } from "../../../test/smtp";
import { createApp } from "../app";
import { loadConfig } from "../config";

const PASSWORD = "correct horse 1";

async function startServer(database: TestDatabase, smtp: TestSmtpServer, env: Record<string, string> = {}) {
  const config = loadConfig({
    NODE_ENV: "test",
    BETTER_AUTH_SECRET: MCP_TEST_SECRET,
    AUTH_RATE_LIMIT: "off",
    LOG_LEVEL: "silent",
    SMTP_URL: smtp.url,
    MAIL_FROM: "Todo <todo@example.test>",
    APP_URL: "https://todo.example.test",
    ...env,
  });
  const { app } = createApp({ config, database: database.handle, logger: pino({ level: "silent" }) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  async function call(method: string, path: string, body?: unknown, token?: string) {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: (text ? JSON.parse(text) : undefined) as any };
  }
  async function signUp(email: string, password = PASSWORD) {
    const res = await call("POST", "/api/auth/sign-up/email", { name: email.split("@")[0], email, password });
    return { ...res, token: res.headers.get("set-auth-token") ?? "" };
  }
  async function signIn(email: string, password = PASSWORD) {
    const res = await call("POST", "/api/auth/sign-in/email", { email, password });
    return { ...res, token: res.headers.get("set-auth-token") ?? "" };
  }
  return {
    base,
    call,
    signUp,
    signIn,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(databaseKinds)("account routes over HTTP (%s)", (kind) => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let api: Awaited<ReturnType<typeof startServer>>;
  let admin: { token: string; id: string };

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    database = await createTestDatabase(kind);
    api = await startServer(database, smtp, { ADMIN_EMAILS: "boss@example.test" });
    const first = await api.signUp("first@example.test");
    expect(first.status, first.text).toBe(200);
    admin = { token: first.token, id: first.json.user.id };
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
    await smtp.close();
  });

  it("resets a forgotten password through the emailed link, once, and signs out the old sessions", async () => {
    const user = await api.signUp("forgetful@example.test");
    expect(user.status).toBe(200);
    const asked = await api.call("POST", "/api/auth/request-password-reset", { email: "Forgetful@example.test" });
    expect(asked.status, asked.text).toBe(200);
    // An unknown address gets the same answer and no mail.
    const unknown = await api.call("POST", "/api/auth/request-password-reset", { email: "nobody@example.test" });
    expect(unknown.status).toBe(200);
    expect(unknown.json).toEqual(asked.json);

    const mail = await smtp.waitFor((m) => m.to.includes("forgetful@example.test") && /reset/i.test(m.subject));
    expect(mail.subject).toBe("Reset your todo-app password");
    const link = mail.text.match(/https:\/\/todo\.example\.test\/reset-password\?token=[^\s]+/)?.[0];
    expect(link, mail.text).toBeTruthy();
    expect(mail.html).toContain('href="https://todo.example.test/reset-password?token=');
    const token = new URL(link!).searchParams.get("token")!;

    const common = await api.call("POST", "/api/auth/reset-password", { token, newPassword: "password123" });
    expect(common.status).toBe(400);
    const reset = await api.call("POST", "/api/auth/reset-password", { token, newPassword: "a brand new secret 9" });
    expect(reset.status, reset.text).toBe(200);
    const again = await api.call("POST", "/api/auth/reset-password", { token, newPassword: "yet another one 10" });
    expect(again.status).toBe(400);

    expect((await api.call("GET", "/api/tasks", undefined, user.token)).status).toBe(401); // old session revoked
    expect((await api.signIn("forgetful@example.test")).status).toBe(401);
    expect((await api.signIn("forgetful@example.test", "a brand new secret 9")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received.some((m) => m.to.includes("nobody@example.test"))).toBe(false);
  });

  it("changes the password (signing out the other sessions), the email, and lists and revokes sessions", async () => {
    const one = await api.signUp("changer@example.test");
    const two = await api.signIn("changer@example.test");
    const listed = await api.call("GET", "/api/auth/list-sessions", undefined, one.token);
    expect(listed.status).toBe(200);
    expect(listed.json).toHaveLength(2);

    const wrong = await api.call(
      "POST",
      "/api/auth/change-password",
      { currentPassword: "not it at all 1", newPassword: "changed secret 22" },
      one.token,
    );
    expect(wrong.status).toBe(400);
    const changed = await api.call(
      "POST",
      "/api/auth/change-password",
      { currentPassword: PASSWORD, newPassword: "changed secret 22", revokeOtherSessions: true },
      one.token,
    );
    expect(changed.status, changed.text).toBe(200);
    const current = changed.headers.get("set-auth-token") ?? changed.json.token ?? one.token;
    expect((await api.call("GET", "/api/tasks", undefined, two.token)).status).toBe(401);
    expect((await api.call("GET", "/api/tasks", undefined, current)).status).toBe(200);

    const third = await api.signIn("changer@example.test", "changed secret 22");
    const revoked = await api.call("POST", "/api/auth/revoke-other-sessions", {}, current);
    expect(revoked.status, revoked.text).toBe(200);
    expect((await api.call("GET", "/api/tasks", undefined, third.token)).status).toBe(401);

    const email = await api.call("POST", "/api/auth/change-email", { newEmail: "Renamed@example.test" }, current);
    expect(email.status, email.text).toBe(200);
    const me = await api.call("GET", "/api/account", undefined, current);
    expect(me.json).toMatchObject({ email: "renamed@example.test", admin: false, mail_enabled: true, signup: "open" });
    expect((await api.signIn("renamed@example.test", "changed secret 22")).status).toBe(200);
  });

  it("deletes an account with everything it owns after the email is typed; shared projects keep their other owner", async () => {
    const doomed = await api.signUp("doomed@example.test");
    const other = await api.signUp("stays@example.test");
    const task = await api.call("POST", "/api/tasks", { title: "Mine" }, doomed.token);
    expect(task.status).toBe(201);
    const own = await api.call("POST", "/api/projects", { name: "Solo" }, doomed.token);
    expect(own.status, own.text).toBe(201);
    const shared = await api.call("POST", "/api/projects", { name: "Shared" }, other.token);
    const member = await api.call(
      "POST",
      `/api/projects/${shared.json.id}/members`,
      { email: "doomed@example.test", role: "owner" },
      other.token,
    );
    expect(member.status, member.text).toBeLessThan(300);
    const key = await api.call("POST", "/api/keys", { name: "script" }, doomed.token);
    expect(key.status).toBe(201);

    const untyped = await api.call("POST", "/api/auth/delete-user", { password: PASSWORD }, doomed.token);
    expect(untyped.status).toBe(400);
    expect(untyped.json.message).toMatch(/email/);
    const mistyped = await api.call(
      "POST",
      "/api/auth/delete-user",
      { password: PASSWORD, confirm_email: "someone@example.test" },
      doomed.token,
    );
    expect(mistyped.status).toBe(400);
    const badPassword = await api.call(
      "POST",
      "/api/auth/delete-user",
      { password: "wrong password 77", confirm_email: "doomed@example.test" },
      doomed.token,
    );
    expect(badPassword.status).toBe(400);
    expect((await api.call("GET", "/api/tasks", undefined, doomed.token)).status).toBe(200);

    const deleted = await api.call(
      "POST",
      "/api/auth/delete-user",
      { password: PASSWORD, confirm_email: "Doomed@example.test" },
      doomed.token,
    );
    expect(deleted.status, deleted.text).toBe(200);
    expect((await api.call("GET", "/api/tasks", undefined, doomed.token)).status).toBe(401);
    expect((await api.call("GET", "/api/tasks", undefined, key.json.key)).status).toBe(401);
    expect((await api.signIn("doomed@example.test")).status).toBe(401);
    const db = database.handle.db;
    const count = async (query: ReturnType<typeof sql>) =>
      ((await db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    const id = doomed.json.user.id as string;
    expect(await count(sql`select count(*)::int as n from users where id = ${id}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from tasks where user_id = ${id}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from projects where id = ${own.json.id}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from projects where id = ${shared.json.id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from api_keys where user_id = ${id}`)).toBe(0);
    // The address is free again.
    expect((await api.signUp("doomed@example.test")).status).toBe(200);
  });

  it("lets only an admin list and disable users; a disabled user is signed out and cannot sign in or use keys", async () => {
    const boss = await api.signUp("boss@example.test"); // admin by ADMIN_EMAILS
    const victim = await api.signUp("victim@example.test");
    const key = await api.call("POST", "/api/keys", { name: "k" }, victim.token);

    expect((await api.call("GET", "/api/admin/users", undefined, victim.token)).status).toBe(403);
    expect((await api.call("GET", "/api/account", undefined, admin.token)).json.admin).toBe(true);
    expect((await api.call("GET", "/api/account", undefined, boss.token)).json.admin).toBe(true);
    const listed = await api.call("GET", "/api/admin/users", undefined, boss.token);
    expect(listed.status).toBe(200);
    const emails = listed.json.users.map((u: { email: string }) => u.email);
    expect(emails[0]).toBe("first@example.test");
    expect(emails).toContain("victim@example.test");

    const disabled = await api.call(
      "PATCH",
      `/api/admin/users/${victim.json.user.id}`,
      { disabled: true },
      admin.token,
    );
    expect(disabled.status, disabled.text).toBe(200);
    expect(disabled.json.disabled).toBe(true);
    expect((await api.call("GET", "/api/tasks", undefined, victim.token)).status).toBe(401);
    expect((await api.call("GET", "/api/tasks", undefined, key.json.key)).status).toBe(401);
    const refused = await api.signIn("victim@example.test");
    expect(refused.status).toBe(403);
    expect(refused.json.message).toMatch(/disabled/);

    expect((await api.call("PATCH", `/api/admin/users/${admin.id}`, { disabled: true }, boss.token)).status).toBe(403);
    expect((await api.call("PATCH", "/api/admin/users/nope", { disabled: true }, boss.token)).status).toBe(404);
    expect((await api.call("PATCH", `/api/admin/users/${admin.id}`, { disabled: "yes" }, boss.token)).status).toBe(422);
    // Hostile path parameters are refused, never a 500.
    expect((await api.call("PATCH", "/api/admin/users/a%00b", { disabled: true }, boss.token)).status).toBe(422);
    expect(
      (await api.call("PATCH", `/api/admin/users/${"x".repeat(400)}`, { disabled: true }, boss.token)).status,
    ).toBe(422);
    expect((await api.call("DELETE", "/api/admin/invites/a%00b", undefined, boss.token)).status).toBe(422);
    expect((await api.call("DELETE", "/api/admin/invites/nobody%40example.test", undefined, boss.token)).status).toBe(
      404,
    );
    expect((await api.call("POST", "/api/admin/invites", { email: "a\u0000@b.test" }, boss.token)).status).toBe(422);
    // An API key never reaches the admin routes, even an admin's.
    const bossKey = await api.call("POST", "/api/keys", { name: "admin script" }, boss.token);
    expect((await api.call("GET", "/api/admin/users", undefined, bossKey.json.key)).status).toBe(403);

    const enabled = await api.call("PATCH", `/api/admin/users/${victim.json.user.id}`, { disabled: false }, boss.token);
    expect(enabled.json.disabled).toBe(false);
    expect((await api.signIn("victim@example.test")).status).toBe(200);
    expect((await api.call("GET", "/api/tasks", undefined, key.json.key)).status).toBe(200);
  });

  it("SIGNUP=closed refuses every new account, registered address or not; invite admits invited addresses once", async () => {
    const closed = await startServer(database, smtp, { SIGNUP: "closed" });
    try {
      const fresh = await closed.signUp("newcomer@example.test");
      const known = await closed.signUp("first@example.test");
      expect(fresh.status).toBe(403);
      expect(known.status).toBe(403);
      expect(fresh.json.message).toBe(known.json.message);
    } finally {
      await closed.close();
    }
    const invite = await startServer(database, smtp, { SIGNUP: "invite" });
    try {
      expect((await invite.signUp("guest@example.test")).status).toBe(403);
      const created = await invite.call("POST", "/api/admin/invites", { email: "Guest@Example.test" }, admin.token);
      expect(created.status, created.text).toBe(201);
      expect(created.json.email).toBe("guest@example.test");
      const mail = await smtp.waitFor((m) => m.to.includes("guest@example.test"));
      expect(mail.text).toContain("https://todo.example.test/sign-up?email=guest%40example.test");
      expect((await invite.call("POST", "/api/admin/invites", { email: "not-an-email" }, admin.token)).status).toBe(
        422,
      );
      expect((await invite.signUp("guest@example.test")).status).toBe(200);
      const left = await invite.call("GET", "/api/admin/invites", undefined, admin.token);
      expect(left.json.invites).toEqual([]);
    } finally {
      await invite.close();
    }
    expect(() => loadConfig({ NODE_ENV: "test", SIGNUP: "maybe" })).toThrow(/SIGNUP/);
    expect(() => loadConfig({ NODE_ENV: "test", ADMIN_EMAILS: "a@b.test, nope" })).toThrow(/ADMIN_EMAILS/);
    expect(() => loadConfig({ NODE_ENV: "test", EMAIL_VERIFICATION: "required" })).toThrow(/SMTP_URL/);
  });
});

describe("email verification required", () => {
  it("mails a link on sign-up, refuses sign-in until it is opened, then signs in", async () => {
    const smtp = await startTestSmtpServer();
    const database = await createTestDatabase("pglite");
    const api = await startServer(database, smtp, { EMAIL_VERIFICATION: "required" });
    try {
      const signUp = await api.signUp("verify@example.test");
      expect(signUp.status, signUp.text).toBe(200);
      expect((await api.signIn("verify@example.test")).status).toBe(403);
      // Signing up again with the right password does not sign in an unconfirmed address either.
      const again = await api.signUp("verify@example.test");
      expect(again.status, again.text).toBe(403);
      expect(again.token).toBe("");
      const mail = await smtp.waitFor((m) => m.to.includes("verify@example.test"));
      const link = mail.text.match(/https:\/\/todo\.example\.test\/api\/auth\/verify-email\?[^\s]+/)?.[0];
      expect(link, mail.text).toBeTruthy();
      const url = new URL(link!);
      const opened = await fetch(`${api.base}${url.pathname}${url.search}`, { redirect: "manual" });
      expect(opened.status).toBe(302);
      expect(opened.headers.get("location")).toBe("/settings/account");
      expect((await api.signIn("verify@example.test")).status).toBe(200);
    } finally {
      await api.close();
      await database.drop();
      await smtp.close();
    }
  });
});
