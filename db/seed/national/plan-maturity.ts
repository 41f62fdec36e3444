// The second framework, the added periods, every assessable organisation's scores with
// their history, the national averages and targets for every footprint and system.
import { clampScore, type Random } from "@/lib/national/random";
import type { PlannedOrganisation, PlannedSystem } from "./plan-places";
import { dma2023, dmaPeriods, dmaTargetYears, dmiTargetYears, extraDmiPeriods } from "./reference-data";
import type { NationalPlan, NationalReference } from "./types";

interface Period {
  id: string;
  code: string;
  name: string;
  assessedOn: string;
  isOpen: boolean;
  frameworkId: string;
}
interface FrameworkShape {
  id: string;
  domainIds: string[];
  periods: Period[];
  /** The year growth is counted from. */
  firstYear: number;
}
export interface MaturityShape {
  dmi: FrameworkShape;
  dma: FrameworkShape & { sectionIds: Map<string, string> };
}

export function planFrameworks(plan: NationalPlan, random: Random, ref: NationalReference): MaturityShape {
  const dmaId = random.uuid();
  plan.frameworks.push({ id: dmaId, code: dma2023.code, name: dma2023.name, version: dma2023.version, publishedOn: dma2023.publishedOn });
  const domainIds: string[] = [];
  const sectionIds = new Map<string, string>();
  let position = 0;
  dma2023.sections.forEach((section, i) => {
    const sectionId = random.uuid();
    sectionIds.set(section.code, sectionId);
    plan.frameworkSections.push({ id: sectionId, frameworkId: dmaId, code: section.code, name: section.name, position: i + 1 });
    section.domains.forEach((name, j) => {
      const id = random.uuid();
      domainIds.push(id);
      plan.frameworkDomains.push({ id, frameworkId: dmaId, sectionId, code: `${section.code}-${j + 1}`, name, shortName: name, position: ++position });
    });
  });
  const added = (frameworkId: string, p: { code: string; name: string; assessedOn: string }, isOpen: boolean): Period => {
    const period = { id: random.uuid(), ...p, isOpen, frameworkId };
    plan.assessmentPeriods.push({ id: period.id, frameworkId, code: p.code, name: p.name, assessedOn: p.assessedOn, isOpen });
    return period;
  };
  const dmiPeriods: Period[] = [
    ...ref.dmi.periods.map((p) => ({ ...p, isOpen: false, frameworkId: ref.dmi.frameworkId })),
    ...extraDmiPeriods.map((p) => added(ref.dmi.frameworkId, p, false)),
  ];
  const dmaPeriodRows = dmaPeriods.map((p, i) => added(dmaId, p, i === dmaPeriods.length - 1));
  return {
    dmi: { id: ref.dmi.frameworkId, domainIds: ref.dmi.domains.map((d) => d.id), periods: dmiPeriods, firstYear: 2016 },
    dma: { id: dmaId, domainIds, periods: dmaPeriodRows, firstYear: 2021, sectionIds },
  };
}

const at = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000);

/**
 * Scores for every organisation but local authorities (which the frameworks do not assess),
 * in every period, except where an assessment exists already. Trusts and boards always
 * return; nine primary care networks in ten do. A provider's score is its own level, the
 * domain's national level, its own strength in the domain, yearly growth and noise.
 */
export function planScores(plan: NationalPlan, random: Random, shape: MaturityShape, ref: NationalReference, organisations: PlannedOrganisation[]): void {
  const periodNames = new Map(plan.assessmentPeriods.map((p) => [p.id, p.name]));
  for (const framework of [shape.dmi, shape.dma]) {
    const domainLevel = framework.domainIds.map(() => random.int(-15, 15));
    for (const organisation of organisations) {
      if (organisation.type === "local_authority") continue;
      const level = random.int(25, 65);
      const growth = random.int(2, 7);
      const strength = framework.domainIds.map(() => random.int(-10, 10));
      for (const period of framework.periods) {
        if (ref.existingAssessments.has(`${organisation.id}|${period.id}`)) continue;
        if (organisation.type === "primary_care" && !random.chance(0.9)) continue;
        const status = period.isOpen ? random.pick(["draft", "submitted", "approved", "approved"] as const) : "approved";
        const createdAt = at(period.assessedOn, random.int(-20, -5));
        const submittedAt = status === "draft" ? null : at(period.assessedOn, random.int(-4, 0));
        const approvedAt = status === "approved" ? at(period.assessedOn, random.int(1, 20)) : null;
        const id = random.uuid();
        plan.assessments.push({ id, organisationId: organisation.id, periodId: period.id, status, createdAt, updatedAt: approvedAt ?? submittedAt ?? createdAt, submittedAt, approvedAt });
        const years = Number(period.assessedOn.slice(0, 4)) - framework.firstYear;
        const scores: Record<string, number> = {};
        framework.domainIds.forEach((domainId, d) => {
          const score = clampScore(level + domainLevel[d]! + strength[d]! + years * growth + random.int(-4, 4));
          scores[domainId] = score;
          plan.domainScores.push({ assessmentId: id, domainId, score });
        });
        plan.auditLog.push({
          at: approvedAt ?? submittedAt ?? createdAt,
          action: "assessment.imported",
          entityType: "assessment",
          entityId: id,
          organisationId: organisation.id,
          after: { status, period: periodNames.get(period.id) ?? period.name, scores },
        });
      }
    }
  }
}

