// Short-lived tokens the backend mints for its own agent: bound to one user (sub), to the MCP server (aud) and to
// a few minutes (exp), signed with the shared BETTER_AUTH_SECRET. The MCP server accepts nothing else but API keys.
import { eq } from "drizzle-orm";
import { jwtVerify, SignJWT } from "jose";
import type { Database } from "../db/client";
import { users } from "../db/schema";

export const MCP_AUDIENCE = "todo-mcp-server";
const ISSUER = "todo-backend";
/** What mintAgentToken gives; a token claiming a longer life was not minted here, so it is refused. */
export const AGENT_TOKEN_TTL_SECONDS = 300;
const CLOCK_TOLERANCE_SECONDS = 5;

function keyFrom(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function mintAgentToken(
  secret: string,
  userId: string,
  ttlSeconds = AGENT_TOKEN_TTL_SECONDS,
): Promise<string> {
  if (ttlSeconds > AGENT_TOKEN_TTL_SECONDS)
    throw new RangeError(`Agent tokens live at most ${AGENT_TOKEN_TTL_SECONDS} s`);
  return new SignJWT({ scope: "tasks" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(MCP_AUDIENCE)
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyFrom(secret));
}

/**
 * The user id the token was minted for, or null when it is forged, expired, meant for another audience, or
 * claims a lifetime longer than the one minted here (issue 11.12: any expiry used to be accepted).
 */
export async function verifyAgentToken(secret: string, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, keyFrom(secret), {
      issuer: ISSUER,
      audience: MCP_AUDIENCE,
      algorithms: ["HS256"],
      requiredClaims: ["sub", "exp", "iat"],
      maxTokenAge: AGENT_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const { exp, iat, sub } = payload as { exp: number; iat: number; sub?: string };
    if (exp - iat > AGENT_TOKEN_TTL_SECONDS) return null;
    if (iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) return null; // issued in the future
    return sub || null;
  } catch {
    return null;
  }
}

/** verifyAgentToken, and the user must still exist: a token for a deleted or made-up user is refused. */
export async function agentTokenUser(db: Database, secret: string, token: string): Promise<string | null> {
  const userId = await verifyAgentToken(secret, token);
  if (!userId) return null;
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  return row ? userId : null;
}
