// Resolves the caller from the session cookie, `Authorization: Bearer <session token>`, or a personal API key.

import { UnauthorizedError } from "@todo/contract/errors";
import { looksLikeApiKey, verifyApiKey } from "@todo/core/auth/api-keys.service";
import type { Database } from "@todo/core/db/client";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/context";
import type { Auth } from "./auth";
import { SessionCache } from "./session-cache";

export function requireUser(auth: Auth, cache: SessionCache, db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const headers = c.req.raw.headers;
    const key = SessionCache.keyOf(headers);
    if (!key) throw new UnauthorizedError("Sign in, or send a bearer session token or API key");
    const token = key.slice(2);
    if (key.startsWith("b:") && looksLikeApiKey(token)) {
      // Never cached: a revoked key must fail on the very next request.
      const found = await verifyApiKey(db, token);
      if (!found) throw new UnauthorizedError("The API key is unknown or revoked");
      c.set("user", { id: found.userId, via: "api_key" });
      return next();
    }
    let user = cache.get(key);
    if (!user) {
      const session = await auth.api.getSession({ headers });
      if (!session) throw new UnauthorizedError("The session is missing or expired; sign in again");
      user = { id: session.user.id, via: "session" };
      cache.set(key, user, new Date(session.session.expiresAt));
    }
    c.set("user", user);
    await next();
  };
}