/** Each period's national average per domain: the mean of the approved scores (periods that have none yet). */
export function planNationalAverages(plan: NationalPlan, ref: NationalReference): void {
  const approved = new Map(plan.assessments.filter((a) => a.status === "approved").map((a) => [a.id!, a.periodId]));
  const sums = new Map<string, { periodId: string; domainId: string; sum: number; n: number }>();
  for (const s of plan.domainScores) {
    const periodId = approved.get(s.assessmentId);
    if (!periodId || ref.dmi.periodsWithNationalAverages.includes(periodId)) continue;
    const key = `${periodId}|${s.domainId}`;
    const entry = sums.get(key) ?? { periodId, domainId: s.domainId, sum: 0, n: 0 };
    entry.sum += s.score;
    entry.n++;
    sums.set(key, entry);
  }
  for (const e of sums.values()) plan.nationalAverages.push({ periodId: e.periodId, domainId: e.domainId, score: Math.round(e.sum / e.n) });
}

/**
 * Targets rising from where each place stood: for every footprint on the second framework
 * (the demo's footprints too), for every synthetic footprint on the 2016 DMI, and for every
 * synthetic system on the second framework. Each is in the history as set.
 */
export function planTargets(plan: NationalPlan, random: Random, shape: MaturityShape, ref: NationalReference, systems: PlannedSystem[]): void {
  const scoresByOrgPeriod = new Map<string, Map<string, number>>();
  const assessment = new Map(plan.assessments.map((a) => [a.id!, `${a.organisationId}|${a.periodId}`]));
  for (const s of plan.domainScores) {
    const key = assessment.get(s.assessmentId)!;
    let m = scoresByOrgPeriod.get(key);
    if (!m) scoresByOrgPeriod.set(key, (m = new Map()));
    m.set(s.domainId, s.score);
  }
  const meanOf = (organisationIds: string[], periodId: string, domainId: string) => {
    const values = organisationIds.map((o) => scoresByOrgPeriod.get(`${o}|${periodId}`)?.get(domainId)).filter((v): v is number => v !== undefined);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 50;
  };
  const add = (scope: "system" | "footprint", scopeId: string, organisationIds: string[], framework: FrameworkShape, periodId: string, years: readonly number[]) => {
    const setOn = new Date(Date.UTC(years[0]!, 0, 31, 12));
    for (const domainId of framework.domainIds) {
      let score = meanOf(organisationIds, periodId, domainId);
      for (const financialYear of years) {
        score = Math.min(100, score + random.int(3, 9));
        const id = random.uuid();
        const target = { id, scope, systemId: scope === "system" ? scopeId : null, footprintId: scope === "footprint" ? scopeId : null, domainId, financialYear, score: clampScore(score), updatedAt: setOn };
        plan.targets.push(target);
        plan.auditLog.push({ at: setOn, action: "target.set", entityType: "target", entityId: id, before: null, after: { scope, scopeId, domainId, financialYear, score: target.score } });
      }
    }
  };
  const dmiBaseline = shape.dmi.periods[0]!.id;
  const lastClosedDma = shape.dma.periods.filter((p) => !p.isOpen).at(-1)!.id;
  const orgsIn = (organisations: { id: string; footprintIds: string[] }[], footprintId: string) => organisations.filter((o) => o.footprintIds.includes(footprintId)).map((o) => o.id);
  for (const footprintId of ref.bob.footprintIds) add("footprint", footprintId, orgsIn(ref.bob.organisations, footprintId), shape.dma, lastClosedDma, dmaTargetYears);
  for (const system of systems) {
    for (const footprint of system.footprints) {
      const members = orgsIn(system.organisations, footprint.id);
      add("footprint", footprint.id, members, shape.dma, lastClosedDma, dmaTargetYears);
      add("footprint", footprint.id, members, shape.dmi, dmiBaseline, dmiTargetYears);
    }
    add("system", system.id, system.organisations.map((o) => o.id), shape.dma, lastClosedDma, dmaTargetYears);
    plan.sectionGoals.push({
      id: random.uuid(),
      sectionId: shape.dma.sectionIds.get("CARE")!,
      systemId: system.id,
      description: "Every care domain at or above 75% by end 2027/28",
      threshold: 75,
      tolerance: 3,
      financialYear: 2027,
    });
  }
}
