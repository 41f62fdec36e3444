// STP goals and five workstreams per synthetic system, each somewhere in the stage-gate
// lifecycle with the tollgate reviews that brought it there (reworks, conditions, a few
// stopped or closed, some awaiting the board's decision).
import { addDays } from "@/lib/dates";
import type { Random } from "@/lib/national/random";
import { GENERATED_ON } from "./plan-portfolio";
import type { PlannedSystem } from "./plan-places";
import type { NationalPlan, NationalReference } from "./types";

const goals = [
  ["CARE", "Care closer to home", "More care planned and given in the community"],
  ["PREVENT", "Prevention and population health", "Find and support people at risk earlier"],
  ["URGENT", "Urgent and emergency care", "The right urgent care first time"],
  ["WORKFORCE", "A sustainable workforce", "Tools that give staff time back"],
] as const;
export const workstreamTemplates = [
  ["RECORDS", "Records and care planning"],
  ["CITIZEN", "Citizen-facing services"],
  ["INTELLIGENCE", "Intelligence and analytics"],
  ["INFRASTRUCTURE", "Infrastructure"],
  ["IG", "Information governance"],
] as const;
const itemStatuses = ["not_started", "in_progress", "in_progress", "achieved", "at_risk"] as const;

export function planWorkstreams(plan: NationalPlan, random: Random, ref: NationalReference, system: PlannedSystem): void {
  const goalIds = goals.map(([code, name, description], i) => {
    const id = random.uuid();
    plan.stpGoals.push({ id, systemId: system.id, code, position: i + 1, name, description });
    return id;
  });
  const phases = ref.lifecycle.phases;
  const last = phases.length;
  workstreamTemplates.forEach(([code, name], position) => {
    const id = random.uuid();
    const phase = random.int(1, last);
    const roll = random.next();
    const status = phase === last && roll < 0.4 ? "closed" : roll < 0.05 ? "stopped" : roll < 0.3 ? "review_requested" : "active";
    const lead = random.pick(system.users.ccio);
    // Each passed phase took 60–150 days; the latest decision falls before the generation date.
    const reviews: { phase: number; decision: "proceed" | "proceed_with_conditions" | "rework" | "stop" }[] = [];
    for (let p = 1; p < phase; p++) {
      if (random.chance(0.15)) reviews.push({ phase: p, decision: "rework" });
      reviews.push({ phase: p, decision: random.chance(0.3) ? "proceed_with_conditions" : "proceed" });
    }
    if (status === "closed") reviews.push({ phase, decision: "proceed" });
    if (status === "stopped") reviews.push({ phase, decision: "stop" });
    const gaps = reviews.map(() => random.int(60, 150));
    let day = addDays(GENERATED_ON, -(gaps.reduce((a, b) => a + b, 0) + random.int(30, 60)));
    plan.workstreams.push({
      id,
      systemId: system.id,
      lifecycleId: ref.lifecycle.id,
      code,
      position: position + 1,
      name,
      vision: `${name} that serve everyone in ${system.name}.`,
      leadUserId: lead,
      phase,
      status,
      nextReviewOn: status === "active" ? addDays(GENERATED_ON, random.int(14, 90)) : null,
    });
    for (const f of random.sample(system.footprints, random.int(1, system.footprints.length))) plan.workstreamFootprints.push({ workstreamId: id, footprintId: f.id });
    for (const goalId of random.sample(goalIds, random.int(1, 2))) plan.workstreamGoals.push({ workstreamId: id, goalId, examples: [`${name} supports this goal`] });
    for (const kind of ["objective", "requirement"] as const) {
      for (let i = 1; i <= 3; i++) plan.workstreamItems.push({ workstreamId: id, kind, position: i, text: `${name} ${kind} ${i}`, status: random.pick(itemStatuses) });
    }
    for (const p of phases.filter((ph) => ph.number <= phase)) {
      const current = p.number === phase && status !== "closed";
      p.outputs.forEach((output, i) => {
        const skipped = !current && random.chance(0.05);
        const deliverableStatus = skipped ? "not_required" : !current || status === "review_requested" ? "ready" : random.pick(["not_started", "in_progress", "ready"] as const);
        plan.deliverables.push({ workstreamId: id, phase: p.number, position: i + 1, name: output, status: deliverableStatus, reason: skipped ? "Covered by the system-wide business case" : null });
      });
    }
    reviews.forEach((review, i) => {
      day = addDays(day, gaps[i]!);
      const reviewId = random.uuid();
      const heldOn = addDays(day, random.int(7, 21));
      plan.tollgateReviews.push({
        id: reviewId,
        workstreamId: id,
        phase: review.phase,
        requestedById: lead,
        requestedAt: new Date(`${day}T10:00:00Z`),
        heldOn,
        decision: review.decision,
        reasons: review.decision === "rework" ? "Outputs incomplete: come back with the benefits case." : review.decision === "stop" ? "No longer affordable this year." : "Outputs complete and assured.",
        decidedById: system.users.board[0]!,
        decidedAt: new Date(`${heldOn}T17:00:00Z`),
      });
      for (const userId of random.sample(system.users.board, random.int(2, 3))) plan.reviewAttendees.push({ reviewId, userId, recommendation: review.decision });
      if (review.decision === "proceed_with_conditions") {
        for (let c = 1; c <= random.int(1, 2); c++) {
          const dueOn = addDays(heldOn, random.int(30, 90));
          const closed = dueOn < GENERATED_ON && random.chance(0.85);
          plan.reviewConditions.push({
            id: random.uuid(),
            reviewId,
            workstreamId: id,
            position: c,
            description: `Condition ${c}: confirm the clinical safety case`,
            owner: "Workstream lead",
            dueOn,
            closedAt: closed ? new Date(`${dueOn}T12:00:00Z`) : null,
            closedById: closed ? lead : null,
            closureNote: closed ? "Evidence filed with the programme office." : null,
          });
        }
      }
    });
    if (status === "review_requested") {
      plan.tollgateReviews.push({ id: random.uuid(), workstreamId: id, phase, requestedById: lead, requestedAt: new Date(`${addDays(GENERATED_ON, -random.int(1, 20))}T10:00:00Z`) });
    }
  });
}
