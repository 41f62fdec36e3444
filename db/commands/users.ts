import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Transaction } from "../client";
import { apiTokens, userOrganisations, users, workstreams } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { bookSignInAttempt, signInSucceeded } from "./sign-in-throttle";
import { hashPassword, needsRehash, passwordHashParameters, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { throttleKeys } from "@/lib/auth/throttle";
import { AppError, conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import type { Role } from "@/lib/roles";

async function requireUserManager(actor: Actor, entityId: string) {
  if (can(actor, "user.manage")) return;
  await recordDenied(await getDb(), actor, { action: "user.manage", entityType: "user", entityId });
  throw forbidden("Only administrators can manage users.");
}

export async function createUser({
  actor,
  email,
  name,
  password,
  role,
  organisationIds,
}: {
  actor: Actor;
  email: string;
  name: string;
  password: string;
  role: Role;
  organisationIds: string[];
}) {
  await requireUserManager(actor, email);
  const db = await getDb();
  const passwordHash = password ? await hashPassword(password) : null;
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(users).values({ email, name, role, passwordHash }).onConflictDoNothing().returning();
    if (!created) throw conflict(`There is already a user with the email address ${email}.`);
    if (organisationIds.length > 0) {
      await tx.insert(userOrganisations).values(organisationIds.map((organisationId) => ({ userId: created.id, organisationId })));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.created",
      entityType: "user",
      entityId: created.id,
      after: { email, name, role, organisationIds },
    });
    return created;
  });
}

/** A user's role and organisations; takes effect on their next request. */
export async function updateUserAccess({ actor, userId, role, organisationIds }: { actor: Actor; userId: string; role: Role; organisationIds: string[] }) {
  await requireUserManager(actor, userId);
  // Someone must always be left who can manage users.
  if (userId === actor.id && role !== "admin") throw conflict("You cannot remove your own administrator role: ask another administrator.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw notFound("That user");
    const before = (await tx.select().from(userOrganisations).where(eq(userOrganisations.userId, userId))).map((r) => r.organisationId).sort();
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    if (role !== "ccio") await releaseWorkstreams(tx, actor, user, `${user.name} is no longer a CCIO`);
    await tx.delete(userOrganisations).where(eq(userOrganisations.userId, userId));
    if (organisationIds.length > 0) {
      await tx.insert(userOrganisations).values([...new Set(organisationIds)].map((organisationId) => ({ userId, organisationId })));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.access-changed",
      entityType: "user",
      entityId: userId,
      before: { role: user.role, organisationIds: before },
      after: { role, organisationIds: [...new Set(organisationIds)].sort() },
    });
  });
}

export async function setUserDisabled({ actor, userId, disabled }: { actor: Actor; userId: string; disabled: boolean }) {
  await requireUserManager(actor, userId);
  if (userId === actor.id && disabled) throw conflict("You cannot disable your own account.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw notFound("That user");
    // Disabling ends every session and API token for good: enabling the account again
    // revives none of them (the person signs in again and makes new tokens).
    const now = new Date();
    await tx
      .update(users)
      .set(disabled ? { disabledAt: now, sessionsValidAfter: now, keptSessionId: null } : { disabledAt: null })
      .where(eq(users.id, userId));
    const revoked = disabled
      ? await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id })
      : [];
    if (disabled) await releaseWorkstreams(tx, actor, user, `${user.name}'s account was disabled`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: disabled ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: userId,
      before: { disabled: user.disabledAt != null },
      after: disabled ? { disabled, sessionsEnded: true, apiTokensRevoked: revoked.length } : { disabled },
    });
  });
}

/**
 * Signs the user out everywhere: every session signed in until now is refused from its
 * next request (lib/auth/sessions-cut-off.ts). The user themselves, or an administrator.
 */
