// The npm `web-push-testing` service (a Push API endpoint that checks the VAPID JWT and decrypts what it gets),
// run in this process on 127.0.0.1. Push services speak HTTPS only (the web-push library sends with `https`), so
// its request handler is served over TLS with a throwaway certificate; subscriptions are made and received
// messages read through the service's own HTTP API (POST /subscribe, POST /get-notifications).

import { Agent, createServer, type Server } from "node:https";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { selfSigned } from "./push";

interface WptModel {
  notifyUrl: string;
}
interface WptServer {
  _app: import("node:http").RequestListener;
  setRequestHandlers(): void;
}

export interface WptSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  clientHash: string;
}

export interface WebPushTestingService {
  /** The service's origin, e.g. https://127.0.0.1:PORT. */
  origin: string;
  /** A new subscription for this application server key (the VAPID public key), as a browser's would be. */
  subscribe(applicationServerKey: string): Promise<WptSubscription>;
  /** The decrypted payloads the service received for a subscription, oldest first. */
  messages(clientHash: string): Promise<string[]>;
  /** Marks a subscription unsubscribed: later pushes to it are answered 410. */
  expire(clientHash: string): Promise<void>;
  /** Trusts the service's certificate (for this process's requests). */
  agent: Agent;
  /** The certificate's PEM, and its file for a child process's NODE_EXTRA_CA_CERTS. */
  ca: string;
  caFile: string;
  close(): Promise<void>;
}

export async function startWebPushTesting(): Promise<WebPushTestingService> {
  const require = createRequire(import.meta.url);
  const { PushApiModel } = require("web-push-testing/src/PushApiModel.js") as { PushApiModel: new () => WptModel };
  const WebPushTestingServer = require("web-push-testing/src/server.js") as new (
    model: WptModel,
    port: number,
  ) => WptServer;
  const model = new PushApiModel();
  const service = new WebPushTestingServer(model, 0);
  service.setRequestHandlers();
  const tls = selfSigned();
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, service._app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The endpoint it hands out (its constructor names localhost and the port it was given).
  model.notifyUrl = `${origin}/notify/`;
  const agent = new Agent({ ca: tls.cert, keepAlive: false });

  async function post(path: string, body: unknown): Promise<{ status: number; json: any }> {
    const { request } = await import("node:https");
    return new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = request(
        `${origin}${path}`,
        { method: "POST", agent, headers: { "content-type": "application/json" } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let json: unknown;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = text;
            }
            resolve({ status: res.statusCode ?? 0, json });
          });
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  }

  return {
    origin,
    async subscribe(applicationServerKey) {
      const res = await post("/subscribe", { userVisibleOnly: "true", applicationServerKey });
      if (res.status !== 200) throw new Error(`web-push-testing /subscribe: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json.data as WptSubscription;
    },
    async messages(clientHash) {
      const res = await post("/get-notifications", { clientHash });
      if (res.status !== 200) throw new Error(`web-push-testing /get-notifications: ${res.status}`);
      return res.json.data.messages as string[];
    },
    async expire(clientHash) {
      const res = await post(`/expire-subscription/${clientHash}`, {});
      if (res.status !== 200) throw new Error(`web-push-testing /expire-subscription: ${res.status}`);
    },
    agent,
    ca: tls.cert,
    caFile: tls.file,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
