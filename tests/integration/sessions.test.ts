import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { revokeSession } from "@/db/commands/sessions";
import { isSessionRevoked } from "@/db/queries/sessions";
import { auditLog, revokedSessions, users } from "@/db/schema";
import { newSessionId } from "@/lib/auth/session-lifetime";

const userId = async (email: string) => (await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const signOutRows = async (id: string) =>
  (await getDb()).select().from(auditLog).where(and(eq(auditLog.action, "sign-out"), eq(auditLog.entityType, "user"), eq(auditLog.entityId, id)));

describe("signed-out sessions", () => {
  it("refuses a session's id once it signs out, and only that session's, with one history row", async () => {
    const board = await userId("board@demo.nhs.uk");
    const [signedOut, other] = [newSessionId(), newSessionId()];
    const now = new Date();
    expect(await isSessionRevoked({ sessionId: signedOut })).toBe(false);
    await revokeSession({ sessionId: signedOut, userId: board, expiresAt: new Date(now.getTime() + 3_600_000), now });
    expect(await isSessionRevoked({ sessionId: signedOut })).toBe(true);
    expect(await isSessionRevoked({ sessionId: other })).toBe(false);
    // Signing out twice (two tabs) changes nothing and records nothing more.
    await revokeSession({ sessionId: signedOut, userId: board, expiresAt: new Date(now.getTime() + 3_600_000), now });
    const rows = await signOutRows(board);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: board, after: { sessionEndedBy: "sign-out" } });
  });

  it("deletes ids past the time their session would have expired anyway, at the next sign-out", async () => {
    const viewer = await userId("viewer@demo.nhs.uk");
    const start = new Date("2026-02-01T09:00:00Z");
    const hours = (n: number) => new Date(start.getTime() + n * 3_600_000);
    const [early, late] = [newSessionId(), newSessionId()];
    await revokeSession({ sessionId: early, userId: viewer, expiresAt: hours(2), now: start });
    await revokeSession({ sessionId: late, userId: viewer, expiresAt: hours(12), now: start });
    await revokeSession({ sessionId: newSessionId(), userId: viewer, expiresAt: hours(20), now: hours(3) });
    const kept = await (await getDb()).select({ id: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.userId, viewer));
    expect(kept.map((r) => r.id)).not.toContain(early);
    expect(kept.map((r) => r.id)).toContain(late);
    expect(kept).toHaveLength(2);
  });
});
