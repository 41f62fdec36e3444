import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Transaction as Tx } from "../client";
import { twoFactorRecoveryCodes, users, userTwoFactor } from "../schema";
import { recordAudit } from "./audit";
import { acceptedTotpStep, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode } from "@/lib/auth/totp";
import { keyedHash, sealTotpSecret, tryOpenTotpSecret } from "@/lib/auth/totp-secret-box";
import { verifyPassword } from "@/lib/auth/password";
import { conflict, invalid } from "@/lib/errors";

/** How a second factor was proved, or null when the code was not right (or already used). */
export type SecondFactor = "totp" | "recovery-code" | null;

/**
 * Checks a code from the authenticator app or a recovery code, and spends it: the TOTP
 * step is stored under a row lock (two requests with one code: the second is refused), a
 * recovery code is marked used in the same statement that finds it.
 */
export async function verifySecondFactor({ userId, code, now = new Date() }: { userId: string; code: string; now?: Date }): Promise<SecondFactor> {
  const db = await getDb();
  return db.transaction((tx) => spendSecondFactor(tx, { userId, code, now }));
}

async function spendSecondFactor(tx: Tx, { userId, code, now }: { userId: string; code: string; now: Date }): Promise<SecondFactor> {
  const [row] = await tx.select().from(userTwoFactor).where(eq(userTwoFactor.userId, userId)).for("update");
  if (!row?.enabledAt) return null;
  const secret = tryOpenTotpSecret(row.secret);
  const step = secret ? acceptedTotpStep(secret, code, row.lastUsedStep, now) : null;
  if (step !== null) {
    await tx.update(userTwoFactor).set({ lastUsedStep: step }).where(eq(userTwoFactor.userId, userId));
    return "totp";
  }
  const recovery = normaliseRecoveryCode(code);
  if (!recovery) return null;
  const spent = await tx
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), eq(twoFactorRecoveryCodes.codeHash, keyedHash("recovery-code", recovery)), isNull(twoFactorRecoveryCodes.usedAt)))
    .returning({ id: twoFactorRecoveryCodes.id });
  if (spent.length === 0) return null;
  await recordAudit(tx, { actorId: userId, action: "two-factor.recovery-code-used", entityType: "user", entityId: userId, at: now });
  return "recovery-code";
}

/** A new secret for the actor to scan: replaces an unconfirmed one; refused while one is in use. */
export async function startTwoFactorEnrolment({ actorId }: { actorId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ enabledAt: userTwoFactor.enabledAt }).from(userTwoFactor).where(eq(userTwoFactor.userId, actorId)).for("update");
    if (row?.enabledAt) throw conflict("Two-factor authentication is already on. Turn it off first to set up another app.");
    const secret = sealTotpSecret(newTotpSecret());
    await tx.insert(userTwoFactor).values({ userId: actorId, secret }).onConflictDoUpdate({ target: userTwoFactor.userId, set: { secret, lastUsedStep: null, createdAt: sql`now()` } });
  });
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await tx.insert(twoFactorRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: keyedHash("recovery-code", code) })));
  return codes;
}

/**
 * The first code from the app confirms the enrolment; the recovery codes are returned once.
 * Every other session of the account ends (`sessionId`, the one that set it up, goes on):
 * they signed in without a second factor, and an administrator's session waiting to set it
 * up (perhaps someone else's, with the password) would otherwise be let in from now on.
 */
export async function confirmTwoFactorEnrolment({
  actorId,
  sessionId,
  code,
  now = new Date(),
}: {
  actorId: string;
  /** The session confirming it, kept signed in; null ends every session of the account. */
  sessionId: string | null;
  code: string;
  now?: Date;
}): Promise<{ recoveryCodes: string[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(userTwoFactor).where(eq(userTwoFactor.userId, actorId)).for("update");
    if (!row) throw conflict("Start setting up two-factor authentication first: the page shows a new QR code.");
    if (row.enabledAt) throw conflict("Two-factor authentication is already on.");
    const secret = tryOpenTotpSecret(row.secret);
    if (!secret) throw conflict("This set-up can no longer be read: start again for a new QR code.");
    const step = acceptedTotpStep(secret, code, null, now);
    if (step === null) throw invalid("The code was not accepted.", { code: "Enter the 6-digit code your authenticator app shows now" });
    await tx.update(userTwoFactor).set({ enabledAt: now, lastUsedStep: step }).where(eq(userTwoFactor.userId, actorId));
    await tx.update(users).set({ sessionsValidAfter: now, keptSessionId: sessionId }).where(eq(users.id, actorId));
    const recoveryCodes = await replaceRecoveryCodes(tx, actorId);
    await recordAudit(tx, { actorId, action: "two-factor.enabled", entityType: "user", entityId: actorId, at: now, after: { twoFactor: "totp", recoveryCodes: recoveryCodes.length, otherSessionsEnded: true } });
    return { recoveryCodes };
  });
}

/**
 * Proof that the person at the keyboard is the account holder before changing its second
 * factor: a current code (or an unused recovery code), or the password.
 */
async function requireProof(tx: Tx, { userId, code, password, now }: { userId: string; code?: string; password?: string; now: Date }): Promise<void> {
  if (code && (await spendSecondFactor(tx, { userId, code, now }))) return;
  if (password) {
    const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
    if (user?.passwordHash && (await verifyPassword(user.passwordHash, password))) return;
  }
  throw invalid("Nothing was changed: the code or password was not right.", {
    [code ? "code" : "password"]: code ? "Enter a current code from your authenticator app, or an unused recovery code" : "Enter your password",
  });
}

export async function disableTwoFactor({ actorId, code, password, now = new Date() }: { actorId: string; code?: string; password?: string; now?: Date }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireProof(tx, { userId: actorId, code, password, now });
    await tx.delete(userTwoFactor).where(eq(userTwoFactor.userId, actorId));
    await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, actorId));
    await recordAudit(tx, { actorId, action: "two-factor.disabled", entityType: "user", entityId: actorId, at: now, before: { twoFactor: "totp" } });
  });
}

export async function regenerateRecoveryCodes({ actorId, code, password, now = new Date() }: { actorId: string; code?: string; password?: string; now?: Date }): Promise<{ recoveryCodes: string[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ enabledAt: userTwoFactor.enabledAt }).from(userTwoFactor).where(eq(userTwoFactor.userId, actorId));
    if (!row?.enabledAt) throw conflict("Two-factor authentication is not on, so there are no recovery codes to replace.");
    await requireProof(tx, { userId: actorId, code, password, now });
    const recoveryCodes = await replaceRecoveryCodes(tx, actorId);
    await recordAudit(tx, { actorId, action: "two-factor.recovery-codes-replaced", entityType: "user", entityId: actorId, at: now, after: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  });
}

export type SecondFactorStep = "not-required" | "required" | "accepted" | "refused";

/**
 * The second step of a password sign-in, after the password was found right: nothing for
 * an account without two-factor, "required" when no code came with the password, and
 * whether the code is accepted (and now spent) otherwise.
 */
export async function checkSecondFactorAtSignIn({ userId, code, now = new Date() }: { userId: string; code: string | undefined; now?: Date }): Promise<SecondFactorStep> {
  const db = await getDb();
  const [row] = await db.select({ enabledAt: userTwoFactor.enabledAt }).from(userTwoFactor).where(eq(userTwoFactor.userId, userId));
  if (!row?.enabledAt) return "not-required";
  if (!code?.trim()) return "required";
  return (await verifySecondFactor({ userId, code, now })) ? "accepted" : "refused";
}
