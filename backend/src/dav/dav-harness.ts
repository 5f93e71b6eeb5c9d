// For the CalDAV tests: the real backend listening on a free port, users with API keys, and the Debian clients
// (python3-caldav, vdirsyncer, todoman) run as processes.
import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { serve } from "@hono/node-server";
import { createTestBackend, type TestUser } from "../../../test/backend";

const run = promisify(execFile);
export const PYTHON = "/usr/bin/python3";
export const CALDAV_CLIENT = new URL("./clients/caldav_client.py", import.meta.url).pathname;

export interface DavUser extends TestUser {
  key: string;
}

export async function startDavBackend() {
  const backend = await createTestBackend("pglite");
  const server = serve({ fetch: backend.app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function davUser(name = "Dav User", scope: "all" | "caldav" = "caldav"): Promise<DavUser> {
    const user = await backend.signUp(name);
    const res = await backend.request("POST", "/api/keys", { headers: user.headers, body: { name: "sync", scope } });
    if (res.status !== 201) throw new Error(`key: ${res.status} ${res.text}`);
    return { ...user, key: res.json.key };
  }

  /** python3-caldav: one command of clients/caldav_client.py, its JSON answer. */
  async function pyCaldav(user: DavUser, command: string, ...args: string[]): Promise<any> {
    const { stdout } = await run(PYTHON, [CALDAV_CLIENT, `${base}/dav/`, user.email, user.key, command, ...args], {
      timeout: 60_000,
    });
    return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
  }

  return {
    ...backend,
    base,
    davUser,
    pyCaldav,
    run,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await backend.close();
    },
  };
}
