// Issue 11.13's last part: when SMTP_URL is set, the owner of an address someone tried to sign up with gets an
// email, delivered to a real SMTP server; the answer to the sign-up stays the same as a new one's.
import { createDatabase, type DatabaseHandle } from "@todo/core/db/client";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MCP_TEST_SECRET } from "../../../test/mcp";
import { startTestSmtpServer, type TestSmtpServer } from "../../../test/smtp";
import { createApp } from "../app";
import { loadConfig } from "../config";

describe("sign-up for a registered email, with SMTP", () => {
  let database: DatabaseHandle;
  let smtp: TestSmtpServer;
  let app: ReturnType<typeof createApp>["app"];

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    database = await createDatabase({ dataDir: "memory://" });
    await database.migrate();
    const config = loadConfig({
      NODE_ENV: "test",
      BETTER_AUTH_SECRET: MCP_TEST_SECRET,
      AUTH_RATE_LIMIT: "off",
      LOG_LEVEL: "silent",
      SMTP_URL: smtp.url,
      MAIL_FROM: "Todo <todo@example.test>",
      APP_URL: "https://todo.example.test",
    });
    ({ app } = createApp({ config, database, logger: pino({ level: "silent" }) }));
  });
  afterAll(async () => {
    await database.close();
    await smtp.close();
  });

  const signUp = (email: string, password: string) =>
    app.request("/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Someone", email, password }),
    });

  it("mails the owner, in text and HTML, with a link to sign in; a new address and the owner's own password get none", async () => {
    expect((await signUp("mailed@example.test", "correct horse 1")).status).toBe(200);
    expect((await signUp("mailed@example.test", "correct horse 1")).status).toBe(200); // the owner signing in
    expect((await signUp("Mailed@Example.test", "someone else's 7")).status).toBe(200);
    const mail = await smtp.waitFor((m) => m.to.includes("mailed@example.test"));
    expect(mail.from).toBe("todo@example.test");
    expect(mail.subject).toBe("Someone tried to sign up with your email");
    expect(mail.text).toContain("https://todo.example.test/sign-in");
    expect(mail.html).toContain('href="https://todo.example.test/sign-in"');
    expect(mail.text).not.toContain("someone else's 7");
    // Only that one attempt was mailed: neither the first sign-up nor the owner's own password.
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter((m) => m.to.includes("mailed@example.test"))).toHaveLength(1);
  });

  it("answers the same when the mail server is down, and refuses a bad SMTP_URL at start-up", async () => {
    await smtp.close();
    expect((await signUp("mailed@example.test", "another guess 42")).status).toBe(200);
    expect(() => loadConfig({ NODE_ENV: "test", SMTP_URL: "http://mail.example.test" })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ NODE_ENV: "test", MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM/);
  });
});
