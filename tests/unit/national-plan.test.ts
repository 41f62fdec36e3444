import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createRandom } from "@/lib/national/random";
import { planNationalDataSet } from "@/db/seed/national/plan";
import type { NationalPlan, NationalReference } from "@/db/seed/national/types";

// A stand-in for what the demo seed holds: BOB's 14 organisations in 3 footprints, the
// 2016 DMI's 14 domains and two periods (national averages for the first), an 8-phase
// lifecycle, 10 universal capabilities and 5 benefit categories.
function demoReference(): NationalReference {
  const r = createRandom(999);
  const footprintIds = [r.uuid(), r.uuid(), r.uuid()];
  const types = ["acute", "acute", "acute", "community_mental_health", "community_mental_health", "ambulance", "primary_care", "primary_care", "primary_care", "local_authority", "local_authority", "local_authority", "local_authority", "local_authority"];
  const periods = [
    { id: r.uuid(), code: "2016-BASELINE", name: "Baseline Feb-16", assessedOn: "2016-02-29" },
    { id: r.uuid(), code: "2017-REASSESSMENT", name: "Reassessment 2017", assessedOn: "2017-06-30" },
  ];
  const organisations = types.map((type, i) => ({ id: r.uuid(), type, footprintIds: type === "ambulance" ? footprintIds : [footprintIds[i % 3]!] }));
  return {
    bob: { systemId: r.uuid(), footprintIds, organisations },
    dmi: {
      frameworkId: r.uuid(),
      sections: [{ id: r.uuid(), code: "CAPABILITIES" }],
      domains: Array.from({ length: 14 }, (_, i) => ({ id: r.uuid(), code: `D${i + 1}` })),
      periods,
      periodsWithNationalAverages: [periods[0]!.id],
    },
    lifecycle: { id: r.uuid(), phases: Array.from({ length: 8 }, (_, i) => ({ number: i + 1, outputs: [`Output ${i + 1}a`, `Output ${i + 1}b`] })) },
    capabilityIds: Array.from({ length: 10 }, () => r.uuid()),
    benefitCategoryIds: Array.from({ length: 5 }, () => r.uuid()),
    passwordHash: "$argon2id$stand-in",
    // The six trusts' baseline assessments exist already.
    existingAssessments: new Set(organisations.slice(0, 6).map((o) => `${o.id}|${periods[0]!.id}`)),
  };
}

const digest = (plan: NationalPlan) => createHash("sha256").update(JSON.stringify(plan)).digest("hex");

