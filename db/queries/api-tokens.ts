import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { apiTokens, type ApiToken } from "../schema";

/** What a token list shows: never the hash. */
export type ApiTokenListItem = Omit<ApiToken, "tokenHash">;

/** A user's tokens, newest first, revoked and expired ones included. */
export async function listApiTokensByUser({ userId }: { userId: string }): Promise<ApiTokenListItem[]> {
  const db = await getDb();
  return db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scope: apiTokens.scope,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** The token a secret's hash belongs to, whatever its state; null if none. */
export async function getApiTokenByHash({ tokenHash }: { tokenHash: string }): Promise<ApiToken | null> {
  const db = await getDb();
  const [token] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
  return token ?? null;
}
