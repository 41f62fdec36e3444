import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { revokedSessions } from "../schema";

/** Whether the session was signed out (its id is refused until it would have expired anyway). */
export async function isSessionRevoked({ sessionId }: { sessionId: string }): Promise<boolean> {
  const db = await getDb();
  const rows = await db.select({ sessionId: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.sessionId, sessionId)).limit(1);
  return rows.length > 0;
}
