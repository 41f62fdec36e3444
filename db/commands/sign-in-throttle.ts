import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { auditLog, signInThrottles } from "../schema";
import { afterFailure, throttleVerdict, type ThrottleVerdict } from "@/lib/auth/throttle";

/** The strictest verdict over the keys: locked if any is, else the longest delay. */
export async function checkSignInThrottle({ keys, now = new Date() }: { keys: string[]; now?: Date }): Promise<ThrottleVerdict> {
  const db = await getDb();
  const rows = await db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
  let verdict: ThrottleVerdict = { locked: false, delayMs: 0 };
  for (const row of rows) {
    const v = throttleVerdict(row, now);
    if (v.locked && (!verdict.locked || v.until > verdict.until)) verdict = v;
    else if (!v.locked && !verdict.locked && v.delayMs > verdict.delayMs) verdict = v;
  }
  return verdict;
}

/** One more failure under each key: read and written under a row lock, so that concurrent failures on several instances all count. */
export async function recordSignInFailure({ keys, now = new Date() }: { keys: string[]; now?: Date }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(signInThrottles)
      .values(keys.map((key) => ({ key, failures: 0, windowStartedAt: now, lastFailureAt: now })))
      .onConflictDoNothing();
    const rows = await tx.select().from(signInThrottles).where(inArray(signInThrottles.key, keys)).orderBy(signInThrottles.key).for("update");
    for (const row of rows) {
      const next = afterFailure(row.failures === 0 ? null : row, now);
      await tx
        .update(signInThrottles)
        .set(next)
        .where(sql`${signInThrottles.key} = ${row.key}`);
    }
  });
}

/** A successful sign-in clears its account's count (not the address's: one good password does not vouch for other guesses). */
export async function clearSignInFailures({ accountKey }: { accountKey: string }): Promise<void> {
  const db = await getDb();
  await db.delete(signInThrottles).where(inArray(signInThrottles.key, [accountKey]));
}

export type SignInOutcome = "succeeded" | "failed" | "locked";

/** Every sign-in attempt is in the history: who (if the account exists), from where, and how it ended. */
export async function recordSignInAttempt({ email, userId, address, outcome }: { email: string; userId: string | null; address: string | null; outcome: SignInOutcome }): Promise<void> {
  const db = await getDb();
  await db.insert(auditLog).values({
    actorId: userId,
    action: `sign-in.${outcome}`,
    entityType: "sign-in",
    entityId: email.trim().toLowerCase(),
    after: { address, outcome },
  });
}
