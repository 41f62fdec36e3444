import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { signInFailures } from "../schema";
import { recordAudit } from "./audit";
import { keyedHash } from "@/lib/auth/totp-secret-box";

export const signInFailureRules = {
  /** Rows are deleted this long after the attempt (once summarised). */
  retentionDays: 30,
  /** The history gets one summary for the attempts of each closed period of this length or more. */
  summaryEveryMs: 60 * 60_000,
} as const;

/**
 * A failed sign-in for an email no account has: a row here (the email as a keyed hash),
 * rows past their retention deleted, and, once an hour has closed, its attempts summarised
 * in the history as one row ("N failed sign-ins for unknown accounts from M addresses").
 * Claiming the rows to summarise and marking them is one UPDATE, so two instances never
 * summarise the same attempts twice.
 */
export async function recordUnknownAccountFailure({ email, address, now = new Date() }: { email: string; address: string | null; now?: Date }): Promise<void> {
  const db = await getDb();
  const periodStart = new Date(Math.floor(now.getTime() / signInFailureRules.summaryEveryMs) * signInFailureRules.summaryEveryMs);
  const expired = new Date(now.getTime() - signInFailureRules.retentionDays * 86_400_000);
  await db.transaction(async (tx) => {
    await tx.insert(signInFailures).values({ emailHash: keyedHash("sign-in-email", email.trim().toLowerCase()), address, at: now });
    await tx.delete(signInFailures).where(and(lt(signInFailures.at, expired), eq(signInFailures.summarised, true)));
    const claimed = await tx
      .update(signInFailures)
      .set({ summarised: true })
      .where(and(eq(signInFailures.summarised, false), lt(signInFailures.at, periodStart)))
      .returning({ emailHash: signInFailures.emailHash, address: signInFailures.address, at: signInFailures.at });
    if (claimed.length === 0) return;
    // reduce, not Math.min(...): an hour of an attack can be more rows than a call's arguments.
    const from = claimed.reduce((t, r) => Math.min(t, r.at.getTime()), Infinity);
    const to = claimed.reduce((t, r) => Math.max(t, r.at.getTime()), -Infinity);
    const addresses = new Set(claimed.map((r) => r.address ?? "unknown")).size;
    const emails = new Set(claimed.map((r) => r.emailHash)).size;
    await recordAudit(tx, {
      at: now,
      action: "sign-in.unknown-accounts-summary",
      entityType: "sign-in",
      entityId: "unknown-accounts",
      after: {
        failures: claimed.length,
        emails,
        addresses,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        summary: `${claimed.length} failed sign-in${claimed.length === 1 ? "" : "s"} for unknown accounts (${emails} email${emails === 1 ? "" : "s"}) from ${addresses} address${addresses === 1 ? "" : "es"}`,
      },
    });
  });
}

/** How many unknown-account failures are kept (for tests and the health of the table). */
export async function countSignInFailures(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(signInFailures);
  return row?.n ?? 0;
}
