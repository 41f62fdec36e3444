import { can, type Actor } from "./permissions";

// Who owns a project, and how that changes. An owner is an organisation whose capability
// matrix, portfolio and counts the project is part of, so no one may make another trust an
// owner on its behalf: a CIO who names an organisation they do not hold sends it an
// invitation, which that organisation's CIO (or an administrator) accepts or declines.
// A CIO adds and removes only their own organisations; an administrator any.

export const invitationStatuses = ["pending", "accepted", "declined", "withdrawn"] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/** The owners a project has, and the organisations invited to join them. */
export interface OwnerState {
  ownerIds: readonly string[];
  invitedIds: readonly string[];
}

export interface OwnerPlan {
  /** Afterwards, sorted. */
  ownerIds: string[];
  invitedIds: string[];
  /** The changes: added at once, invited, removed, invitations withdrawn. */
  added: string[];
  invited: string[];
  removed: string[];
  withdrawn: string[];
}

export type OwnerRefusal =
  /** Organisations the actor would remove that are not theirs to remove. */
  | { kind: "not-yours-to-remove"; organisationIds: string[] }
  /** No owner would be left (an invitation is not one yet). */
  | { kind: "no-owner-left" };

/** May the actor act for this organisation: add it as an owner at once, remove it, accept or decline for it? */
export function mayActFor(actor: Actor | null | undefined, organisationId: string): boolean {
  return can(actor, "project.edit", { organisationId });
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/**
 * What saving `requested` as a project's owners does, for this actor (who may already
 * change the project): organisations they act for join or leave at once; others are
 * invited (and an unticked invitation is withdrawn); removing another's organisation, or
 * the last owner, is refused.
 */
export function planOwners(actor: Actor, current: OwnerState, requested: readonly string[]): { ok: true; plan: OwnerPlan } | { ok: false; refusal: OwnerRefusal } {
  const wanted = new Set(requested);
  const owners = new Set(current.ownerIds);
  const pending = new Set(current.invitedIds);
  const removed = sorted(current.ownerIds.filter((id) => !wanted.has(id)));
  const notYours = removed.filter((id) => !mayActFor(actor, id));
  if (notYours.length > 0) return { ok: false, refusal: { kind: "not-yours-to-remove", organisationIds: notYours } };
  const withdrawn = sorted(current.invitedIds.filter((id) => !wanted.has(id)));
  const fresh = sorted(requested.filter((id) => !owners.has(id) && !pending.has(id)));
  const added = fresh.filter((id) => mayActFor(actor, id));
  const invited = fresh.filter((id) => !mayActFor(actor, id));
  const ownerIds = sorted([...current.ownerIds.filter((id) => wanted.has(id)), ...added]);
  // Handing a project to another trust takes its consent: invite it, and leave once it has accepted.
  if (ownerIds.length === 0) return { ok: false, refusal: { kind: "no-owner-left" } };
  const invitedIds = sorted([...current.invitedIds.filter((id) => wanted.has(id)), ...invited]);
  return { ok: true, plan: { ownerIds, invitedIds, added, invited, removed, withdrawn } };
}

/** The message for a refused change of owners, with the organisations' names. */
export function ownerRefusalMessage(refusal: OwnerRefusal, nameOf: (id: string) => string): string {
  if (refusal.kind === "no-owner-left") {
    return "A project keeps at least one owner, and an invited organisation is not one until it accepts: to hand the project over, invite the new owner and leave once it has accepted.";
  }
  const names = refusal.organisationIds.map(nameOf).join(", ");
  return `You can remove only your own organisations from a project's owners, not ${names}: ask a CIO of ${refusal.organisationIds.length > 1 ? "each" : "that organisation"} to remove it.`;
}

/** The message for organisations named as owners from outside the project's system. */
export function outsideSystemMessage(names: readonly string[], systemName: string | undefined): string {
  return `${names.join(", ")} ${names.length > 1 ? "are" : "is"} not in ${systemName ?? "the project's system"}: a project's owners are organisations of its own integrated care system`;
}
