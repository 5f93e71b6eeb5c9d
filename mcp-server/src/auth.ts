// Who is calling: a personal API key (tdo_…) or a short-lived agent token minted by the backend. The user id
// always comes from the credential; tools never trust one from their arguments.
import { agentTokenUser } from "@todo/core/auth/agent-token";
import { looksLikeApiKey, verifyApiKey } from "@todo/core/auth/api-keys.service";
import type { Database } from "@todo/core/db/client";

export interface Caller {
  userId: string;
  via: "api_key" | "agent_token";
}

export type AuthResult = { ok: true; caller: Caller } | { ok: false; challenge: string; message: string };

const REALM = 'Bearer realm="todo-app-mcp"';

export async function authenticate(
  db: Database,
  secret: string,
  authorization: string | undefined,
): Promise<AuthResult> {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match?.[1]) {
    return { ok: false, challenge: REALM, message: "Send Authorization: Bearer <API key or agent token>" };
  }
  const token = match[1];
  if (looksLikeApiKey(token)) {
    const key = await verifyApiKey(db, token);
    // A key limited to CalDAV opens /dav/ only: for MCP it is as good as unknown.
    if (key && key.scope !== "caldav") return { ok: true, caller: { userId: key.userId, via: "api_key" } };
  } else {
    const userId = await agentTokenUser(db, secret, token);
    if (userId) return { ok: true, caller: { userId, via: "agent_token" } };
  }
  return {
    ok: false,
    challenge: `${REALM}, error="invalid_token", error_description="The credential is unknown, revoked or expired"`,
    message: "The credential is unknown, revoked or expired",
  };
}
