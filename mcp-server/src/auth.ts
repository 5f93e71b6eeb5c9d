// Who is calling: a personal API key (tdo_…), a short-lived agent token minted by the backend, or an OAuth access
// token issued by the backend's authorization server for this endpoint (issue 16). The user id always comes from
// the credential; tools never trust one from their arguments. Every 401 points at the protected resource metadata
// (RFC 9728), so an OAuth client can discover where to sign in.
import { agentTokenUser } from "@todo/core/auth/agent-token";
import { looksLikeApiKey, verifyApiKey } from "@todo/core/auth/api-keys.service";
import { looksLikeJwt, verifyOAuthAccessToken } from "@todo/core/auth/oauth-grants";
import type { Database } from "@todo/core/db/client";

export interface Caller {
  userId: string;
  via: "api_key" | "agent_token" | "oauth";
  /** The OAuth client, for via "oauth". */
  clientId?: string;
}

export type AuthResult = { ok: true; caller: Caller } | { ok: false; challenge: string; message: string };

export interface AuthSettings {
  secret: string;
  /** This endpoint's public URL: the audience an OAuth token must carry. */
  resource: string;
  /** The authorization server's issuer. */
  issuer: string;
}

/** Where the metadata of `resource` is published: the well-known path with the resource's path appended. */
export function resourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  const path = url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "");
  return `${url.origin}/.well-known/oauth-protected-resource${path}`;
}

export async function authenticate(
  db: Database,
  settings: AuthSettings,
  authorization: string | undefined,
): Promise<AuthResult> {
  const realm = `Bearer realm="todo-app-mcp", resource_metadata="${resourceMetadataUrl(settings.resource)}"`;
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match?.[1]) {
    return {
      ok: false,
      challenge: realm,
      message: "Send Authorization: Bearer <API key, OAuth access token or agent token>",
    };
  }
  const token = match[1];
  if (looksLikeApiKey(token)) {
    const key = await verifyApiKey(db, token);
    // A key limited to CalDAV opens /dav/ only: for MCP it is as good as unknown.
    if (key && key.scope !== "caldav") return { ok: true, caller: { userId: key.userId, via: "api_key" } };
  } else {
    const userId = await agentTokenUser(db, settings.secret, token);
    if (userId) return { ok: true, caller: { userId, via: "agent_token" } };
    if (looksLikeJwt(token)) {
      const oauth = await verifyOAuthAccessToken(db, token, { issuer: settings.issuer, audience: settings.resource });
      if (oauth) return { ok: true, caller: { userId: oauth.userId, via: "oauth", clientId: oauth.clientId } };
    }
  }
  return {
    ok: false,
    challenge: `${realm}, error="invalid_token", error_description="The credential is unknown, revoked or expired"`,
    message: "The credential is unknown, revoked or expired",
  };
}