export async function endSessionsEverywhere({ actor, userId, now = new Date() }: { actor: Actor; userId: string; now?: Date }) {
  if (userId !== actor.id) await requireUserManager(actor, userId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [ended] = await tx.update(users).set({ sessionsValidAfter: now, keptSessionId: null }).where(eq(users.id, userId)).returning({ id: users.id });
    if (!ended) throw notFound("That user");
    await recordAudit(tx, {
      at: now,
      actorId: actor.id,
      action: "user.signed-out-everywhere",
      entityType: "user",
      entityId: userId,
      after: { sessionsEnded: true, by: userId === actor.id ? "the user" : "an administrator" },
    });
  });
}

/**
 * The user changes their own password: the current one first (a wrong one counts against
 * the account's sign-in limit, so a left-open session cannot be used to guess it), the new
 * one through the password policy. Every other session of theirs ends; this one goes on.
 */
export async function changeOwnPassword({
  actor,
  sessionId,
  currentPassword,
  newPassword,
  now = new Date(),
}: {
  actor: Actor;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  now?: Date;
}) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw notFound("Your account");
  if (!user.passwordHash) throw conflict("Your account signs in with NHSmail only: there is no password to change here.");
  const [accountKey] = throttleKeys(user.email, null);
  const verdict = await bookSignInAttempt({ keys: [accountKey!], now });
  if (verdict.locked) {
    throw new AppError("conflict", `Too many wrong passwords for this account: try again after ${verdict.until.toLocaleTimeString("en-GB", { timeZone: "Europe/London" })}.`);
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw invalid("Your password was not changed.", { currentPassword: "Your current password is not right" });
  }
  await signInSucceeded({ accountKey: accountKey!, addressKey: null, now });
  const problem = passwordProblem(newPassword, user) ?? ((await verifyPassword(user.passwordHash, newPassword)) ? "Enter a new password, different from your current one" : null);
  if (problem) throw invalid("Your password was not changed.", { newPassword: problem });
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, sessionsValidAfter: now, keptSessionId: sessionId }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      at: now,
      actorId: user.id,
      action: "user.password-changed",
      entityType: "user",
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { by: "the user", mustChangePassword: false, otherSessionsEnded: true },
    });
  });
}

/**
 * After a good sign-in: a hash made with weaker parameters than today's (an older version's
 * 4 MiB) is replaced with a new one, while the password is at hand. Only if it is still the
 * hash that was checked (a password changed meanwhile is left alone).
 */
export async function upgradePasswordHash({ userId, passwordHash, password }: { userId: string; passwordHash: string; password: string }): Promise<boolean> {
  if (!needsRehash(passwordHash)) return false;
  const upgraded = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx.update(users).set({ passwordHash: upgraded }).where(and(eq(users.id, userId), eq(users.passwordHash, passwordHash))).returning({ id: users.id });
    if (rows.length === 0) return false;
    const { memoryCost, timeCost, parallelism } = passwordHashParameters;
    await recordAudit(tx, { actorId: userId, action: "user.password-rehashed", entityType: "user", entityId: userId, after: { argon2id: { memoryCost, timeCost, parallelism } } });
    return true;
  });
}

/**
 * Only an active CCIO leads a workstream: when a lead is disabled or given another role,
 * their workstreams are left without a lead (for an admin to name a new one), each change
 * in the workstream's history.
 */
async function releaseWorkstreams(tx: Transaction, actor: Actor, user: { id: string; name: string }, reason: string) {
  const led = await tx
    .update(workstreams)
    .set({ leadUserId: null, version: sql`${workstreams.version} + 1`, updatedAt: new Date() })
    .where(eq(workstreams.leadUserId, user.id))
    .returning({ id: workstreams.id });
  await recordAudit(
    tx,
    led.map((w) => ({
      actorId: actor.id,
      action: "workstream.lead.set",
      entityType: "workstream",
      entityId: w.id,
      before: { leadUserId: user.id, lead: user.name },
      after: { leadUserId: null, lead: null, reason },
    })),
  );
}
