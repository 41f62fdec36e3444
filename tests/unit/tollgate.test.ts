import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyStep, decisions, deliverableStatuses, isDone, type Condition, type Deliverable, type Step, type WorkstreamState } from "@/lib/tollgate";

const deliverables = (ids: string[]) => ids.map((id) => ({ id, status: "not_started" as const }));
const start = (phaseCount = 8): WorkstreamState => ({ phase: 1, phaseCount, status: "active", deliverables: deliverables(["charter", "case"]), reviews: [] });

function run(state: WorkstreamState, steps: Step[]): WorkstreamState {
  return steps.reduce((s, step) => {
    const r = applyStep(s, step);
    if (!r.ok) throw new Error(r.reason);
    return r.state;
  }, state);
}

const ready: Step[] = [
  { type: "set_deliverable", deliverableId: "charter", status: "ready" },
  { type: "set_deliverable", deliverableId: "case", status: "not_required", reason: "Covered by the STP case" },
];

describe("the tollgate lifecycle", () => {
  it("refuses a review while any deliverable is outstanding, then takes a proceed into the next phase", () => {
    expect(applyStep(start(), { type: "request_review" })).toEqual({ ok: false, reason: "2 deliverable(s) are not yet ready or marked not required." });
    const requested = run(start(), [...ready, { type: "request_review" }]);
    expect(requested.status).toBe("review_requested");
    const next = run(requested, [{ type: "decide", decision: "proceed", reasons: "Charter agreed", nextDeliverables: deliverables(["vision"]) }]);
    expect(next).toMatchObject({ phase: 2, status: "active", deliverables: [{ id: "vision", status: "not_started" }] });
    expect(next.reviews).toEqual([{ phase: 1, decision: "proceed", reasons: "Charter agreed" }]);
  });

  it("needs a reason to mark a deliverable not required, and freezes deliverables while a review is pending", () => {
    expect(applyStep(start(), { type: "set_deliverable", deliverableId: "case", status: "not_required", reason: " " }).ok).toBe(false);
    const requested = run(start(), [...ready, { type: "request_review" }]);
    expect(applyStep(requested, { type: "set_deliverable", deliverableId: "charter", status: "in_progress" })).toMatchObject({ ok: false });
    expect(applyStep(requested, { type: "request_review" })).toMatchObject({ ok: false });
  });

  it("requires reasons, and conditions with an owner and a due date for 'proceed with conditions'", () => {
    const requested = run(start(), [...ready, { type: "request_review" }]);
    expect(applyStep(requested, { type: "decide", decision: "proceed", reasons: "" })).toMatchObject({ ok: false, reason: "Give the reasons for the decision." });
    expect(applyStep(requested, { type: "decide", decision: "proceed_with_conditions", reasons: "ok" })).toMatchObject({ ok: false });
    expect(applyStep(requested, { type: "decide", decision: "proceed_with_conditions", reasons: "ok", conditions: [{ description: "Sign ISA", owner: "", dueOn: "2017-03-31" }] })).toMatchObject({ ok: false });
    const withCondition = applyStep(requested, { type: "decide", decision: "proceed_with_conditions", reasons: "ok", conditions: [{ description: "Sign ISA", owner: "IG lead", dueOn: "2017-03-31" }] });
    expect(withCondition).toMatchObject({ ok: true, state: { phase: 2 } });
  });

  it("keeps the phase on rework, ends on stop, and closes after the last phase's review", () => {
    const requested = run(start(), [...ready, { type: "request_review" }]);
    expect(run(requested, [{ type: "decide", decision: "rework", reasons: "Case too thin" }])).toMatchObject({ phase: 1, status: "active" });
    const stopped = run(requested, [{ type: "decide", decision: "stop", reasons: "Superseded" }]);
    expect(applyStep(stopped, { type: "request_review" })).toMatchObject({ ok: false });
    const last = run({ ...start(1) }, [...ready, { type: "request_review" }, { type: "decide", decision: "proceed", reasons: "Closure review passed" }]);
    expect(last).toMatchObject({ phase: 1, status: "closed" });
  });

  it("decides no review whose deliverables are not all done, even if they changed behind the freeze", () => {
    const requested = run(start(), [...ready, { type: "request_review" }]);
    const tampered: WorkstreamState = { ...requested, deliverables: [{ id: "charter", status: "in_progress" }, requested.deliverables[1]!] };
    for (const decision of decisions) {
      expect(applyStep(tampered, { type: "decide", decision, reasons: "x", ...(decision === "proceed_with_conditions" ? { conditions: [validCondition] } : {}) })).toEqual({
        ok: false,
        reason: "1 deliverable(s) are not ready or marked not required: the review cannot be decided.",
      });
    }
  });

  it("opens the next phase with its deliverables not started, whatever the caller passed", () => {
    const requested = run(start(), [...ready, { type: "request_review" }]);
    const next = run(requested, [{ type: "decide", decision: "proceed", reasons: "ok", nextDeliverables: [{ id: "vision", status: "ready" }] }]);
    expect(next.deliverables).toEqual([{ id: "vision", status: "not_started" }]);
  });

  it("never decides a review twice", () => {
    const decided = run(start(), [...ready, { type: "request_review" }, { type: "decide", decision: "rework", reasons: "x" }]);
    expect(applyStep(decided, { type: "decide", decision: "proceed", reasons: "y" })).toMatchObject({ ok: false, reason: "There is no tollgate review awaiting a decision." });
  });
});

