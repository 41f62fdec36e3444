import type { Role } from "./roles";

// Who may do what, as data. "any": on every record; "own": only on records of an
// organisation in the user's scope; "lead": only on the workstream the user leads.
// Anything not listed is refused.
export const actions = [
  "assessment.create",
  "assessment.edit",
  "assessment.submit",
  "assessment.view-draft",
  "assessment.approve",
  "assessment.return",
  "assessment.reopen",
  "history.view",
  "period.manage",
  "framework.load",
  "national-average.set",
  "target.set-summary",
  "target.set-organisation",
  "user.manage",
  "workstream.edit",
  "workstream.assign-lead",
  "tollgate.request",
  "tollgate.decide",
  "condition.close",
  "project.edit",
  "organisation.manage",
] as const;
export type Action = (typeof actions)[number];
type Reach = "any" | "own" | "lead";

export const permissions: Record<Role, Partial<Record<Action, Reach>>> = {
  // Tollgate decisions are the programme board's alone: an administrator keeps the data
  // and the workstreams in order but does not decide.
  admin: Object.fromEntries(actions.filter((a) => a !== "tollgate.decide").map((a) => [a, "any"])),
  cio: {
    "assessment.create": "own",
    "assessment.edit": "own",
    "assessment.submit": "own",
    "assessment.view-draft": "own",
    "history.view": "own",
    "target.set-organisation": "own",
    // Projects their organisations own (alone or with others).
    "project.edit": "own",
  },
  // Board members set footprint and system targets; CIOs their own organisations' only.
  board: {
    "assessment.approve": "any",
    "assessment.return": "any",
    "history.view": "any",
    "target.set-summary": "any",
    "tollgate.decide": "any",
    "condition.close": "any",
  },
  // A CCIO works on the workstreams they lead.
  ccio: { "workstream.edit": "lead", "tollgate.request": "lead", "condition.close": "lead" },
  viewer: {},
};

export interface Actor {
  id: string;
  role: Role;
  organisationIds: readonly string[];
}

export interface Subject {
  organisationId?: string;
  /** For workstream actions: the workstream's lead. */
  leadUserId?: string | null;
}

export function can(actor: Actor | null | undefined, action: Action, subject: Subject = {}): boolean {
  if (!actor) return false;
  const reach = permissions[actor.role][action];
  if (reach === "any") return true;
  if (reach === "own") return subject.organisationId != null && actor.organisationIds.includes(subject.organisationId);
  if (reach === "lead") return subject.leadUserId != null && subject.leadUserId === actor.id;
  return false;
}

/**
 * canSeeAssessment as a filter a query can apply: every draft, none, or those of these
 * organisations (non-drafts are open to all). The same rule, for paging in SQL.
 */
export function draftsVisibleTo(actor: Actor | null | undefined): "all" | readonly string[] {
  if (!actor) return [];
  const reach = permissions[actor.role]["assessment.view-draft"];
  if (reach === "any") return "all";
  if (reach === "own") return actor.organisationIds;
  return [];
}

/** Drafts are work in progress: only their own CIOs and admins see them; the rest is open. */
export function canSeeAssessment(actor: Actor | null | undefined, assessment: { status: string; organisationId: string }): boolean {
  return assessment.status !== "draft" || can(actor, "assessment.view-draft", { organisationId: assessment.organisationId });
}

export type TargetScope = "system" | "footprint" | "organisation";

/** The action a target edit needs: summary targets are the board's, organisations' their CIOs'. */
export function targetAction(scope: TargetScope): Action {
  return scope === "organisation" ? "target.set-organisation" : "target.set-summary";
}

export function canSetTarget(actor: Actor | null | undefined, scope: TargetScope, scopeId: string): boolean {
  return can(actor, targetAction(scope), scope === "organisation" ? { organisationId: scopeId } : {});
}

/**
 * A project is its owners': a CIO may add or change one that at least one of their own
 * organisations owns (before the change, and after it: no one hands a project wholly to
 * another trust). Admins any.
 */
export function canEditProject(actor: Actor | null | undefined, ownerIds: readonly string[]): boolean {
  if (can(actor, "project.edit")) return true;
  return ownerIds.some((organisationId) => can(actor, "project.edit", { organisationId }));
}
