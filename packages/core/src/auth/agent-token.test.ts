// Issue 11.12: agent tokens are accepted only with the lifetime they are minted with, and only for a user who
// exists; a token signed with the right secret but claiming a year of life, or naming nobody, is refused.
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../test/databases";
import { users } from "../db/schema";
import { AGENT_TOKEN_TTL_SECONDS, agentTokenUser, MCP_AUDIENCE, mintAgentToken, verifyAgentToken } from "./agent-token";

const SECRET = "agent-token-test-secret-agent-token-test-secret";
const key = new TextEncoder().encode(SECRET);
const now = () => Math.floor(Date.now() / 1000);

function token(claims: { iat?: number; exp?: number; sub?: string }) {
  const jwt = new SignJWT({ scope: "tasks" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("todo-backend")
    .setAudience(MCP_AUDIENCE);
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  if (claims.iat !== undefined) jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  return jwt.sign(key);
}

describe("agent token lifetime", () => {
  it("accepts what mintAgentToken makes", async () => {
    expect(await verifyAgentToken(SECRET, await mintAgentToken(SECRET, "user-1"))).toBe("user-1");
    expect(await verifyAgentToken(SECRET, await token({ sub: "u", iat: now(), exp: now() + 300 }))).toBe("u");
  });

  it("refuses tokens that claim a longer life than minted, no issue time, or one in the future", async () => {
    const cases = [
      { sub: "u", iat: now(), exp: now() + 365 * 24 * 3600 },
      { sub: "u", iat: now(), exp: now() + AGENT_TOKEN_TTL_SECONDS + 60 },
      { sub: "u", exp: now() + 60 },
      { sub: "u", iat: now() + 3600, exp: now() + 3700 },
      { sub: "u", iat: now() - 3600, exp: now() + 60 },
      { sub: "", iat: now(), exp: now() + 60 },
    ];
    for (const claims of cases)
      expect(await verifyAgentToken(SECRET, await token(claims)), JSON.stringify(claims)).toBeNull();
    await expect(mintAgentToken(SECRET, "u", 3600)).rejects.toThrow(RangeError);
  });
});

describe.each(databaseKinds)("agent token users on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.handle.db.insert(users).values({ id: "real-user", name: "Real", email: "real@example.test" });
  });
  afterAll(() => database.drop());

  it("accepts a token only for a user who exists", async () => {
    const db = database.handle.db;
    expect(await agentTokenUser(db, SECRET, await mintAgentToken(SECRET, "real-user"))).toBe("real-user");
    expect(await agentTokenUser(db, SECRET, await mintAgentToken(SECRET, "nobody-at-all"))).toBeNull();
    expect(await agentTokenUser(db, SECRET, "not.a.token")).toBeNull();
  });
});
