// Short-lived tokens the backend mints for its own agent: bound to one user (sub), to the MCP server (aud) and to
// a few minutes (exp), signed with the shared BETTER_AUTH_SECRET. The MCP server accepts nothing else but API keys.
import { jwtVerify, SignJWT } from "jose";

export const MCP_AUDIENCE = "todo-mcp-server";
const ISSUER = "todo-backend";

function keyFrom(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function mintAgentToken(secret: string, userId: string, ttlSeconds = 300): Promise<string> {
  return new SignJWT({ scope: "tasks" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(MCP_AUDIENCE)
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyFrom(secret));
}

/** The user id the token was minted for, or null when it is forged, expired or meant for another audience. */
export async function verifyAgentToken(secret: string, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, keyFrom(secret), {
      issuer: ISSUER,
      audience: MCP_AUDIENCE,
      algorithms: ["HS256"],
      requiredClaims: ["sub", "exp"],
    });
    return payload.sub ?? null;
  } catch {
    return null;
  }
}
