// The rate limiter's counters live in the database, so every instance counts against the
// same limit: requests sent side by side over many connections are each counted once,
// a token and its user are counted apart, and ended windows are deleted.
import { randomUUID } from "node:crypto";
import { count, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { countRateLimitedRequest } from "@/db/commands/rate-limits";
import { rateLimitCounters } from "@/db/schema";
import { RateLimitedError } from "@/lib/errors";
import { enforceRateLimit, RATE_LIMIT_WINDOW_MS, rateLimitKeys, rateLimitNotice, rateLimitPerMinute } from "@/lib/rate-limit";
import { testDb } from "../support/test-database";

const minute = (iso: string) => new Date(iso);

describe("the counters", () => {
  it("count 200 requests sent side by side exactly once each (one atomic upsert, no lost update)", async () => {
    const key = `test:${randomUUID()}`;
    const now = minute("2026-03-01T10:00:30Z");
    const counts = await Promise.all(Array.from({ length: 200 }, () => countRateLimitedRequest({ keys: [key], windowMs: RATE_LIMIT_WINDOW_MS, now })));
    expect(counts.map((c) => c.get(key)).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it("start again in the next window, and delete the windows that are over", async () => {
    const db = await testDb();
    const keys = Array.from({ length: 50 }, () => `test-window:${randomUUID()}`);
    for (const key of keys) await countRateLimitedRequest({ keys: [key], windowMs: RATE_LIMIT_WINDOW_MS, now: minute("2026-03-01T11:00:10Z") });
    const rows = async () => (await db.select({ n: count() }).from(rateLimitCounters).where(like(rateLimitCounters.key, "test-window:%")))[0]!.n;
    expect(await rows()).toBe(50);
    const next = await countRateLimitedRequest({ keys: [keys[0]!], windowMs: RATE_LIMIT_WINDOW_MS, now: minute("2026-03-01T11:01:05Z") });
    expect(next.get(keys[0]!)).toBe(1);
    // Only the new window's row is left: the 50 of the minute before were deleted.
    expect(await rows()).toBe(1);
  });
});

describe("enforceRateLimit", () => {
  it("refuses the request after the limit with a 429 and the seconds to the window's end; the next minute is allowed", async () => {
    const userId = randomUUID();
    const limit = rateLimitPerMinute("export");
    const now = minute("2026-03-02T09:30:45Z");
    for (let i = 0; i < limit; i++) await enforceRateLimit("export", { userId }, now);
    const refused = await enforceRateLimit("export", { userId }, now).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).status).toBe(429);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(15);
    expect((refused as RateLimitedError).message).toBe(`You have made more than ${limit} downloads in a minute. Please wait 15 seconds and try again.`);
    // Another user, and another kind of read, are not affected.
    await expect(enforceRateLimit("export", { userId: randomUUID() }, now)).resolves.toBeUndefined();
    await expect(enforceRateLimit("as-at", { userId }, now)).resolves.toBeUndefined();
    await expect(enforceRateLimit("export", { userId }, minute("2026-03-02T09:31:00Z"))).resolves.toBeUndefined();
  });

  it("counts a token apart from its user's other tokens, and the user over all of them at twice the limit", async () => {
    const userId = randomUUID();
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    const limit = rateLimitPerMinute("api-list");
    expect(rateLimitKeys("api-list", { userId, tokenId: first }, limit)).toEqual([
      { key: `api-list:token:${first}`, limit },
      { key: `api-list:user:${userId}`, limit: limit * 2 },
    ]);
    const db = await testDb();
    const now = minute("2026-03-03T08:00:00Z");
    // The first token has used its minute: it is refused, the second is not.
    await db.insert(rateLimitCounters).values({ key: `api-list:token:${first}`, windowStart: now, windowEnd: new Date(now.getTime() + RATE_LIMIT_WINDOW_MS), hits: limit });
    await expect(enforceRateLimit("api-list", { userId, tokenId: first }, now)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(enforceRateLimit("api-list", { userId, tokenId: second }, now)).resolves.toBeUndefined();
    // Once the user's tokens together reach twice the limit, a third token is refused too.
    await db.update(rateLimitCounters).set({ hits: limit * 2 }).where(like(rateLimitCounters.key, `api-list:user:${userId}`));
    await expect(enforceRateLimit("api-list", { userId, tokenId: third }, now)).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("rateLimitNotice (the pages' check)", () => {
  it("is null under the limit, and the message to show in place of the page over it", async () => {
    const userId = randomUUID();
    expect(await rateLimitNotice("as-at", { userId })).toBeNull();
    const db = await testDb();
    const now = new Date();
    const start = Math.floor(now.getTime() / RATE_LIMIT_WINDOW_MS) * RATE_LIMIT_WINDOW_MS;
    for (const at of [start, start + RATE_LIMIT_WINDOW_MS]) {
      await db
        .insert(rateLimitCounters)
        .values({ key: `as-at:user:${userId}`, windowStart: new Date(at), windowEnd: new Date(at + RATE_LIMIT_WINDOW_MS), hits: rateLimitPerMinute("as-at") })
        .onConflictDoUpdate({ target: [rateLimitCounters.key, rateLimitCounters.windowStart], set: { hits: rateLimitPerMinute("as-at") } });
    }
    expect(await rateLimitNotice("as-at", { userId })).toMatch(/^You have made more than 60 past-date views of trajectories and board packs in a minute\. Please wait \d+ seconds? and try again\.$/);
  });
});
