// Resolves the caller from the session cookie, `Authorization: Bearer <session token>`, or a personal API key.
// Exactly one credential is judged (credential.ts); every session use is checked against the database, so a
// revoked session fails at once; cookie-authenticated writes must come from a trusted origin (CSRF).

import { ForbiddenError, UnauthorizedError } from "@todo/contract/errors";
import { looksLikeApiKey, verifyApiKey } from "@todo/core/auth/api-keys.service";
import { liveSessionUser } from "@todo/core/auth/sessions";
import type { Database } from "@todo/core/db/client";
import type { MiddlewareHandler } from "hono";
import type { TrustProxy } from "../http/client-address";
import type { AppEnv, CurrentUser } from "../http/context";
import type { Auth } from "./auth";
import { credentialOf } from "./credential";
import { isForeignWrite, servedOrigin } from "./same-origin";
import type { SessionCache } from "./session-cache";

const EXPIRED = "The session is missing or expired; sign in again";

export function requireUser(
  auth: Auth,
  cache: SessionCache,
  db: Database,
  trustedOrigins: readonly string[],
  trustProxy: TrustProxy,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const credential = credentialOf(c.req.raw.headers);
    if (!credential) throw new UnauthorizedError("Sign in, or send a bearer session token or API key");
    if (credential.kind === "bearer" && looksLikeApiKey(credential.value)) {
      // Never cached: a revoked key must fail on the very next request.
      const found = await verifyApiKey(db, credential.value);
      if (!found) throw new UnauthorizedError("The API key is unknown or revoked");
      if (found.scope === "caldav") throw new ForbiddenError("This API key is limited to CalDAV (/dav/)");
      c.set("user", { id: found.userId, via: "api_key" });
      return next();
    }
    if (
      credential.kind === "cookie" &&
      isForeignWrite(c.req.method, c.req.raw.headers, trustedOrigins, servedOrigin(c, trustProxy))
    ) {
      throw new ForbiddenError("This request came from another site; reload the app and try again");
    }
    const key = `${credential.kind}:${credential.value}`;
    let user: CurrentUser | undefined = cache.get(key);
    if (user) {
      // The revocation check: cheap, and it makes sign-out on any replica take effect on the next request.
      if ((await liveSessionUser(db, credential.sessionToken)) !== user.id) {
        cache.evictSession(credential.sessionToken);
        throw new UnauthorizedError(EXPIRED);
      }
    } else {
      const session = await auth.api.getSession({ headers: credential.headers });
      if (!session) throw new UnauthorizedError(EXPIRED);
      user = { id: session.user.id, via: "session" };
      cache.set(key, credential.sessionToken, user, new Date(session.session.expiresAt));
    }
    c.set("user", user);
    await next();
  };
}
