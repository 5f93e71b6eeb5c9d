// A local HTTP receiver for webhooks: records every POST with its body and headers, verifies X-Todo-Signature
// (sha256=<HMAC-SHA256 of the exact body>) against the secret it is told, and can answer with errors first.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedHook {
  path: string;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: the body is whatever JSON the sender posted
  json: any;
  signature: string;
  /** True when the signature matches the body under `secret`. */
  signatureValid: boolean;
  receivedAt: number;
}

export interface TestWebhookReceiver {
  url: string;
  received: ReceivedHook[];
  /** Attempts answered with an error (status >= 400) before any was accepted. */
  failed: number;
  setSecret(secret: string): void;
  /** Answer the next `count` requests with `status`. */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

export function verifySignature(secret: string, body: string, header: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startTestWebhookReceiver(): Promise<TestWebhookReceiver> {
  let secret = "";
  let failures = 0;
  let failStatus = 500;
  const state = { failed: 0 };
  const received: ReceivedHook[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    if (failures > 0) {
      failures--;
      state.failed++;
      res.writeHead(failStatus).end("not now");
      return;
    }
    const signature = String(req.headers["x-todo-signature"] ?? "");
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    received.push({
      path: req.url ?? "",
      body,
      json,
      signature,
      signatureValid: verifySignature(secret, body, signature),
      receivedAt: Date.now(),
    });
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    get failed() {
      return state.failed;
    },
    setSecret(value) {
      secret = value;
    },
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
