import type { Action } from "./permissions";

export const assessmentStatuses = ["draft", "submitted", "approved"] as const;
/** The statuses whose scores are reported: heatmaps, trajectories, benchmarks and the API count these, never drafts. */
export const reportedStatuses = ["submitted", "approved"] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const assessmentStatusLabels: Record<AssessmentStatus, string> = {
  draft: "Draft",
  submitted: "Submitted",
  approved: "Approved",
};

// The assessment lifecycle: a CIO edits a draft and submits it; a board member or admin
// approves it or returns it for changes; an admin may reopen an approved one.
export const transitions = {
  submit: { from: "draft", to: "submitted", action: "assessment.submit", verb: "submitted" },
  approve: { from: "submitted", to: "approved", action: "assessment.approve", verb: "approved" },
  return: { from: "submitted", to: "draft", action: "assessment.return", verb: "returned for changes" },
  reopen: { from: "approved", to: "draft", action: "assessment.reopen", verb: "reopened" },
} as const satisfies Record<string, { from: AssessmentStatus; to: AssessmentStatus; action: Action; verb: string }>;
export type Transition = keyof typeof transitions;

/** The status a transition leads to, or the reason it cannot happen now. */
export function applyTransition(
  current: AssessmentStatus,
  transition: Transition,
): { ok: true; to: AssessmentStatus } | { ok: false; reason: string } {
  const t = transitions[transition];
  if (t.from !== current) {
    return {
      ok: false,
      reason: `This assessment is ${assessmentStatusLabels[current].toLowerCase()}, so it cannot be ${t.verb}: only a ${assessmentStatusLabels[t.from].toLowerCase()} assessment can.`,
    };
  }
  return { ok: true, to: t.to };
}

export function isEditable(status: AssessmentStatus): boolean {
  return status === "draft";
}
