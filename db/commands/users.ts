import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Transaction } from "../client";
import { userOrganisations, users, workstreams } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { hashPassword } from "@/lib/auth/password";
import { conflict, forbidden, notFound } from "@/lib/errors";
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
    await tx.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, userId));
    if (disabled) await releaseWorkstreams(tx, actor, user, `${user.name}'s account was disabled`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: disabled ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: userId,
      before: { disabled: user.disabledAt != null },
      after: { disabled },
    });
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