// Any sequence of steps, valid or not: the rules must hold throughout. Weighted towards
// steps that make progress, so that runs reach proceeds and closures, not just refusals.
const setDeliverable: fc.Arbitrary<Step> = fc.record({
  type: fc.constant("set_deliverable" as const),
  deliverableId: fc.constantFrom("a", "b", "c", "missing"),
  status: fc.oneof({ arbitrary: fc.constant("ready" as const), weight: 3 }, { arbitrary: fc.constantFrom(...deliverableStatuses), weight: 1 }),
  reason: fc.oneof({ arbitrary: fc.constant("not needed"), weight: 3 }, { arbitrary: fc.constantFrom("", " "), weight: 1 }),
});
const validCondition = { description: "Sign the ISA", owner: "IG lead", dueOn: "2017-01-01" };
const decide = fc.record({
  type: fc.constant("decide" as const),
  decision: fc.constantFrom(...decisions),
  reasons: fc.oneof({ arbitrary: fc.constant("because"), weight: 4 }, { arbitrary: fc.constantFrom("", "  "), weight: 1 }),
  conditions: fc.oneof(
    { arbitrary: fc.constant<Condition[] | undefined>(undefined), weight: 2 },
    { arbitrary: fc.constant<Condition[]>([validCondition]), weight: 2 },
    { arbitrary: fc.constant<Condition[]>([{ ...validCondition, owner: "" }, { ...validCondition, dueOn: "soon" }]), weight: 1 },
  ),
  nextDeliverables: fc.constant<Deliverable[]>([
    { id: "a", status: "not_started" },
    { id: "b", status: "not_started" },
  ]),
});
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: setDeliverable, weight: 5 },
  { arbitrary: fc.constant<Step>({ type: "request_review" }), weight: 2 },
  { arbitrary: decide as fc.Arbitrary<Step>, weight: 2 },
);

describe("the lifecycle under any sequence of steps (property)", () => {
  it("never skips or goes back a phase, never decides a review twice, never proceeds with deliverables not ready", () => {
    // Proof the random runs reach the interesting paths, not just refusals.
    let proceeded = 0;
    let closed = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(stepArb, { minLength: 10, maxLength: 80, size: "max" }), (phaseCount, steps) => {
        let state: WorkstreamState = { phase: 1, phaseCount, status: "active", deliverables: deliverables(["a", "b", "c"]), reviews: [] };
        for (const step of steps) {
          const result = applyStep(state, step);
          if (!result.ok) continue;
          const next = result.state;
          expect(next.phase - state.phase).toBeGreaterThanOrEqual(0);
          expect(next.phase - state.phase).toBeLessThanOrEqual(1);
          expect(next.phase).toBeLessThanOrEqual(phaseCount);
          // Decided reviews never change again.
          state.reviews.forEach((r, i) => {
            if (r.decision) expect(next.reviews[i]).toEqual(r);
          });
          expect(next.reviews.filter((r) => r.decision === null).length).toBeLessThanOrEqual(1);
          if (step.type === "request_review") expect(state.deliverables.every(isDone)).toBe(true);
          if (next.phase > state.phase || next.status === "closed") {
            // Proceeding needs a review requested, which needed every deliverable done and frozen since.
            expect(state.status).toBe("review_requested");
            expect(state.deliverables.every(isDone)).toBe(true);
          }
          if (state.status === "stopped" || state.status === "closed") throw new Error("a terminal state changed");
          if (next.phase > state.phase) proceeded++;
          if (next.status === "closed") closed++;
          state = next;
        }
      }),
      { numRuns: 500 },
    );
    expect(proceeded).toBeGreaterThan(50);
    expect(closed).toBeGreaterThan(5);
  });
});
