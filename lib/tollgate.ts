// The stage-gate lifecycle of a workstream: phases in order, each closed by a tollgate
// review at the programme board. Pure rules: every step either returns the next state or
// the reason it is refused, whoever asks and however the request was made.

export const deliverableStatuses = ["not_started", "in_progress", "ready", "not_required"] as const;
export type DeliverableStatus = (typeof deliverableStatuses)[number];

export const decisions = ["proceed", "proceed_with_conditions", "rework", "stop"] as const;
export type Decision = (typeof decisions)[number];

export interface Deliverable {
  id: string;
  status: DeliverableStatus;
  /** Required when the status is not_required. */
  reason?: string;
}

export interface Condition {
  description: string;
  owner: string;
  dueOn: string;
}

export interface Review {
  phase: number;
  decision: Decision | null;
  reasons?: string;
  conditions?: Condition[];
}

export interface WorkstreamState {
  /** 1-based phase the workstream is in; phaseCount is the lifecycle's length. */
  phase: number;
  phaseCount: number;
  status: "active" | "review_requested" | "stopped" | "closed";
  /** The current phase's deliverables. */
  deliverables: Deliverable[];
  reviews: Review[];
}

export type Step =
  | { type: "set_deliverable"; deliverableId: string; status: DeliverableStatus; reason?: string }
  | { type: "request_review" }
  | { type: "decide"; decision: Decision; reasons: string; conditions?: Condition[]; nextDeliverables?: Deliverable[] };

export type StepResult = { ok: true; state: WorkstreamState } | { ok: false; reason: string };

const refuse = (reason: string): StepResult => ({ ok: false, reason });

export function isDone(d: Deliverable): boolean {
  return d.status === "ready" || d.status === "not_required";
}

export function applyStep(state: WorkstreamState, step: Step): StepResult {
  if (state.status === "stopped") return refuse("The board stopped this workstream: nothing more can change.");
  if (state.status === "closed") return refuse("This workstream has passed its closure review: nothing more can change.");

  switch (step.type) {
    case "set_deliverable": {
      if (state.status === "review_requested") return refuse("A tollgate review has been requested: deliverables are frozen until the board decides.");
      const target = state.deliverables.find((d) => d.id === step.deliverableId);
      if (!target) return refuse("That deliverable is not one of the current phase's.");
      const reason = step.reason?.trim() ?? "";
      if (step.status === "not_required" && reason === "") return refuse("Say why the deliverable is not required.");
      return {
        ok: true,
        state: {
          ...state,
          deliverables: state.deliverables.map((d) =>
            d.id === step.deliverableId ? { id: d.id, status: step.status, ...(step.status === "not_required" ? { reason } : {}) } : d,
          ),
        },
      };
    }
    case "request_review": {
      if (state.status === "review_requested") return refuse("A tollgate review has already been requested for this phase.");
      const outstanding = state.deliverables.filter((d) => !isDone(d));
      if (outstanding.length > 0) return refuse(`${outstanding.length} deliverable(s) are not yet ready or marked not required.`);
      return { ok: true, state: { ...state, status: "review_requested", reviews: [...state.reviews, { phase: state.phase, decision: null }] } };
    }
    case "decide": {
      if (state.status !== "review_requested") return refuse("There is no tollgate review awaiting a decision.");
      // Frozen since the request, but checked again: nothing decides a review on outstanding work.
      const outstanding = state.deliverables.filter((d) => !isDone(d));
      if (outstanding.length > 0) return refuse(`${outstanding.length} deliverable(s) are not ready or marked not required: the review cannot be decided.`);
      const reasons = step.reasons.trim();
      if (reasons === "") return refuse("Give the reasons for the decision.");
      const conditions = step.conditions ?? [];
      if (step.decision === "proceed_with_conditions") {
        if (conditions.length === 0) return refuse("Add at least one condition, with an owner and a due date.");
        if (conditions.some((c) => !c.description.trim() || !c.owner.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(c.dueOn))) {
          return refuse("Every condition needs a description, an owner and a due date.");
        }
      } else if (conditions.length > 0) {
        return refuse("Only a decision to proceed with conditions carries conditions.");
      }
      const decided = state.reviews.map((r, i) =>
        i === state.reviews.length - 1 ? { ...r, decision: step.decision, reasons, ...(conditions.length ? { conditions } : {}) } : r,
      );
      if (step.decision === "stop") return { ok: true, state: { ...state, status: "stopped", reviews: decided } };
      if (step.decision === "rework") return { ok: true, state: { ...state, status: "active", reviews: decided } };
      // Proceed: the last phase's review is the closure review.
      if (state.phase === state.phaseCount) return { ok: true, state: { ...state, status: "closed", reviews: decided } };
      // A new phase's deliverables all start not started, whatever the caller passed.
      const next = (step.nextDeliverables ?? []).map((d) => ({ id: d.id, status: "not_started" as const }));
      return { ok: true, state: { ...state, phase: state.phase + 1, status: "active", deliverables: next, reviews: decided } };
    }
  }
}
