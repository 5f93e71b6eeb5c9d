// Resolves the signed-in user from the session cookie or `Authorization: Bearer <session token>`.
import { UnauthorizedError } from "@todo/core/errors";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/context";
import type { Auth } from "./auth";

export function requireUser(auth: Auth): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    if (!session) throw new UnauthorizedError("Sign in or send a valid bearer token");
    c.set("user", { id: session.user.id, email: session.user.email, name: session.user.name });
    await next();
  };
}
