// VAPID keys of Web Push (design section 13): from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY, or, when neither is set,
// generated once and kept in DATA_DIR (like the development auth secret) so subscriptions survive restarts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import webpush from "web-push";
import { z } from "zod";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** Base64url, no padding: an uncompressed P-256 point (65 bytes) for the public key, 32 bytes for the private. */
export const VapidPublicKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{87}$/, "must be a base64url P-256 public key (87 characters, as web-push generates)")
  .optional()
  .or(z.literal("").transform(() => undefined));
export const VapidPrivateKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "must be a base64url P-256 private key (43 characters, as web-push generates)")
  .optional()
  .or(z.literal("").transform(() => undefined));
/** `VAPID_SUBJECT`: how a push service reaches the operator, a mailto: or https: URL. */
export const VapidSubject = z
  .string()
  .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, "must be a mailto: address or an https:// URL")
  .optional()
  .or(z.literal("").transform(() => undefined));

export function resolveVapid(options: {
  publicKey: string | undefined;
  privateKey: string | undefined;
  subject: string | undefined;
  dataDir: string;
}): { keys: VapidKeys; warning?: string } {
  const subject = options.subject ?? "mailto:todo@localhost";
  if (options.publicKey && options.privateKey) {
    return { keys: { publicKey: options.publicKey, privateKey: options.privateKey, subject } };
  }
  const file = join(options.dataDir, "vapid-keys.json");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as { publicKey: string; privateKey: string };
    return { keys: { ...stored, subject } };
  }
  const generated = webpush.generateVAPIDKeys();
  try {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(generated), { mode: 0o600 });
  } catch (error) {
    // A read-only DATA_DIR (a container's read-only root) must not stop the API: push works until the next start.
    const why = error instanceof Error ? error.message : String(error);
    return {
      keys: { ...generated, subject },
      warning: `VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY are not set and ${file} cannot be written (${why}): using keys for this process only, so browsers must subscribe again after a restart; set both variables`,
    };
  }
  return {
    keys: { ...generated, subject },
    warning: `VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY are not set; using keys generated once and kept in ${file} (keep the file with the data, or every browser must subscribe again)`,
  };
}
