import "server-only";
import { lte, sql } from "drizzle-orm";
import { getDb } from "../client";
import { rateLimitCounters } from "../schema";

/**
 * Counts a request against each key's current window (fixed windows of `windowMs`, the
 * same for every instance since they start at multiples of it) in one atomic upsert, and
 * returns each key's count including this request. The first request of a key's window
 * also deletes every window that is over, so the table holds only current windows.
 */
export async function countRateLimitedRequest({ keys, windowMs, now = new Date() }: { keys: readonly string[]; windowMs: number; now?: Date }): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const db = await getDb();
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const windowEnd = new Date(windowStart.getTime() + windowMs);
  const rows = await db
    .insert(rateLimitCounters)
    .values(keys.map((key) => ({ key, windowStart, windowEnd, hits: 1 })))
    .onConflictDoUpdate({ target: [rateLimitCounters.key, rateLimitCounters.windowStart], set: { hits: sql`${rateLimitCounters.hits} + 1` } })
    .returning({ key: rateLimitCounters.key, hits: rateLimitCounters.hits });
  if (rows.some((r) => r.hits === 1)) await deleteEndedRateLimitWindows(now);
  return new Map(rows.map((r) => [r.key, r.hits]));
}

/** Windows that are over no longer count: deleted. */
export async function deleteEndedRateLimitWindows(now: Date): Promise<void> {
  const db = await getDb();
  await db.delete(rateLimitCounters).where(lte(rateLimitCounters.windowEnd, now));
}
