// Through what a change came, for the activity log: a browser session is the web app, an API key a script or tool.

import type { ChangeOptions } from "@todo/core/activity/log";
import type { Context } from "hono";
import type { AppEnv } from "../http/context";

export function changeVia(c: Context<AppEnv>): ChangeOptions {
  return { via: c.var.user.via === "api_key" ? "api" : "web" };
}
