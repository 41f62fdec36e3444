// Unit tests for lib/assessment-workflow.ts: the assessment lifecycle.
import { describe, expect, it } from "vitest";
import {
  applyTransition,
  assessmentStatusLabels,
  assessmentStatuses,
  isEditable,
  transitions,
  type AssessmentStatus,
  type Transition,
} from "@/lib/assessment-workflow";
import { actions } from "@/lib/permissions";

// Every status × transition: the status it leads to, or null when it is not allowed.
const expected: Record<AssessmentStatus, Record<Transition, AssessmentStatus | null>> = {
  draft: { submit: "submitted", approve: null, return: null, reopen: null },
  submitted: { submit: null, approve: "approved", return: "draft", reopen: null },
  approved: { submit: null, approve: null, return: null, reopen: "draft" },
};

const transitionNames = Object.keys(transitions) as Transition[];

describe("applyTransition", () => {
  it("the table covers every status and transition", () => {
    expect(Object.keys(expected).sort()).toEqual([...assessmentStatuses].sort());
    expect(transitionNames.sort()).toEqual(["approve", "reopen", "return", "submit"]);
  });

  const cases = assessmentStatuses.flatMap((status) =>
    (["submit", "approve", "return", "reopen"] as const).map((t) => [status, t, expected[status][t]] as const),
  );

  it.each(cases)("%s + %s → %s", (status, transition, to) => {
    const result = applyTransition(status, transition);
    if (to === null) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      // The reason names the current status…
      expect(result.reason).toContain(`is ${assessmentStatusLabels[status].toLowerCase()}`);
      // …what was attempted, and which status would have allowed it.
      expect(result.reason).toContain(transitions[transition].verb);
      expect(result.reason).toContain(`only a ${transitions[transition].from} assessment can`);
      expect(result).not.toHaveProperty("to");
    } else {
      expect(result).toEqual({ ok: true, to });
    }
  });

  it("gives a readable reason", () => {
    expect(applyTransition("approved", "submit")).toEqual({
      ok: false,
      reason: "This assessment is approved, so it cannot be submitted: only a draft assessment can.",
    });
    expect(applyTransition("draft", "return")).toEqual({
      ok: false,
      reason: "This assessment is draft, so it cannot be returned for changes: only a submitted assessment can.",
    });
  });

  it("exactly four (status, transition) pairs are allowed", () => {
    const allowed = cases.filter(([s, t]) => applyTransition(s, t).ok).map(([s, t]) => `${s}:${t}`);
    expect(allowed.sort()).toEqual(["approved:reopen", "draft:submit", "submitted:approve", "submitted:return"]);
  });

  it("every transition is guarded by a real permission action", () => {
    for (const t of Object.values(transitions)) {
      expect(actions).toContain(t.action);
    }
    expect(transitions.submit.action).toBe("assessment.submit");
    expect(transitions.approve.action).toBe("assessment.approve");
    expect(transitions.return.action).toBe("assessment.return");
    expect(transitions.reopen.action).toBe("assessment.reopen");
  });
});

describe("isEditable", () => {
  it.each([
    ["draft", true],
    ["submitted", false],
    ["approved", false],
  ] as const)("%s → %s", (status, editable) => {
    expect(isEditable(status)).toBe(editable);
  });
});
