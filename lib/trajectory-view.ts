import type { TargetState } from "./as-at";
import { dayNumber, financialYearEnd } from "./financial-year";
import { groupBy } from "./group-by";
import { mean } from "./maturity";
import { roundToScale, type Scale } from "./scale";
import { assessTrajectory, meetsGoal, type Actual, type Target, type TrajectoryAssessment, type TrajectoryStatus } from "./trajectory";

export interface ScoreRow {
  organisationId: string;
  periodId: string;
  date: string;
  domainId: string;
  score: number;
}

/**
 * A scope's actual per period, from one domain's rows of its providers in date order: the
 * mean over its providers of each one's latest reported score by that period. Carrying a
 * provider's previous score forward until it reports again keeps the mean from jumping
 * with who happens to have reported.
 */
function actualsOf(relevant: readonly ScoreRow[]): Actual[] {
  const latest = new Map<string, number>();
  const actuals: Actual[] = [];
  for (const [i, r] of relevant.entries()) {
    latest.set(r.organisationId, r.score);
    if (relevant[i + 1]?.date !== r.date) actuals.push({ date: r.date, value: mean([...latest.values()])! });
  }
  return actuals;
}

// Sorts the array it is given, in place (each caller's own copy): a stable sort, so rows of
// one date keep their order and the later of two wins, as before.
const sortByDate = (rows: ScoreRow[]) => rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

const pair = (a: string, b: string) => `${a}\u0000${b}`;

/** Targets by scope and domain, read many times per page: grouped once (a page builds up to thousands of trajectories). */
function targetIndex(targets: readonly TargetState[]): (scopeId: string, domainId: string) => Target[] {
  const groups = groupBy(targets, (t) => pair(t.scopeId, t.domainId));
  return (scopeId, domainId) => (groups.get(pair(scopeId, domainId)) ?? []).map((t) => ({ financialYear: t.financialYear, value: t.score }));
}

/** A target as its edit form needs it. */
export interface EditableTarget {
  id: string;
  version: number;
  /** The year it starts: 2019 for 2019/20. */
  financialYear: number;
  score: number;
}

/**
 * A scope's own targets that can be changed, per domain, by year: those read with their
 * version (the present's; the past is read-only).
 */
export function editableTargetsByDomain(targets: readonly (TargetState & { version?: number })[], scopeId: string): Map<string, EditableTarget[]> {
  const editable = targets
    .flatMap((t) => (t.scopeId === scopeId && t.version != null ? [{ domainId: t.domainId, id: t.id, version: t.version, financialYear: t.financialYear, score: t.score }] : []))
    .sort((a, b) => a.financialYear - b.financialYear);
  return groupBy(editable, (t) => t.domainId, ({ id, version, financialYear, score }) => ({ id, version, financialYear, score }));
}

export interface GoalRule {
  threshold: number;
  tolerance: number;
  financialYear: number;
  domainIds: ReadonlySet<string>;
}

export interface DomainTrajectory {
  domainId: string;
  /** The framework's scale, which every figure of it is printed on. */
  scale: Scale;
  actuals: Actual[];
  targets: Target[];
  national: Actual[];
  assessment: TrajectoryAssessment;
  goal: { expected: number | null; meets: boolean | null } | null;
}

const severity: Record<TrajectoryStatus, number> = { "off-track": 0, "at-risk": 1, "no-data": 2, "on-track": 3, "no-target": 4 };

/**
 * Every domain's path for a scope, ordered for a board: domains projected to miss the
 * section goal first, then off track, at risk, and the rest, each group in framework order.
 */
export function buildDomainTrajectories({
  domainIds,
  rows,
  national,
  targets,
  scopeId,
  organisationIds,
  asAt,
  goal,
  scale,
}: {
  scale: Scale;
  domainIds: readonly string[];
  rows: readonly ScoreRow[];
  national: readonly { date: string; domainId: string; score: number }[];
  targets: readonly TargetState[];
  scopeId: string;
  organisationIds?: ReadonlySet<string>;
  asAt: string;
  goal?: GoalRule | null;
}): DomainTrajectory[] {
  const rowsByDomain = groupBy(
    rows.filter((r) => !organisationIds || organisationIds.has(r.organisationId)),
    (r) => r.domainId,
  );
  const nationalByDomain = groupBy(national, (n) => n.domainId);
  const targetsOf = targetIndex(targets);
  const built = domainIds.map((domainId, position) => {
    const actuals = actualsOf(sortByDate(rowsByDomain.get(domainId) ?? [])).filter((a) => a.date <= asAt);
    const domainTargets = targetsOf(scopeId, domainId);
    const inGoal = goal && goal.domainIds.has(domainId);
    return {
      position,
      value: {
        domainId,
        scale,
        actuals,
        targets: domainTargets,
        national: (nationalByDomain.get(domainId) ?? []).filter((n) => n.date <= asAt).map((n) => ({ date: n.date, value: n.score })),
        assessment: assessTrajectory({ actuals, targets: domainTargets, asAt, scale }),
        goal: inGoal ? meetsGoal(actuals, goal, scale) : null,
      },
    };
  });
  const missesGoal = (d: DomainTrajectory) => (d.goal && d.goal.meets !== true ? 0 : 1);
  return built
    .sort((a, b) => missesGoal(a.value) - missesGoal(b.value) || severity[a.value.assessment.status] - severity[b.value.assessment.status] || a.position - b.position)
    .map((b) => b.value);
}

