import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { recordSignInAttempt } from "@/db/commands/sign-in-throttle";
import { countSignInFailures, signInFailureRules } from "@/db/commands/sign-in-failures";
import { auditLog, signInFailures } from "@/db/schema";

const historyRows = async () => (await getDb()).select().from(auditLog).where(eq(auditLog.entityType, "sign-in")).orderBy(auditLog.id);

describe("failed sign-ins for unknown accounts", () => {
  it("are kept out of the history, one summary row per closed hour instead, and deleted after their retention", async () => {
    const db = await getDb();
    const before = (await historyRows()).length;
    const hour = (h: number, m = 0) => new Date(Date.UTC(2026, 2, 1, h, m));
    // 60 guesses at 20 made-up emails between 09:00 and 09:59 from three addresses.
    for (let i = 0; i < 60; i++) {
      await recordSignInAttempt({ email: `nobody-${i % 20}@demo.nhs.uk`, userId: null, address: `192.0.2.${i % 3}`, outcome: i % 7 === 0 ? "locked" : "failed", now: hour(9, i % 60) });
    }
    expect((await historyRows()).length, "no history row per attempt").toBe(before);
    expect(await countSignInFailures()).toBe(60);
    // The emails are kept only as keyed hashes.
    const [one] = await db.select().from(signInFailures).limit(1);
    expect(one!.emailHash).not.toMatch(/@|nobody/);

    // The first failure after 10:00 summarises the closed hour: one row.
    await recordSignInAttempt({ email: "late@demo.nhs.uk", userId: null, address: "198.51.100.1", outcome: "failed", now: hour(10, 5) });
    const summaries = (await historyRows()).filter((r) => r.action === "sign-in.unknown-accounts-summary");
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.after).toMatchObject({ failures: 60, emails: 20, addresses: 3, from: hour(9, 0).toISOString(), to: hour(9, 59).toISOString() });
    expect((summaries[0]!.after as { summary: string }).summary).toBe("60 failed sign-ins for unknown accounts (20 emails) from 3 addresses");
    // Nothing summarised twice: another failure in the same open hour adds no summary.
    await recordSignInAttempt({ email: "later@demo.nhs.uk", userId: null, address: "198.51.100.1", outcome: "failed", now: hour(10, 6) });
    expect((await historyRows()).filter((r) => r.action === "sign-in.unknown-accounts-summary")).toHaveLength(1);

    // Past the retention, summarised rows go at the next write; the unsummarised recent ones stay.
    const later = new Date(hour(10, 6).getTime() + (signInFailureRules.retentionDays + 1) * 86_400_000);
    await recordSignInAttempt({ email: "much-later@demo.nhs.uk", userId: null, address: null, outcome: "failed", now: later });
    const left = await db.select({ at: signInFailures.at, summarised: signInFailures.summarised }).from(signInFailures).orderBy(signInFailures.at);
    // The 60 from 09:xx are gone; 10:05 and 10:06 (summarised just now) and the new one are kept.
    expect(left.map((r) => r.at.toISOString())).toEqual([hour(10, 5), hour(10, 6), later].map((d) => d.toISOString()));
    expect(left.map((r) => r.summarised)).toEqual([true, true, false]);
    const summaries2 = (await historyRows()).filter((r) => r.action === "sign-in.unknown-accounts-summary");
    expect(summaries2).toHaveLength(2);
    expect(summaries2[1]!.after).toMatchObject({ failures: 2, addresses: 1 });
  });

  it("a successful sign-in is always in the history", async () => {
    await recordSignInAttempt({ email: "x@demo.nhs.uk", userId: null, address: null, outcome: "succeeded" });
    const rows = await (await getDb()).select().from(auditLog).where(and(eq(auditLog.action, "sign-in.succeeded"), eq(auditLog.entityId, "x@demo.nhs.uk")));
    expect(rows).toHaveLength(1);
  });
});
