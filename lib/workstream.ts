// Workstream rules beyond the tollgate state machine: labels, the RAG rating and its reason
// in words, and when a review condition is due or overdue. Pure functions of the data and
// today's date (an ISO date in England), so the pages, the board view and tests agree.
import { isIsoDate } from "./dates";
import type { Rag } from "./rag";
import type { Decision, DeliverableStatus } from "./tollgate";

export const workstreamStatuses = ["active", "review_requested", "stopped", "closed"] as const;
export type WorkstreamStatus = (typeof workstreamStatuses)[number];

export const itemKinds = ["objective", "requirement"] as const;
export type ItemKind = (typeof itemKinds)[number];

export const itemStatuses = ["not_started", "in_progress", "achieved", "at_risk", "dropped"] as const;
export type ItemStatus = (typeof itemStatuses)[number];

export const itemStatusLabels: Record<ItemStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  achieved: "Achieved",
  at_risk: "At risk",
  dropped: "Dropped",
};

export const deliverableStatusLabels: Record<DeliverableStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  ready: "Ready",
  not_required: "Not required",
};

export const decisionLabels: Record<Decision, string> = {
  proceed: "Proceed",
  proceed_with_conditions: "Proceed with conditions",
  rework: "Rework",
  stop: "Stop",
};

export const workstreamStatusLabels: Record<WorkstreamStatus, string> = {
  active: "In phase",
  review_requested: "Awaiting tollgate review",
  stopped: "Stopped",
  closed: "Closed",
};

/** Conditions due within this many days are flagged as due soon; reviews too. */
export const DUE_SOON_DAYS = 14;

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

export type ConditionState = "closed" | "overdue" | "due_soon" | "open";
export const conditionStateLabels: Record<ConditionState, string> = { overdue: "Overdue", due_soon: "Due soon", open: "Open", closed: "Closed" };

export function conditionState(condition: { dueOn: string; closedAt: Date | string | null }, today: string): ConditionState {
  if (condition.closedAt) return "closed";
  const days = daysBetween(today, condition.dueOn);
  if (days < 0) return "overdue";
  if (days <= DUE_SOON_DAYS) return "due_soon";
  return "open";
}


export interface RagInput {
  status: WorkstreamStatus;
  nextReviewOn: string | null;
  deliverablesOutstanding: number;
  openConditions: readonly { dueOn: string; closedAt: Date | string | null }[];
  /** The decision of the last decided review in the current phase, if any. */
  lastDecisionThisPhase: Decision | null;
}

export interface RagRating {
  rag: Rag | null;
  reason: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Red: stopped, a condition overdue, or the planned review date passed with no review
 * requested. Amber: rework asked for in this phase, a condition due within 14 days, a
 * review due within 14 days with deliverables outstanding, or no review date set.
 * Green otherwise. A closed workstream has no rating.
 */
export function workstreamRag(input: RagInput, today: string): RagRating {
  if (input.status === "closed") return { rag: null, reason: "Closed after its closure review." };
  if (input.status === "stopped") return { rag: "red", reason: "The programme board stopped this workstream." };
  const states = input.openConditions.map((c) => conditionState(c, today));
  const overdue = states.filter((s) => s === "overdue").length;
  if (overdue > 0) return { rag: "red", reason: `${plural(overdue, "condition")} overdue.` };
  const reviewIn = input.nextReviewOn == null ? null : daysBetween(today, input.nextReviewOn);
  if (input.status === "active" && reviewIn != null && reviewIn < 0) {
    return { rag: "red", reason: `The tollgate review was planned for ${input.nextReviewOn} and has not been requested.` };
  }
  const amber: string[] = [];
  if (input.lastDecisionThisPhase === "rework") amber.push("The board asked for rework at the last review.");
  const dueSoon = states.filter((s) => s === "due_soon").length;
  if (dueSoon > 0) amber.push(`${plural(dueSoon, "condition")} due within ${DUE_SOON_DAYS} days.`);
  if (input.status === "active" && reviewIn != null && reviewIn <= DUE_SOON_DAYS && input.deliverablesOutstanding > 0) {
    amber.push(`Review due in ${plural(reviewIn, "day")} with ${plural(input.deliverablesOutstanding, "deliverable")} outstanding.`);
  }
  if (input.status === "active" && input.nextReviewOn == null) amber.push("No tollgate review date set.");
  if (amber.length > 0) return { rag: "amber", reason: amber.join(" ") };
  return { rag: "green", reason: input.status === "review_requested" ? "Deliverables complete; awaiting the board's decision." : "On course for its next tollgate review." };
}

/** The board view's default window for "decisions made in the last period": three months. */
export function defaultDecidedSince(today: string): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1 - 3, 1));
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(d, lastDay));
  return at.toISOString().slice(0, 10);
}


/** The board view's "decisions since": a real date no later than today, else three months back (with the reason). */
export function parseDecidedSince(asked: string | undefined, today: string): { since: string; error: string | null } {
  if (asked == null || asked === "") return { since: defaultDecidedSince(today), error: null };
  if (isIsoDate(asked) && asked <= today) return { since: asked, error: null };
  return { since: defaultDecidedSince(today), error: "Enter a date no later than today, like 2026-08-01: showing the last three months instead" };
}

/** What the workstream page says after a step whose form has given way (the page was redirected to ?done=…). */
export function confirmationFor(
  done: string | undefined,
  ws: { status: WorkstreamStatus; phase: number; phaseName: string | undefined; lastDecision: Decision | null },
): string | null {
  if (done === "review-requested" && ws.status === "review_requested") return "Tollgate review requested: the programme board will see it on its agenda.";
  if (done === "condition-closed") return "Condition closed.";
  if (done === "decided" && ws.lastDecision) {
    const where =
      ws.status === "closed" ? "The workstream is closed." : ws.status === "stopped" ? "The workstream is stopped." : `The workstream is in phase ${ws.phase}: ${ws.phaseName ?? ""}.`;
    return `Decision recorded: ${decisionLabels[ws.lastDecision].toLowerCase()}. ${where}`;
  }
  return null;
}