export interface ChartPoint {
  day: number;
  actual?: number;
  plan?: number;
  national?: number;
}

/** Chart-ready points on a day axis: actuals, the planned path (baseline then targets), national. */
export function trajectoryChartPoints(t: DomainTrajectory): ChartPoint[] {
  const points = new Map<number, ChartPoint>();
  const at = (date: string) => {
    const day = dayNumber(date);
    let p = points.get(day);
    if (!p) {
      p = { day };
      points.set(day, p);
    }
    return p;
  };
  const fine = (v: number) => roundToScale(v, t.scale.decimals + 1);
  for (const a of t.actuals) at(a.date).actual = fine(a.value);
  for (const n of t.national) at(n.date).national = n.value;
  const baseline = t.actuals[0];
  if (baseline) at(baseline.date).plan = fine(baseline.value);
  for (const target of t.targets) if (!baseline || financialYearEnd(target.financialYear) > baseline.date) at(financialYearEnd(target.financialYear)).plan = target.value;
  return [...points.values()].sort((a, b) => a.day - b.day);
}

export interface OrganisationTrajectoryCell {
  domainId: string;
  latest: number | null;
  assessment: TrajectoryAssessment;
  /** True when the organisation has targets of its own for the domain; else it is judged against the scope's. */
  ownTargets: boolean;
}

/** Each provider's path beside the scope's: against its own targets where it has them. */
export function organisationTrajectories({
  organisationIds,
  domainIds,
  rows,
  targets,
  scopeId,
  asAt,
  scale,
}: {
  scale: Scale;
  organisationIds: readonly string[];
  domainIds: readonly string[];
  rows: readonly ScoreRow[];
  targets: readonly TargetState[];
  scopeId: string;
  asAt: string;
}): { organisationId: string; cells: OrganisationTrajectoryCell[] }[] {
  const rowsOf = groupBy(rows, (r) => pair(r.organisationId, r.domainId));
  const targetsOf = targetIndex(targets);
  return organisationIds.map((organisationId) => ({
    organisationId,
    cells: domainIds.map((domainId) => {
      const actuals = actualsOf(sortByDate(rowsOf.get(pair(organisationId, domainId)) ?? [])).filter((a) => a.date <= asAt);
      const own = targetsOf(organisationId, domainId);
      const judgedAgainst = own.length > 0 ? own : targetsOf(scopeId, domainId);
      return {
        domainId,
        latest: actuals.at(-1)?.value ?? null,
        assessment: assessTrajectory({ actuals, targets: judgedAgainst, asAt, scale }),
        ownTargets: own.length > 0,
      };
    }),
  }));
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A past date from the URL to rebuild the figures at; anything else (or today onwards) means now. */
export function parseAsAt(value: string | undefined, today: string): string | null {
  return value && isoDate.test(value) && !Number.isNaN(Date.parse(value)) && value < today ? value : null;
}

/** The section goal that applies to a framework, with the domains it covers. */
export function goalRule<G extends { sectionId: string; threshold: number; tolerance: number; financialYear: number }>(
  goals: readonly G[],
  sections: readonly { id: string; domains: readonly { id: string }[] }[],
): (G & { domainIds: Set<string> }) | null {
  for (const g of goals) {
    const section = sections.find((s) => s.id === g.sectionId);
    if (section) return { ...g, domainIds: new Set(section.domains.map((d) => d.id)) };
  }
  return null;
}

/** The domains the organisation summaries compare: those the scope has targets for, else all. */
export function summaryDomainIds(domainIds: readonly string[], targets: readonly TargetState[], scopeId: string): string[] {
  const targeted = domainIds.filter((id) => targets.some((t) => t.scopeId === scopeId && t.domainId === id));
  return targeted.length > 0 ? targeted : [...domainIds];
}
