import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { checkSecondFactorAtSignIn, confirmTwoFactorEnrolment, disableTwoFactor, regenerateRecoveryCodes, startTwoFactorEnrolment, verifySecondFactor } from "@/db/commands/two-factor";
import { getTwoFactorStatus, isTwoFactorEnabled } from "@/db/queries/two-factor";
import { auditLog, twoFactorRecoveryCodes, users, userTwoFactor } from "@/db/schema";
import { demoAdminTotpSecret, demoPassword } from "@/db/seed/bob-data";
import { totpCode } from "@/lib/auth/totp";

const userId = async (email: string) => (await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const historyOf = async (id: string) => (await (await getDb()).select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id)).map((r) => r.action);
const step = 30_000;

describe("two-factor authentication", () => {
  it("is set up with a first code; only hashes of the recovery codes and a sealed secret are stored", async () => {
    const id = await userId("ccio@demo.nhs.uk");
    const now = new Date("2026-03-01T09:00:10Z");
    expect(await checkSecondFactorAtSignIn({ userId: id, code: undefined })).toBe("not-required");
    await startTwoFactorEnrolment({ actorId: id });
    const { pendingSecret } = await getTwoFactorStatus({ userId: id });
    expect(pendingSecret).toMatch(/^[A-Z2-7]{32}$/);
    // Not on until confirmed: sign-in asks for nothing yet.
    expect(await checkSecondFactorAtSignIn({ userId: id, code: undefined })).toBe("not-required");
    await expect(confirmTwoFactorEnrolment({ actorId: id, sessionId: null, code: "000000" === totpCode(pendingSecret!, now) ? "111111" : "000000", now })).rejects.toMatchObject({
      fieldErrors: { code: "Enter the 6-digit code your authenticator app shows now" },
    });
    const { recoveryCodes } = await confirmTwoFactorEnrolment({ actorId: id, sessionId: null, code: totpCode(pendingSecret!, now), now });
    expect(recoveryCodes).toHaveLength(10);
    expect(await isTwoFactorEnabled({ userId: id })).toBe(true);

    const db = await getDb();
    const [row] = await db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, id));
    expect(row!.secret).not.toContain(pendingSecret!);
    const stored = (await db.select().from(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, id))).map((r) => r.codeHash);
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.join(" ")).not.toContain(code.replace("-", ""));
    expect(await historyOf(id)).toContain("two-factor.enabled");

    // The code that confirmed it cannot sign in (its step is spent); the next one can, once.
    const later = new Date(now.getTime() + step);
    expect(await checkSecondFactorAtSignIn({ userId: id, code: undefined, now: later })).toBe("required");
    expect(await checkSecondFactorAtSignIn({ userId: id, code: totpCode(pendingSecret!, now), now: later })).toBe("refused");
    expect(await checkSecondFactorAtSignIn({ userId: id, code: totpCode(pendingSecret!, later), now: later })).toBe("accepted");
    expect(await checkSecondFactorAtSignIn({ userId: id, code: totpCode(pendingSecret!, later), now: later })).toBe("refused");
  });

  it("spends a code once when two sign-ins send it side by side", async () => {
    const id = await userId("admin@demo.nhs.uk");
    const now = new Date("2026-03-02T09:00:10Z");
    const code = totpCode(demoAdminTotpSecret, now);
    const results = await Promise.all(Array.from({ length: 5 }, () => verifySecondFactor({ userId: id, code, now })));
    expect(results.filter((r) => r === "totp")).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(4);
  });

  it("takes a recovery code once, in any case or spacing", async () => {
    const id = await userId("board@demo.nhs.uk");
    const now = new Date("2026-03-03T09:00:10Z");
    await startTwoFactorEnrolment({ actorId: id });
    const secret = (await getTwoFactorStatus({ userId: id })).pendingSecret!;
    const { recoveryCodes } = await confirmTwoFactorEnrolment({ actorId: id, sessionId: null, code: totpCode(secret, now), now });
    const typed = ` ${recoveryCodes[3]!.toUpperCase().replace("-", " ")} `;
    expect(await verifySecondFactor({ userId: id, code: typed, now })).toBe("recovery-code");
    expect(await verifySecondFactor({ userId: id, code: typed, now })).toBeNull();
    expect((await getTwoFactorStatus({ userId: id })).recoveryCodesLeft).toBe(9);
    expect(await historyOf(id)).toContain("two-factor.recovery-code-used");

    // New codes need proof; the old ones stop working.
    await expect(regenerateRecoveryCodes({ actorId: id, password: "not-the-password", now })).rejects.toMatchObject({ fieldErrors: { password: "Enter your password" } });
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes({ actorId: id, password: demoPassword, now });
    expect(await verifySecondFactor({ userId: id, code: recoveryCodes[0]!, now })).toBeNull();
    expect(await verifySecondFactor({ userId: id, code: fresh[0]!, now })).toBe("recovery-code");

    // Turning it off needs proof too, and then sign-in asks for nothing.
    await expect(disableTwoFactor({ actorId: id, code: "123456", now: new Date(now.getTime() + 5 * step) })).rejects.toMatchObject({ code: "invalid" });
    expect(await isTwoFactorEnabled({ userId: id })).toBe(true);
    await disableTwoFactor({ actorId: id, code: totpCode(secret, new Date(now.getTime() + 2 * step)), now: new Date(now.getTime() + 2 * step) });
    expect(await isTwoFactorEnabled({ userId: id })).toBe(false);
    expect(await checkSecondFactorAtSignIn({ userId: id, code: undefined })).toBe("not-required");
    expect((await getTwoFactorStatus({ userId: id })).recoveryCodesLeft).toBe(0);
    expect(await historyOf(id)).toEqual(expect.arrayContaining(["two-factor.recovery-codes-replaced", "two-factor.disabled"]));
  });

  it("refuses a second enrolment while one is on", async () => {
    await expect(startTwoFactorEnrolment({ actorId: await userId("admin@demo.nhs.uk") })).rejects.toMatchObject({ code: "conflict" });
  });

  it("the demo admin is seeded with the published secret, so scripts and tests can sign in", async () => {
    const id = await userId("admin@demo.nhs.uk");
    const now = new Date("2026-03-04T09:00:10Z");
    expect(await isTwoFactorEnabled({ userId: id })).toBe(true);
    expect(await checkSecondFactorAtSignIn({ userId: id, code: totpCode(demoAdminTotpSecret, now), now })).toBe("accepted");
  });
});
