import "server-only";
import { lt } from "drizzle-orm";
import { getDb } from "../client";
import { auditLog, revokedSessions } from "../schema";

/**
 * Signing out: the session's id is refused from now until `expiresAt` (the latest the
 * session could have lasted), and the sign-out is in the history. Ids past their expiry are
 * deleted on the way, so the table holds only sessions that could still be presented.
 */
export async function revokeSession({ sessionId, userId, expiresAt, now = new Date() }: { sessionId: string; userId: string | null; expiresAt: Date; now?: Date }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
    const inserted = await tx.insert(revokedSessions).values({ sessionId, userId, revokedAt: now, expiresAt }).onConflictDoNothing().returning({ sessionId: revokedSessions.sessionId });
    if (inserted.length === 0) return; // signed out already
    await tx.insert(auditLog).values({ at: now, actorId: userId, action: "sign-out", entityType: "user", entityId: userId ?? "", after: { sessionEndedBy: "sign-out" } });
  });
}
