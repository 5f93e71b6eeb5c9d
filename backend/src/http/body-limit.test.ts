// The body limit over a real socket: Content-Length decides up front, a chunked body is counted as it arrives.
// (app.request in the other suites sends bodies without Content-Length, so only this suite covers the header path.)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackend, type TestBackend, type TestUser } from "../../../test/backend";
import { databaseKinds } from "../../../test/databases";

interface Sent {
  status: number;
  body: string;
}

describe.each(databaseKinds)("request body limit over HTTP on %s", (kind) => {
  let api: TestBackend;
  let user: TestUser;
  let server: ReturnType<typeof serve>;
  let port: number;
  beforeAll(async () => {
    api = await createTestBackend(kind, { MAX_BODY_BYTES: "2048" });
    user = await api.signUp("Limited");
    server = serve({ fetch: api.app.fetch, hostname: "127.0.0.1", port: 0 });
    await new Promise((resolve) => server.once("listening", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });

  /** Sends `body` in the given chunks, with a Content-Length or chunked (no length). */
  function send(method: string, path: string, chunks: string[], framing: "length" | "chunked"): Promise<Sent> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...user.headers, "content-type": "application/json" };
      if (framing === "length") headers["content-length"] = String(Buffer.byteLength(chunks.join("")));
      const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      // The server may answer 413 and close before every chunk is written.
      req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? undefined : reject(error)));
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  }

  const task = (description: string) => JSON.stringify({ title: "Sized", description });
  const count = async () => (await api.request("GET", "/api/tasks", { headers: user.headers })).json.total;

  it("refuses a body whose Content-Length is over the limit with the error body, creating nothing", async () => {
    const res = await send("POST", "/api/tasks", [task("x".repeat(3000))], "length");
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: "payload_too_large", message: "Request body is larger than 2048 bytes" },
    });
    expect(await count()).toBe(0);
  });

  it("refuses a chunked body once it grows past the limit", async () => {
    const body = task("y".repeat(3000));
    const res = await send(
      "POST",
      "/api/tasks",
      [body.slice(0, 1000), body.slice(1000, 2000), body.slice(2000)],
      "chunked",
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("payload_too_large");
    expect(await count()).toBe(0);
  });

  it("accepts bodies up to the limit either way, counting bytes rather than characters", async () => {
    const withLength = await send("POST", "/api/tasks", [task("é".repeat(900))], "length");
    expect(withLength.status).toBe(201);
    const body = task("z".repeat(1500));
    const chunked = await send("POST", "/api/tasks", [body.slice(0, 700), body.slice(700)], "chunked");
    expect(chunked.status).toBe(201);
    expect(JSON.parse(chunked.body).description).toHaveLength(1500);
    expect(await count()).toBe(2);
  });

  it("limits every method that can carry a body", async () => {
    const big = task("x".repeat(3000));
    expect((await send("PATCH", "/api/tasks/1", [big], "length")).status).toBe(413);
    expect((await send("PUT", "/api/tasks/1", [big], "chunked")).status).toBe(413);
    expect((await send("DELETE", "/api/tasks/1", [big], "length")).status).toBe(413);
    const unchanged = await api.request("GET", "/api/tasks/1", { headers: user.headers });
    expect(unchanged.json.description).toBe("é".repeat(900));
  });
});
