import type { OpenAPIHono } from "@hono/zod-openapi";
import type { DatabaseHandle } from "@todo/core/db/client";
import type { Logger } from "pino";
import type { Auth } from "../auth/auth";
import type { Config } from "../config";

export interface CurrentUser {
  id: string;
  /** How the request proved who it is; API keys may not manage API keys. */
  via: "session" | "api_key";
}

/** What every route can reach through `c.get(...)` / `c.var`. */
export interface AppEnv {
  Variables: {
    user: CurrentUser;
    requestId: string;
    logger: Logger;
  };
}

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  auth: Auth;
}

export type AppRouter = OpenAPIHono<AppEnv>;
