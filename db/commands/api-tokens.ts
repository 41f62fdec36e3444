import "server-only";
import { and, eq, isNull, lte, or } from "drizzle-orm";
import { getDb } from "../client";
import { apiTokens, users } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { can, type Actor } from "@/lib/permissions";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { generateApiTokenSecret, hashApiTokenSecret } from "@/lib/api/token-secret";
import { apiTokenExpiry, apiTokenPrefix, LAST_USED_RESOLUTION_MS, type ApiTokenLifetime, type ApiTokenScope } from "@/lib/api/tokens";

/**
 * A new personal token for the actor. The secret is returned once, here, and never
 * stored: the table keeps its SHA-256 and the first characters for display, and the
 * history records the token without its secret.
 */
export async function createApiToken({
  actor,
  name,
  scope,
  lifetimeDays,
  now = new Date(),
}: {
  actor: Actor;
  name: string;
  scope: ApiTokenScope;
  lifetimeDays: ApiTokenLifetime;
  now?: Date;
}) {
  const secret = generateApiTokenSecret();
  const db = await getDb();
  const token = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.id,
        name: name.trim(),
        prefix: apiTokenPrefix(secret),
        tokenHash: hashApiTokenSecret(secret),
        scope,
        createdAt: now,
        expiresAt: apiTokenExpiry(now, lifetimeDays),
      })
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "api-token.created",
      entityType: "api_token",
      entityId: created!.id,
      after: { name: created!.name, prefix: created!.prefix, scope, expiresAt: created!.expiresAt.toISOString() },
    });
    return created!;
  });
  const { tokenHash: _hash, ...shown } = token;
  return { token: shown, secret };
}

/** A user revokes their own tokens; an administrator anyone's. Revoking is final. */
export async function revokeApiToken({ actor, tokenId, now = new Date() }: { actor: Actor; tokenId: string; now?: Date }) {
  const db = await getDb();
  const [token] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, name: apiTokens.name, prefix: apiTokens.prefix, revokedAt: apiTokens.revokedAt, owner: users.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.id, tokenId));
  if (!token) throw notFound("That API token");
  if (token.userId !== actor.id && !can(actor, "user.manage")) {
    await recordDenied(db, actor, { action: "api-token.revoke", entityType: "api_token", entityId: tokenId });
    throw forbidden("You can only revoke your own API tokens.");
  }
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, revokedAt: apiTokens.revokedAt });
    if (!revoked) throw conflict(`The token “${token.name}” had already been revoked.`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "api-token.revoked",
      entityType: "api_token",
      entityId: tokenId,
      before: { revokedAt: null },
      after: { name: token.name, prefix: token.prefix, owner: token.owner, revokedAt: now.toISOString() },
    });
    return revoked;
  });
}

/**
 * Notes that a token was used: at most once a minute per token (the condition is in the
 * UPDATE, so concurrent requests do not each write), and not in the history.
 */
export async function recordApiTokenUse({ tokenId, now = new Date() }: { tokenId: string; now?: Date }): Promise<void> {
  const db = await getDb();
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)))));
}
