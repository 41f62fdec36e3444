import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { organisations, projectOwnerInvitations, projectOwners, projects } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { ownFields, snapshotFromDb } from "./projects";
import { conflict, forbidden, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { mayActFor } from "@/lib/project-owners";

export type InvitationDecision = "accept" | "decline";

const pastTense: Record<string, string> = { accepted: "accepted", declined: "declined", withdrawn: "withdrawn by the project's owners" };

/**
 * A CIO of the invited organisation (or an administrator) accepts an invitation to co-own a
 * project, which makes the organisation an owner, or declines it. Either way the project's
 * version moves on (a form opened before shows a conflict, not a stale list of owners) and
 * the history records the owners and invitations before and after.
 */
export async function decideInvitation({ actor, invitationId, decision }: { actor: Actor; invitationId: string; decision: InvitationDecision }) {
  const db = await getDb();
  const [invitation] = await db
    .select({ projectId: projectOwnerInvitations.projectId, organisationId: projectOwnerInvitations.organisationId, organisation: organisations.name })
    .from(projectOwnerInvitations)
    .innerJoin(organisations, eq(organisations.id, projectOwnerInvitations.organisationId))
    .where(eq(projectOwnerInvitations.id, invitationId));
  if (!invitation) throw notFound("That invitation");
  if (!mayActFor(actor, invitation.organisationId)) {
    await recordDenied(db, actor, { action: `project.co-owner.${decision}`, entityType: "project", entityId: invitation.projectId, organisationId: invitation.organisationId });
    throw forbidden(`Only a CIO of ${invitation.organisation}, or an administrator, can accept or decline this invitation.`);
  }
  return db.transaction(async (tx) => {
    // The project row first, as every change to a project locks it: then the invitation.
    const before = await snapshotFromDb(tx, invitation.projectId);
    const [current] = await tx.select().from(projectOwnerInvitations).where(eq(projectOwnerInvitations.id, invitationId)).for("update");
    if (current!.status !== "pending") throw conflict(`This invitation was already ${pastTense[current!.status]}: nothing was changed.`);
    const status = decision === "accept" ? "accepted" : "declined";
    await tx.update(projectOwnerInvitations).set({ status, decidedById: actor.id, decidedAt: new Date() }).where(eq(projectOwnerInvitations.id, invitationId));
    if (decision === "accept") await tx.insert(projectOwners).values({ projectId: invitation.projectId, organisationId: invitation.organisationId }).onConflictDoNothing();
    const [project] = await tx
      .update(projects)
      .set({ version: sql`${projects.version} + 1`, updatedById: actor.id, updatedAt: new Date() })
      .where(eq(projects.id, invitation.projectId))
      .returning({ id: projects.id, title: projects.title });
    const ownerIds = decision === "accept" ? [...before.ownerIds, invitation.organisationId].sort() : before.ownerIds;
    await recordAudit(tx, {
      actorId: actor.id,
      action: `project.co-owner.${status}`,
      entityType: "project",
      entityId: invitation.projectId,
      organisationId: invitation.organisationId,
      // Whole snapshots, as project.updated keeps: the board pack rebuilds a past portfolio from them.
      before: { ...ownFields(before), organisation: invitation.organisation },
      after: { ...ownFields(before), ownerIds, invitedIds: before.invitedIds.filter((id) => id !== invitation.organisationId), organisation: invitation.organisation },
    });
    return { ...project!, organisation: invitation.organisation, status };
  });
}
