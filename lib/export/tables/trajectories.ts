import { financialYearEnd, formatFinancialYear } from "@/lib/financial-year";
import { roundToScale } from "@/lib/scale";
import { statusLabels } from "@/lib/trajectory";
import type { DomainTrajectory } from "@/lib/trajectory-view";
import { date, number, text, type Table } from "../table";

interface Domain {
  code: string;
  name: string;
}

const rounded = (v: number | null | undefined, decimals: number) => (v == null ? null : roundToScale(v, decimals));

/** The section goal column as the page words it. */
export function goalVerdict(goal: DomainTrajectory["goal"]): string | null {
  if (goal == null) return null;
  return goal.meets === true ? "Meets" : goal.meets === false ? "Misses" : "Cannot project yet";
}

/**
 * The status table: a row per domain, most urgent first (the page's order), with the
 * reason in words. Figures are rounded as the page prints them.
 */
export function trajectoriesTable({ title, trajectories, domains }: { title: string; trajectories: readonly DomainTrajectory[]; domains: ReadonlyMap<string, Domain> }): Table {
  const hasGoal = trajectories.some((t) => t.goal);
  return {
    title,
    columns: [
      text("code", "Domain code"),
      text("domain", "Domain"),
      number("baseline", "Baseline"),
      date("baselineOn", "Baseline date"),
      number("latest", "Latest"),
      date("latestOn", "Latest date"),
      number("plannedAtLatest", "Planned at latest"),
      number("target", "Target judged"),
      text("targetYear", "Target for end of"),
      number("expected", "Expected at its date"),
      text("status", "Status"),
      text("reason", "Reason"),
      ...(hasGoal ? [text("goal", "Section goal"), number("goalExpected", "Expected for the section goal")] : []),
    ],
    rows: trajectories.map((t) => {
      const a = t.assessment;
      const domain = domains.get(t.domainId);
      return {
        code: domain?.code ?? null,
        domain: domain?.name ?? null,
        baseline: rounded(a.baseline?.value, t.scale.decimals),
        baselineOn: a.baseline?.date ?? null,
        latest: rounded(a.latest?.value, t.scale.decimals),
        latestOn: a.latest?.date ?? null,
        plannedAtLatest: rounded(a.plannedAtLatest, t.scale.decimals),
        target: a.target?.value ?? null,
        targetYear: a.target ? formatFinancialYear(a.target.financialYear) : null,
        expected: rounded(a.expectedAtTarget, t.scale.decimals),
        status: statusLabels[a.status],
        reason: a.reason,
        goal: goalVerdict(t.goal),
        goalExpected: rounded(t.goal?.expected, t.scale.decimals),
      };
    }),
  };
}

export interface TrajectoryFigure {
  date: string;
  kind: string;
  value: number;
}

/** A domain's figures by date: each actual, each target at the end of its year, each national average. */
export function trajectoryFigures(t: DomainTrajectory): TrajectoryFigure[] {
  return [
    ...t.actuals.map((a) => ({ date: a.date, kind: "Actual (mean of reported providers)", value: a.value })),
    ...t.targets.map((x) => ({ date: financialYearEnd(x.financialYear), kind: `Target for end of ${formatFinancialYear(x.financialYear)}`, value: x.value })),
    ...t.national.map((n) => ({ date: n.date, kind: "National average", value: n.value })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** Every domain's figures by date, one row each (the tables under the page's charts, end to end). */
export function trajectoryFiguresTable({ title, trajectories, domains }: { title: string; trajectories: readonly DomainTrajectory[]; domains: ReadonlyMap<string, Domain> }): Table {
  return {
    title,
    columns: [text("code", "Domain code"), text("domain", "Domain"), date("date", "Date"), text("figure", "Figure"), number("score", "Score")],
    rows: trajectories.flatMap((t) =>
      trajectoryFigures(t).map((f) => ({ code: domains.get(t.domainId)?.code ?? null, domain: domains.get(t.domainId)?.name ?? null, date: f.date, figure: f.kind, score: rounded(f.value, t.scale.decimals) })),
    ),
  };
}
