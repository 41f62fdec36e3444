import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookSignInAttempt, checkSignInThrottle, recordSignInAttempt, signInSucceeded, takeBackSignInAttempt } from "@/db/commands/sign-in-throttle";
import { auditLog, signInThrottles, users } from "@/db/schema";
import { addressThrottleRules, globalThrottleKey, globalThrottleRules, throttleRules } from "@/lib/auth/throttle";

const failuresOf = async (key: string) => (await (await getDb()).select().from(signInThrottles).where(eq(signInThrottles.key, key)))[0]?.failures ?? 0;

describe("sign-in throttling in the database", () => {
  it("books attempts sent side by side one after another: the sixth and later are refused", async () => {
    const keys = ["account:someone@demo.nhs.uk", "address:192.0.2.10"];
    const now = new Date();
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => bookSignInAttempt({ keys, now })));
    expect(verdicts.filter((v) => !v.locked)).toHaveLength(throttleRules.lockAfter);
    expect(verdicts.filter((v) => v.locked)).toHaveLength(12 - throttleRules.lockAfter);
    expect(await failuresOf(keys[0]!)).toBe(throttleRules.lockAfter);
    expect(await checkSignInThrottle({ keys: [keys[0]!], now })).toEqual({ locked: true, until: new Date(now.getTime() + throttleRules.lockMs) });
    // The same account from elsewhere is locked too; another account from the same address
    // is not yet (an address has more room: people share one).
    expect((await checkSignInThrottle({ keys: [keys[0]!, "address:198.51.100.1"], now })).locked).toBe(true);
    expect((await checkSignInThrottle({ keys: ["account:other@demo.nhs.uk", keys[1]!], now })).locked).toBe(false);
  });

  it("slows before it locks; a success clears the account and takes back only its own booking at the address", async () => {
    const keys = ["account:slow@demo.nhs.uk", "address:192.0.2.20"];
    const now = new Date();
    expect(await bookSignInAttempt({ keys, now })).toEqual({ locked: false, delayMs: 0 });
    expect(await bookSignInAttempt({ keys, now })).toEqual({ locked: false, delayMs: 0 });
    expect(await bookSignInAttempt({ keys, now })).toEqual({ locked: false, delayMs: 1000 });
    await signInSucceeded({ accountKey: keys[0]!, addressKey: keys[1]! });
    expect(await failuresOf(keys[0]!)).toBe(0);
    expect(await failuresOf(keys[1]!)).toBe(2);
    expect(await checkSignInThrottle({ keys: [keys[0]!], now })).toEqual({ locked: false, delayMs: 0 });
  });

  it("a good sign-in deletes the rows that no longer count, and keeps those in their window or locked", async () => {
    const start = new Date("2026-01-05T09:00:00Z");
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    for (let i = 0; i < throttleRules.lockAfter; i++) await bookSignInAttempt({ keys: ["account:locked@demo.nhs.uk"], now: start });
    await bookSignInAttempt({ keys: ["account:stale@demo.nhs.uk", "address:192.0.2.30"], now: start });
    await bookSignInAttempt({ keys: ["account:recent@demo.nhs.uk"], now: minutes(14) });
    // 16 minutes on: the stale pair's window is over; the lock (15 minutes) has just run out too.
    await signInSucceeded({ accountKey: "account:other@demo.nhs.uk", addressKey: null, now: minutes(16) });
    const left = (await (await getDb()).select({ key: signInThrottles.key }).from(signInThrottles)).map((r) => r.key);
    expect(left).toContain("account:recent@demo.nhs.uk");
    expect(left).not.toContain("account:stale@demo.nhs.uk");
    expect(left).not.toContain("address:192.0.2.30");
    expect(left).not.toContain("account:locked@demo.nhs.uk");
    // A lock still in force is kept even when its window began long ago: four failures at
    // minute 20, the fifth (the lock, to minute 45) at minute 30, purged at minute 40.
    for (let i = 1; i < throttleRules.lockAfter; i++) await bookSignInAttempt({ keys: ["account:kept@demo.nhs.uk"], now: minutes(20) });
    await bookSignInAttempt({ keys: ["account:kept@demo.nhs.uk"], now: minutes(30) });
    await signInSucceeded({ accountKey: "account:other@demo.nhs.uk", addressKey: null, now: minutes(40) });
    expect(await checkSignInThrottle({ keys: ["account:kept@demo.nhs.uk"], now: minutes(40) })).toEqual({ locked: true, until: minutes(45) });
  });

  it("records each attempt on an account with how it ended", async () => {
    const [viewer] = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, "viewer@demo.nhs.uk"));
    await recordSignInAttempt({ email: "Viewer@Demo.nhs.uk", userId: viewer!.id, address: "192.0.2.10", outcome: "locked" });
    await recordSignInAttempt({ email: "viewer@demo.nhs.uk", userId: viewer!.id, address: "192.0.2.10", outcome: "failed", reason: "wrong code" });
    const rows = await (await getDb())
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "sign-in"), eq(auditLog.entityId, "viewer@demo.nhs.uk")))
      .orderBy(auditLog.id);
    expect(rows.map((r) => [r.action, r.actorId, r.after])).toEqual([
      ["sign-in.locked", viewer!.id, { address: "192.0.2.10", outcome: "locked" }],
      ["sign-in.failed", viewer!.id, { address: "192.0.2.10", outcome: "failed", reason: "wrong code" }],
    ]);
  });

  it("locks an address after 30 failures over any accounts, and everyone after 300 failures within a minute", async () => {
    const now = new Date("2026-02-01T10:00:00Z");
    const address = "address:192.0.2.77";
    for (let i = 0; i < addressThrottleRules.lockAfter; i++) {
      expect((await bookSignInAttempt({ keys: [`account:guess-${i}@demo.nhs.uk`, address], now })).locked, `attempt ${i + 1}`).toBe(false);
    }
    expect(await bookSignInAttempt({ keys: ["account:one-more@demo.nhs.uk", address], now })).toEqual({ locked: true, until: new Date(now.getTime() + addressThrottleRules.lockMs) });
    // The global count: every key distinct but "global", as credential stuffing from many addresses looks.
    const db = await getDb();
    await db.insert(signInThrottles).values({ key: globalThrottleKey, failures: globalThrottleRules.lockAfter - 1, windowStartedAt: now, lastFailureAt: now });
    expect((await bookSignInAttempt({ keys: ["account:a@x.nhs.uk", "address:198.51.100.5", globalThrottleKey], now })).locked).toBe(false);
    expect(await bookSignInAttempt({ keys: ["account:b@x.nhs.uk", "address:198.51.100.6", globalThrottleKey], now })).toEqual({ locked: true, until: new Date(now.getTime() + 60_000) });
    // A minute on, it is open again.
    expect((await bookSignInAttempt({ keys: ["account:c@x.nhs.uk", "address:198.51.100.7", globalThrottleKey], now: new Date(now.getTime() + 61_000) })).locked).toBe(false);
  });

  it("takes back a booking that was no guess (the right password, the code still to come) without clearing earlier failures", async () => {
    const keys = ["account:pending@demo.nhs.uk", "address:192.0.2.88", globalThrottleKey];
    const now = new Date();
    await bookSignInAttempt({ keys: keys.slice(0, 2), now }); // a wrong code earlier
    await bookSignInAttempt({ keys, now }); // the password again, right
    await takeBackSignInAttempt({ keys });
    expect(await failuresOf(keys[0]!)).toBe(1);
    expect(await failuresOf(keys[1]!)).toBe(1);
  });
});
