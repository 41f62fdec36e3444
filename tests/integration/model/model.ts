import type { ErrorCode } from "@/lib/errors";
import type { WorldActor } from "./world";

// The model: what the database should hold after a sequence of user actions, and the
// rules that decide whether an action is allowed. The rules are written out here again,
// from DOMAIN.md and the permission table's comments, rather than imported from lib/: a
// model that called the app's own `can` would agree with any mistake in it.

export type AssessmentStatus = "draft" | "submitted" | "approved";
export type WorkstreamStatus = "active" | "review_requested" | "stopped" | "closed";
export type DeliverableStatus = "not_started" | "in_progress" | "ready" | "not_required";
export type Decision = "proceed" | "proceed_with_conditions" | "rework" | "stop";

export interface AssessmentModel {
  id: string;
  organisationId: string;
  periodId: string;
  status: AssessmentStatus;
  version: number;
  scores: Record<string, number>;
}

export interface TargetModel {
  id: string;
  scope: "system" | "footprint" | "organisation";
  scopeId: string;
  score: number;
  version: number;
}

export interface DeliverableModel {
  id: string;
  position: number;
  status: DeliverableStatus;
  version: number;
}

export interface WorkstreamModel {
  id: string;
  code: string;
  leadUserId: string | null;
  phase: number;
  status: WorkstreamStatus;
  version: number;
  /** The current phase's. */
  deliverables: DeliverableModel[];
  reviews: { id: string; phase: number; decision: Decision | null }[];
  conditions: { id: string; closed: boolean }[];
}

export interface ProjectModel {
  id: string;
  title: string;
  /** Sorted. */
  ownerIds: string[];
  /** Organisations invited to co-own it, not owners until they accept; sorted. */
  invitedIds: string[];
  version: number;
}

export interface Model {
  assessments: AssessmentModel[];
  /** By targetKey(scopeId, domainId, year). */
  targets: Map<string, TargetModel>;
  workstreams: WorkstreamModel[];
  projects: ProjectModel[];
  /** Audit rows the committed changes must have written (access.denied excluded). */
  changes: number;
  /** access.denied rows the refusals must have written. */
  denials: number;
}

export function cloneModel(m: Model): Model {
  return structuredClone(m);
}

/** What a command should come to: done, or refused with this AppError code. */
export type Outcome = "ok" | ErrorCode;

const ownOrg = (a: WorldActor, organisationId: string) => a.organisationIds.includes(organisationId);

/** Who may do what, as the app's rules say it in words. */
export const rules = {
  /** CIOs enter their own organisation's scores; administrators any. */
  editAssessment: (a: WorldActor, organisationId: string) => a.role === "admin" || (a.role === "cio" && ownOrg(a, organisationId)),
  /** A board member or administrator approves or returns a submitted assessment. */
  approveOrReturn: (a: WorldActor) => a.role === "admin" || a.role === "board",
  /** Only an administrator reopens an approved one. */
  reopen: (a: WorldActor) => a.role === "admin",
  /** Footprint and system targets are the board's; organisations' their own CIOs'. */
  setTarget: (a: WorldActor, scope: TargetModel["scope"], scopeId: string) =>
    a.role === "admin" || (scope === "organisation" ? a.role === "cio" && ownOrg(a, scopeId) : a.role === "board"),
  /** A CIO changes a project one of their organisations owns. */
  editProject: (a: WorldActor, ownerIds: readonly string[]) => a.role === "admin" || (a.role === "cio" && ownerIds.some((id) => ownOrg(a, id))),
  /** An organisation joins or leaves the owners at once only by its own CIO or an administrator; others are invited. */
  actFor: (a: WorldActor, organisationId: string) => a.role === "admin" || (a.role === "cio" && ownOrg(a, organisationId)),
  /** The workstream's lead (a CCIO) works on it; administrators on any. */
  workOnWorkstream: (a: WorldActor, ws: WorkstreamModel) => a.role === "admin" || (a.role === "ccio" && ws.leadUserId === a.id),
  /** Tollgate decisions are the programme board's alone. */
  decideReview: (a: WorldActor) => a.role === "board",
  closeCondition: (a: WorldActor, ws: WorkstreamModel) => a.role === "admin" || a.role === "board" || (a.role === "ccio" && ws.leadUserId === a.id),
};

export const isFinished = (ws: WorkstreamModel) => ws.status === "stopped" || ws.status === "closed";
export const isDone = (d: DeliverableModel) => d.status === "ready" || d.status === "not_required";

/** A score as the assessment form or API may send it: a whole number 0–100 is valid. */
export function validScore(value: number | string): boolean {
  const n = typeof value === "number" ? value : /^\s*-?\d+(\.\d+)?\s*%?\s*$/.test(value) ? Number(value.replace("%", "")) : Number.NaN;
  return Number.isInteger(n) && n >= 0 && n <= 100;
}

/** A target score as the trajectory form's schema reads it: digits, optional decimals, an optional %. */
export function parseTargetScore(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Whether the 2016 index's scale holds a target: a whole number 0–100. setTarget checks it
 * once it knows the framework, after the permission check (so an outsider is refused first).
 */
export const targetOnScale = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100;