describe("the national data set at scale 1", () => {
  const ref = demoReference();
  let plan: NationalPlan;
  beforeAll(() => {
    plan = planNationalDataSet(ref, { seed: 1, scale: 1 });
  });

  it("is as large as issue 8 asks, counting the demo's own rows", () => {
    expect(plan.systems.length + 1).toBeGreaterThanOrEqual(42);
    expect(plan.organisations.length + ref.bob.organisations.length).toBeGreaterThanOrEqual(1500);
    expect(plan.domainScores.length).toBeGreaterThanOrEqual(200_000);
    expect(plan.projects.length + 130).toBeGreaterThanOrEqual(5000);
    expect(plan.workstreams.length + 5).toBeGreaterThanOrEqual(200);
    const types = new Set(plan.organisations.map((o) => o.type));
    expect(types).toEqual(new Set(["multi_organisation", "acute", "community_mental_health", "ambulance", "local_authority", "primary_care"]));
  });

  it("has ten periods on two frameworks, the second framework larger than the DMI's 14 domains", () => {
    const byFramework = new Map<string, number>();
    for (const p of [...plan.assessmentPeriods, ...ref.dmi.periods.map((p) => ({ frameworkId: ref.dmi.frameworkId, ...p }))]) byFramework.set(p.frameworkId, (byFramework.get(p.frameworkId) ?? 0) + 1);
    expect([...byFramework.values()].reduce((a, b) => a + b, 0)).toBe(10);
    expect(byFramework.size).toBe(2);
    expect(plan.frameworkDomains.length).toBeGreaterThan(14);
    expect(plan.assessmentPeriods.filter((p) => p.isOpen)).toHaveLength(1);
  });

  it("is the same for the same seed and different for another", () => {
    expect(digest(planNationalDataSet(ref, { seed: 1, scale: 0.05 }))).toBe(digest(planNationalDataSet(ref, { seed: 1, scale: 0.05 })));
    expect(digest(planNationalDataSet(ref, { seed: 2, scale: 0.05 }))).not.toBe(digest(planNationalDataSet(ref, { seed: 1, scale: 0.05 })));
  });

  it("keeps every score within 0–100, one per domain of the assessment's framework, and no assessment twice", () => {
    const frameworkOfPeriod = new Map([...plan.assessmentPeriods.map((p) => [p.id!, p.frameworkId] as const), ...ref.dmi.periods.map((p) => [p.id, ref.dmi.frameworkId] as const)]);
    const frameworkOfDomain = new Map([...plan.frameworkDomains.map((d) => [d.id!, d.frameworkId] as const), ...ref.dmi.domains.map((d) => [d.id, ref.dmi.frameworkId] as const)]);
    const assessmentFramework = new Map(plan.assessments.map((a) => [a.id!, frameworkOfPeriod.get(a.periodId)]));
    const domainsOf = new Map<string, number>();
    for (const f of frameworkOfDomain.values()) domainsOf.set(f, (domainsOf.get(f) ?? 0) + 1);
    const perAssessment = new Map<string, number>();
    // Collected, not asserted one by one: 300,000 expect() calls take seconds.
    const bad = plan.domainScores.filter((s) => !(Number.isInteger(s.score) && s.score >= 0 && s.score <= 100) || frameworkOfDomain.get(s.domainId) !== assessmentFramework.get(s.assessmentId));
    expect(bad).toEqual([]);
    for (const s of plan.domainScores) perAssessment.set(s.assessmentId, (perAssessment.get(s.assessmentId) ?? 0) + 1);
    expect(plan.assessments.filter((a) => perAssessment.get(a.id!) !== domainsOf.get(assessmentFramework.get(a.id!)!))).toEqual([]);
    const keys = plan.assessments.map((a) => `${a.organisationId}|${a.periodId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => ref.existingAssessments.has(k))).toEqual([]);
    expect(plan.assessments.some((a) => ref.bob.organisations.some((o) => o.id === a.organisationId))).toBe(true);
  });

  it("records every assessment and target in the history with what it holds", () => {
    const imported = plan.auditLog.filter((e) => e.action === "assessment.imported");
    expect(imported.map((e) => e.entityId).sort()).toEqual(plan.assessments.map((a) => a.id).sort());
    const set = new Map(plan.auditLog.filter((e) => e.action === "target.set").map((e) => [e.entityId, e.after as { score: number }]));
    expect(set.size).toBe(plan.targets.length);
    for (const t of plan.targets) expect(set.get(t.id!)!.score).toBe(t.score);
  });

  it("sets targets for every footprint, the demo's included, and every synthetic system", () => {
    const withTargets = new Set(plan.targets.map((t) => t.footprintId ?? t.systemId));
    for (const f of [...plan.footprints.map((f) => f.id!), ...ref.bob.footprintIds]) expect(withTargets.has(f)).toBe(true);
    for (const s of plan.systems) expect(withTargets.has(s.id!)).toBe(true);
    const keys = plan.targets.map((t) => `${t.footprintId ?? t.systemId}|${t.domainId}|${t.financialYear}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("takes each workstream through its phases in order, a passed review for every phase before the current one", () => {
    for (const w of plan.workstreams) {
      const reviews = plan.tollgateReviews.filter((r) => r.workstreamId === w.id).sort((a, b) => a.requestedAt!.getTime() - b.requestedAt!.getTime());
      const passed = reviews.filter((r) => r.decision === "proceed" || r.decision === "proceed_with_conditions").map((r) => r.phase);
      const expected = Array.from({ length: w.phase! - 1 + (w.status === "closed" ? 1 : 0) }, (_, i) => i + 1);
      expect(passed).toEqual(expected);
      expect(reviews.filter((r) => !r.decision)).toHaveLength(w.status === "review_requested" ? 1 : 0);
      for (const r of reviews.filter((r) => r.decision)) {
        expect(r.heldOn! <= "2026-12-01").toBe(true);
        expect(r.reasons!.trim()).not.toBe("");
      }
      expect(Math.max(...plan.deliverables.filter((d) => d.workstreamId === w.id).map((d) => d.phase))).toBe(w.phase);
    }
  });

  it("refers only to rows that exist, in the plan or the demo", () => {
    const ids = new Set<string>([
      ...Object.values(plan).flatMap((rows: { id?: string }[]) => rows.map((r) => r.id).filter((id): id is string => typeof id === "string")),
      ref.bob.systemId, ...ref.bob.footprintIds, ...ref.bob.organisations.map((o) => o.id), ref.dmi.frameworkId,
      ...ref.dmi.domains.map((d) => d.id), ...ref.dmi.periods.map((p) => p.id), ref.lifecycle.id, ...ref.capabilityIds, ...ref.benefitCategoryIds,
    ]);
    const foreignKeys = /^(systemId|footprintId|organisationId|frameworkId|sectionId|domainId|periodId|userId|assessmentId|programmeId|projectId|capabilityId|categoryId|workstreamId|lifecycleId|goalId|reviewId|leadUserId|requestedById|decidedById|closedById)$/;
    let checked = 0;
    const dangling: string[] = [];
    for (const [table, rows] of Object.entries(plan) as [string, Record<string, unknown>[]][]) {
      const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => foreignKeys.test(k));
      for (const row of rows) {
        for (const key of keys) {
          const value = row[key];
          if (value === null || value === undefined) continue;
          checked++;
          if (!ids.has(value as string)) dangling.push(`${table}.${key} = ${String(value)}`);
        }
      }
    }
    expect(dangling).toEqual([]);
    expect(checked).toBeGreaterThan(500_000);
  });

  it("names every organisation uniquely", () => {
    const names = plan.organisations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("refuses a seed or scale it cannot use", () => {
    expect(() => planNationalDataSet(ref, { seed: -1, scale: 1 })).toThrow(/--seed/);
    expect(() => planNationalDataSet(ref, { seed: 1, scale: 0 })).toThrow(/--scale/);
    expect(() => planNationalDataSet(ref, { seed: 1, scale: Number.NaN })).toThrow(/--scale/);
  });
});
