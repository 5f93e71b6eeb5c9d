// OAuth grants of MCP clients (design section 15): verifying an access token for the MCP server, and the person's
// connected apps (list, disconnect). Tokens are JWTs signed by Better Auth's jwt plugin with keys in `jwks`; the
// MCP server checks signature, issuer, audience (its own URL) and expiry, then that the grant still exists, so a
// disconnect in Settings stops a token at once, before it expires.

import { NotFoundError } from "@todo/contract/errors";
import type { ConnectedApp } from "@todo/contract/oauth";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { decodeProtectedHeader, importJWK, type JWTPayload, jwtVerify } from "jose";
import type { Database } from "../db/client";
import { jwks, oauthAccessTokens, oauthClients, oauthConsents, oauthRefreshTokens } from "../db/schema";

/** Last use is written at most once a minute per grant. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface OAuthTokenCheck {
  /** The authorization server's issuer: <BETTER_AUTH_URL>/api/auth. */
  issuer: string;
  /** The MCP endpoint's public URL, the only audience accepted. */
  audience: string;
}

export interface OAuthCaller {
  userId: string;
  clientId: string;
  scopes: string[];
}

type Key = Awaited<ReturnType<typeof importJWK>>;
const keyCache = new Map<string, Key>();

async function signingKey(db: Database, kid: string, alg: string): Promise<Key | undefined> {
  const cached = keyCache.get(kid);
  if (cached) return cached;
  const [row] = await db.select({ publicKey: jwks.publicKey }).from(jwks).where(eq(jwks.id, kid)).limit(1);
  if (!row) return undefined;
  const key = await importJWK(JSON.parse(row.publicKey), alg);
  keyCache.set(kid, key);
  return key;
}

/** A JWT-shaped token (three base64url parts), as opposed to an API key or an agent token. */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}

/**
 * The caller an OAuth access token names, or null when it is not one of ours, is for another audience, has expired,
 * or its grant was disconnected.
 */
export async function verifyOAuthAccessToken(
  db: Database,
  token: string,
  check: OAuthTokenCheck,
): Promise<OAuthCaller | null> {
  let payload: JWTPayload;
  try {
    const header = decodeProtectedHeader(token);
    // Only the jwt plugin's asymmetric keys: an HMAC or unsigned header is never one of ours.
    if (!header.kid || !header.alg || /^(HS|none)/i.test(header.alg)) return null;
    const key = await signingKey(db, header.kid, header.alg);
    if (!key) return null;
    ({ payload } = await jwtVerify(token, key, {
      issuer: check.issuer,
      audience: check.audience,
      algorithms: [header.alg],
      requiredClaims: ["sub", "exp"],
    }));
  } catch {
    return null;
  }
  const clientId = typeof payload.azp === "string" ? payload.azp : (payload as { client_id?: unknown }).client_id;
  if (typeof payload.sub !== "string" || typeof clientId !== "string") return null;
  const [grant] = await db
    .select({ id: oauthConsents.id, lastUsedAt: oauthConsents.lastUsedAt })
    .from(oauthConsents)
    .where(and(eq(oauthConsents.userId, payload.sub), eq(oauthConsents.clientId, clientId)))
    .limit(1);
  if (!grant) return null;
  const now = new Date();
  if (!grant.lastUsedAt || now.getTime() - grant.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db
      .update(oauthConsents)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(oauthConsents.id, grant.id),
          or(
            isNull(oauthConsents.lastUsedAt),
            lt(oauthConsents.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)),
          ),
        ),
      );
  }
  const scope = typeof payload.scope === "string" ? payload.scope : "";
  return { userId: payload.sub, clientId, scopes: scope.split(" ").filter(Boolean) };
}

function hostOf(uri: string | undefined): string | null {
  if (!uri) return null;
  try {
    return new URL(uri).host || null;
  } catch {
    return null;
  }
}

export async function listConnectedApps(db: Database, userId: string): Promise<ConnectedApp[]> {
  const rows = await db
    .select({
      clientId: oauthConsents.clientId,
      scopes: oauthConsents.scopes,
      createdAt: oauthConsents.createdAt,
      lastUsedAt: oauthConsents.lastUsedAt,
      name: oauthClients.name,
      redirectUris: oauthClients.redirectUris,
    })
    .from(oauthConsents)
    .innerJoin(oauthClients, eq(oauthClients.clientId, oauthConsents.clientId))
    .where(eq(oauthConsents.userId, userId))
    .orderBy(desc(oauthConsents.createdAt));
  return rows.map((r) => ({
    client_id: r.clientId,
    name: r.name || hostOf(r.redirectUris[0]) || r.clientId,
    redirect_host: hostOf(r.redirectUris[0]),
    scopes: r.scopes,
    connected_at: r.createdAt.toISOString(),
    last_used_at: r.lastUsedAt?.toISOString() ?? null,
  }));
}

/**
 * Disconnects an app: its grant goes, its refresh tokens are revoked and its stored access tokens deleted. Access
 * tokens already handed out stop at the MCP server, which wants the grant to exist.
 */
export async function disconnectApp(db: Database, userId: string, clientId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(oauthConsents)
      .where(and(eq(oauthConsents.userId, userId), eq(oauthConsents.clientId, clientId)))
      .returning({ id: oauthConsents.id });
    if (removed.length === 0) throw new NotFoundError("No connected app with that client id");
    await tx
      .delete(oauthAccessTokens)
      .where(and(eq(oauthAccessTokens.userId, userId), eq(oauthAccessTokens.clientId, clientId)));
    await tx
      .update(oauthRefreshTokens)
      .set({ revoked: new Date() })
      .where(
        and(
          eq(oauthRefreshTokens.userId, userId),
          eq(oauthRefreshTokens.clientId, clientId),
          isNull(oauthRefreshTokens.revoked),
        ),
      );
  });
}
