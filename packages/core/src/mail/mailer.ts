// Outgoing email over SMTP (nodemailer), one mailer per process. Used by the sign-up guard today and by
// reminders, digests and Better Auth's password reset and verification as they land (design section 13).
// With no SMTP_URL, email is off: `enabled` is false and `send` refuses.
import { createTransport, type Transporter } from "nodemailer";
import { z } from "zod";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  readonly enabled: boolean;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** `SMTP_URL`: smtp://user:pass@host:port (STARTTLS when offered) or smtps://… (TLS from the start). */
export const SmtpUrl = z
  .url()
  .refine((value) => /^smtps?:\/\//.test(value), "must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** `MAIL_FROM`: an address, optionally with a name (`todo-app <todo@example.com>`). */
export const MailFrom = z
  .string()
  .regex(/^([^<>\r\n]*<)?[^\s@<>]+@[^\s@<>]+>?$/, "must be an email address, optionally as Name <address>")
  .default("todo-app <todo@localhost>");

export function createMailer(options: { smtpUrl: string | undefined; from: string; timeoutMs?: number }): Mailer {
  if (!options.smtpUrl) {
    return {
      enabled: false,
      send: async () => {
        throw new Error("Email is off: SMTP_URL is not set");
      },
      close: () => {},
    };
  }
  const timeout = options.timeoutMs ?? 15_000;
  const transport: Transporter = createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    enabled: true,
    async send(message) {
      await transport.sendMail({ from: options.from, ...message });
    },
    close: () => transport.close(),
  };
}
