// A local Web Push service for tests: it hands out subscriptions (a real P-256 key pair and auth secret per
// subscription, as a browser would), accepts pushes over HTTP, checks the VAPID Authorization header (ES256 JWT
// signed by the key in `k=`), and decrypts the RFC 8291 aes128gcm payload with the subscription's private key.
import { execFileSync } from "node:child_process";
import { createDecipheriv, createECDH, hkdfSync, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { Agent, createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importJWK, jwtVerify } from "jose";

export interface ReceivedPush {
  subscription: string;
  payload: string;
  /** The VAPID subject (`sub` of the JWT) and public key (`k=`) the sender used. */
  vapid: { subject: string; publicKey: string; audience: string };
  receivedAt: number;
}

export interface TestPushService {
  /** A new subscription, as PushSubscription.toJSON() gives it. */
  subscribe(): { endpoint: string; keys: { p256dh: string; auth: string } };
  /** The next answers to pushes to this endpoint (e.g. 410 for an unsubscribed browser). */
  answerWith(endpoint: string, status: number): void;
  received: ReceivedPush[];
  /** Trusts the service's self-signed certificate (push services speak HTTPS only). */
  agent: Agent;
  /** The certificate's PEM file, for a child process's NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** Requests refused (bad signature, undecryptable body), with why. */
  rejected: string[];
  close(): Promise<void>;
}

const b64u = (b: Buffer) => b.toString("base64url");

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** RFC 8291 / RFC 8188 decryption of one aes128gcm record. */
export function decryptPush(body: Buffer, uaPrivate: Buffer, uaPublic: Buffer, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLen = body[20]!;
  const asPublic = body.subarray(21, 21 + idLen);
  const ciphertext = body.subarray(21 + idLen);
  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(uaPrivate);
  const shared = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", shared, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // Padding: the last record ends with a 0x02 delimiter followed by zeros.
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error("bad padding delimiter");
  return plain.subarray(0, end).toString("utf8");
}

async function verifyVapid(header: string | undefined, origin: string) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!match) throw new Error(`no VAPID authorization: ${header}`);
  const [, token, k] = match;
  const point = Buffer.from(k!, "base64url");
  const key = await importJWK(
    { kty: "EC", crv: "P-256", x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33, 65)) },
    "ES256",
  );
  const { payload } = await jwtVerify(token!, key, { audience: origin });
  return { subject: String(payload.sub), publicKey: k!, audience: String(payload.aud) };
}

/** A throwaway self-signed certificate for 127.0.0.1. */
export function selfSigned(): { key: string; cert: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "push-tls-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ],
    { stdio: "ignore" },
  );
  const file = join(dir, "cert.pem");
  return { key: readFileSync(join(dir, "key.pem"), "utf8"), cert: readFileSync(file, "utf8"), file };
}

export async function startTestPushService(): Promise<TestPushService> {
  const tls = selfSigned();
  const subs = new Map<string, { priv: Buffer; pub: Buffer; auth: Buffer }>();
  const answers = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  let origin = "";
  const server = createServer(tls, async (req, res) => {
    const body = await readBody(req);
    const endpoint = `${origin}${req.url}`;
    const sub = subs.get(endpoint);
    try {
      if (!sub) {
        res.writeHead(404).end();
        return;
      }
      const forced = answers.get(endpoint);
      if (forced) {
        res.writeHead(forced).end();
        return;
      }
      if (req.headers["content-encoding"] !== "aes128gcm") throw new Error("not aes128gcm");
      const vapid = await verifyVapid(req.headers.authorization, origin);
      const payload = decryptPush(body, sub.priv, sub.pub, sub.auth);
      received.push({ subscription: endpoint, payload, vapid, receivedAt: Date.now() });
      res.writeHead(201).end();
    } catch (error) {
      rejected.push((error as Error).message);
      res.writeHead(400).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    subscribe() {
      const ecdh = createECDH("prime256v1");
      const pub = ecdh.generateKeys();
      const auth = randomBytes(16);
      const endpoint = `${origin}/push/${randomBytes(8).toString("hex")}`;
      subs.set(endpoint, { priv: ecdh.getPrivateKey(), pub, auth });
      return { endpoint, keys: { p256dh: b64u(pub), auth: b64u(auth) } };
    },
    answerWith(endpoint, status) {
      answers.set(endpoint, status);
    },
    received,
    agent: new Agent({ ca: tls.cert, keepAlive: false }),
    caFile: tls.file,
    rejected,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
