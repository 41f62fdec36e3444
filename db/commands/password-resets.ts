import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { passwordResets, users } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { generateResetSecret, hashResetSecret, isWellFormedResetSecret, resetLinkExpiry, resetLinkProblem, resetLinkStatus } from "@/lib/auth/reset-link";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";

/**
 * An administrator makes a one-time link for a user to set a new password. The secret is
 * returned once, here; the table keeps its SHA-256. A newer link replaces any unused one.
 * (Sending it is the administrator's job for now: by NHSmail, or read out.)
 */
export async function createPasswordResetLink({ actor, userId, now = new Date() }: { actor: Actor; userId: string; now?: Date }) {
  const db = await getDb();
  if (!can(actor, "user.manage")) {
    await recordDenied(db, actor, { action: "user.password-reset-link", entityType: "user", entityId: userId });
    throw forbidden("Only administrators can make password reset links.");
  }
  const secret = generateResetSecret();
  const expiresAt = resetLinkExpiry(now);
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw notFound("That user");
    if (user.disabledAt) throw conflict("This account is disabled: enable it before making a reset link.");
    const replaced = await tx.delete(passwordResets).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt))).returning({ id: passwordResets.id });
    await tx.insert(passwordResets).values({ userId, tokenHash: hashResetSecret(secret), createdBy: actor.id, createdAt: now, expiresAt });
    await recordAudit(tx, {
      at: now,
      actorId: actor.id,
      action: "user.password-reset-link-created",
      entityType: "user",
      entityId: userId,
      after: { expiresAt: expiresAt.toISOString(), replacedUnusedLinks: replaced.length },
    });
  });
  return { secret, expiresAt };
}

/**
 * Sets a new password through a reset link: the link works once and until it expires, the
 * password goes through the policy, and every session of the account ends (whoever had it
 * is signed out). Nothing changes unless all of it does.
 */
export async function resetPasswordWithLink({ secret, newPassword, now = new Date() }: { secret: string; newPassword: string; now?: Date }) {
  const db = await getDb();
  const tokenHash = isWellFormedResetSecret(secret) ? hashResetSecret(secret) : null;
  const [link] = tokenHash
    ? await db
        .select({ id: passwordResets.id, userId: passwordResets.userId, usedAt: passwordResets.usedAt, expiresAt: passwordResets.expiresAt, createdBy: passwordResets.createdBy, email: users.email, name: users.name, disabledAt: users.disabledAt })
        .from(passwordResets)
        .innerJoin(users, eq(users.id, passwordResets.userId))
        .where(eq(passwordResets.tokenHash, tokenHash))
    : [];
  if (!link || link.disabledAt) throw conflict(resetLinkProblem.unknown);
  const status = resetLinkStatus(link, now);
  if (status !== "usable") throw conflict(resetLinkProblem[status]);
  const problem = passwordProblem(newPassword, link);
  if (problem) throw invalid("Your password was not changed.", { newPassword: problem });
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    // Used once: of two requests with the same link, the second finds it used.
    const [used] = await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.id, link.id), isNull(passwordResets.usedAt))).returning({ id: passwordResets.id });
    if (!used) throw conflict(resetLinkProblem.used);
    await tx.update(users).set({ passwordHash, mustChangePassword: false, sessionsValidAfter: now, keptSessionId: null }).where(eq(users.id, link.userId));
    await recordAudit(tx, {
      at: now,
      actorId: link.userId,
      action: "user.password-reset",
      entityType: "user",
      entityId: link.userId,
      after: { via: "reset link", linkMadeBy: link.createdBy, sessionsEnded: true },
    });
  });
  return { email: link.email };
}
