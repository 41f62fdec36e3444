import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { checkSignInThrottle, clearSignInFailures, recordSignInAttempt, recordSignInFailure } from "@/db/commands/sign-in-throttle";
import { auditLog, signInThrottles } from "@/db/schema";
import { throttleRules } from "@/lib/auth/throttle";

const keys = ["account:someone@demo.nhs.uk", "address:192.0.2.10"];

describe("sign-in throttling in the database", () => {
  it("counts every one of many concurrent failures, and locks the account and the address", async () => {
    const now = new Date();
    await Promise.all(Array.from({ length: 12 }, () => recordSignInFailure({ keys, now })));
    const rows = await (await getDb()).select().from(signInThrottles);
    expect(rows.filter((r) => keys.includes(r.key)).map((r) => r.failures)).toEqual([12, 12]);
    const verdict = await checkSignInThrottle({ keys: [keys[0]!], now });
    expect(verdict).toEqual({ locked: true, until: new Date(now.getTime() + throttleRules.lockMs) });
    // Another account from the same address is locked too; the same account from elsewhere as well.
    expect((await checkSignInThrottle({ keys: ["account:other@demo.nhs.uk", keys[1]!], now })).locked).toBe(true);
    expect((await checkSignInThrottle({ keys: [keys[0]!, "address:198.51.100.1"], now })).locked).toBe(true);
  });

  it("slows before it locks, and a success clears the account's count only", async () => {
    const k = ["account:slow@demo.nhs.uk", "address:192.0.2.20"];
    const now = new Date();
    for (let i = 0; i < 3; i++) await recordSignInFailure({ keys: k, now });
    expect(await checkSignInThrottle({ keys: k, now })).toEqual({ locked: false, delayMs: 1000 });
    await clearSignInFailures({ accountKey: k[0]! });
    expect(await checkSignInThrottle({ keys: [k[0]!], now })).toEqual({ locked: false, delayMs: 0 });
    expect(await checkSignInThrottle({ keys: [k[1]!], now })).toEqual({ locked: false, delayMs: 1000 });
  });

  it("records each attempt with how it ended", async () => {
    await recordSignInAttempt({ email: "Someone@Demo.nhs.uk", userId: null, address: "192.0.2.10", outcome: "locked" });
    const rows = await (await getDb())
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "sign-in"), like(auditLog.action, "sign-in.%"), eq(auditLog.entityId, "someone@demo.nhs.uk")));
    expect(rows.map((r) => [r.action, r.after])).toEqual([["sign-in.locked", { address: "192.0.2.10", outcome: "locked" }]]);
  });
});
