import "server-only";
import { and, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { auditLog, signInThrottles } from "../schema";
import { afterFailure, globalThrottleKey, rulesForKey, throttleVerdict, type ThrottleVerdict } from "@/lib/auth/throttle";
import { recordUnknownAccountFailure } from "./sign-in-failures";

/** The strictest verdict over the keys, without booking an attempt: locked if any is, else the longest delay. */
export async function checkSignInThrottle({ keys, now = new Date() }: { keys: string[]; now?: Date }): Promise<ThrottleVerdict> {
  const db = await getDb();
  const rows = await db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
  return strictest(rows.map((row) => throttleVerdict(row.failures === 0 ? null : row, now, rulesForKey(row.key))));
}

function strictest(verdicts: ThrottleVerdict[]): ThrottleVerdict {
  let verdict: ThrottleVerdict = { locked: false, delayMs: 0 };
  for (const v of verdicts) {
    if (v.locked && (!verdict.locked || v.until > verdict.until)) verdict = v;
    else if (!v.locked && !verdict.locked && v.delayMs > verdict.delayMs) verdict = v;
  }
  return verdict;
}

/**
 * Books an attempt before its password is checked: under a row lock, the verdict as things
 * stood (locked, or how long to wait), and, unless locked, the attempt counted as a failure
 * until it proves otherwise (signInSucceeded). So attempts sent side by side, to one
 * instance or several, are counted one after another: the sixth is refused however fast
 * they come.
 */
export async function bookSignInAttempt({ keys, now = new Date() }: { keys: string[]; now?: Date }): Promise<ThrottleVerdict> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx
      .insert(signInThrottles)
      .values(keys.map((key) => ({ key, failures: 0, windowStartedAt: now, lastFailureAt: now })))
      .onConflictDoNothing();
    const rows = await tx.select().from(signInThrottles).where(inArray(signInThrottles.key, keys)).orderBy(signInThrottles.key).for("update");
    const states = rows.map((row) => (row.failures === 0 ? null : row));
    const verdict = strictest(states.map((s, i) => throttleVerdict(s, now, rulesForKey(rows[i]!.key))));
    if (verdict.locked) return verdict;
    for (const [i, row] of rows.entries()) {
      await tx
        .update(signInThrottles)
        .set(afterFailure(states[i], now, rulesForKey(row.key)))
        .where(sql`${signInThrottles.key} = ${row.key}`);
    }
    return verdict;
  });
}

/**
 * The right password (and code): the account's count is cleared, and the address's and
 * the global booking taken back (one good password does not vouch for other guesses from there).
 */
export async function signInSucceeded({ accountKey, addressKey, now = new Date() }: { accountKey: string; addressKey: string | null; now?: Date }): Promise<void> {
  const db = await getDb();
  await purgeStaleSignInThrottles(now);
  await db.delete(signInThrottles).where(inArray(signInThrottles.key, [accountKey]));
  await takeBackSignInAttempt({ keys: [...(addressKey ? [addressKey] : []), globalThrottleKey] });
}

/**
 * An attempt that was not a guess after all, taken back from every key it was booked
 * under without clearing earlier failures: the right password of an account that must
 * now give its code (the code is the next attempt, counted on its own).
 */
export async function takeBackSignInAttempt({ keys }: { keys: string[] }): Promise<void> {
  const db = await getDb();
  await db
    .update(signInThrottles)
    .set({ failures: sql`greatest(${signInThrottles.failures} - 1, 0)` })
    .where(inArray(signInThrottles.key, keys));
}

/**
 * Rows that no longer count (window over, no lock in force) are deleted, so that the table
 * holds only the last quarter hour's failures however many emails and addresses are tried.
 * Run at each good sign-in; deleting one changes no verdict (throttleVerdict ignores it).
 */
export async function purgeStaleSignInThrottles(now: Date): Promise<void> {
  const db = await getDb();
  // The longest window (an account's or an address's, 15 minutes) decides what no longer counts.
  const windowStart = new Date(now.getTime() - 15 * 60_000);
  await db
    .delete(signInThrottles)
    .where(and(lt(signInThrottles.windowStartedAt, windowStart), or(isNull(signInThrottles.lockedUntil), lte(signInThrottles.lockedUntil, now))));
}

export type SignInOutcome = "succeeded" | "failed" | "locked";
export type SignInMethod = "password" | "microsoft-entra-id";

/**
 * Every sign-in attempt on an account is in the history: who, from where, by which method
 * and how it ended (with why, where there is more to say: a wrong code). Failures for
 * emails no account has go to sign_in_failures instead, summarised in the history
 * (db/commands/sign-in-failures.ts), so guessing at made-up emails cannot grow the
 * append-only history without bound.
 */
export async function recordSignInAttempt({
  email,
  userId,
  address,
  outcome,
  method = "password",
  reason,
  now = new Date(),
}: {
  email: string;
  userId: string | null;
  address: string | null;
  outcome: SignInOutcome;
  method?: SignInMethod;
  reason?: string;
  now?: Date;
}): Promise<void> {
  if (!userId && outcome !== "succeeded") return recordUnknownAccountFailure({ email, address, now });
  const db = await getDb();
  await db.insert(auditLog).values({
    at: now,
    actorId: userId,
    action: `sign-in.${outcome}`,
    entityType: "sign-in",
    entityId: email.trim().toLowerCase(),
    after: { address, outcome, ...(method === "password" ? {} : { method }), ...(reason ? { reason } : {}) },
  });
}
