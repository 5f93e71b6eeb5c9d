// Resolves the signed-in user from the session cookie or `Authorization: Bearer <session token>`.
import { UnauthorizedError } from "@todo/core/errors";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/context";
import type { Auth } from "./auth";
import { SessionCache } from "./session-cache";

export function requireUser(auth: Auth, cache: SessionCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const headers = c.req.raw.headers;
    const key = SessionCache.keyOf(headers);
    if (!key) throw new UnauthorizedError("Sign in or send a valid bearer token");
    let user = cache.get(key);
    if (!user) {
      const session = await auth.api.getSession({ headers });
      if (!session) throw new UnauthorizedError("Sign in or send a valid bearer token");
      user = { id: session.user.id, email: session.user.email, name: session.user.name };
      cache.set(key, user, new Date(session.session.expiresAt));
    }
    c.set("user", user);
    await next();
  };
}
