// Personal API keys for MCP clients and scripts. The key is shown once; only its SHA-256 hash is stored, so a
// leaked database does not leak usable keys. Revocation is a delete, effective on the next request.
import { createHash, randomBytes } from "node:crypto";
import {
  API_KEY_PREFIX,
  type ApiKey,
  type ApiKeyScope,
  CreateApiKeyInput,
  type CreatedApiKey,
} from "@todo/contract/api-key";
import { NotFoundError, parseInput, ValidationError } from "@todo/contract/errors";
import { LIMITS } from "@todo/contract/limits";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client";
import { apiKeys } from "../db/schema";

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

function toJson(row: typeof apiKeys.$inferSelect): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
  };
}

export async function createApiKey(db: Database, userId: string, input: unknown): Promise<CreatedApiKey> {
  const { name, scope } = parseInput(CreateApiKeyInput, input);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(apiKeys).where(eq(apiKeys.userId, userId));
  if ((count?.n ?? 0) >= LIMITS.apiKeysPerUser) {
    throw new ValidationError(`You can have at most ${LIMITS.apiKeysPerUser} API keys; revoke one first`);
  }
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ userId, name, scope, prefix: key.slice(0, API_KEY_PREFIX.length + 6), keyHash: hashKey(key) })
    .returning();
  return { ...toJson(row!), key };
}

export async function listApiKeys(db: Database, userId: string): Promise<ApiKey[]> {
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(desc(apiKeys.createdAt));
  return rows.map(toJson);
}

export async function revokeApiKey(db: Database, userId: string, id: string): Promise<void> {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError("API key was not found");
  const deleted = await db
    .delete(apiKeys)
    .where(and(eq(apiKeys.userId, userId), eq(apiKeys.id, id)))
    .returning({ id: apiKeys.id });
  if (deleted.length === 0) throw new NotFoundError("API key was not found");
}

/** The user a key belongs to, or null for an unknown or revoked key. */
export async function verifyApiKey(
  db: Database,
  key: string,
): Promise<{ userId: string; keyId: string; scope: ApiKeyScope } | null> {
  if (!looksLikeApiKey(key) || key.length > 200) return null;
  const [row] = await db
    .select({ id: apiKeys.id, userId: apiKeys.userId, scope: apiKeys.scope })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.keyHash, hashKey(key)),
        // A disabled user's keys stop working at once (account.service.ts).
        sql`not exists (select 1 from disabled_users d where d.user_id = ${apiKeys.userId})`,
      ),
    )
    .limit(1);
  if (!row) return null;
  // Record use at most once a minute per key, so busy clients don't turn every call into a write.
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiKeys.id, row.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(Date.now() - 60_000))),
      ),
    );
  return { userId: row.userId, keyId: row.id, scope: row.scope };
}
