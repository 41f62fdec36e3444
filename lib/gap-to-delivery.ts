// Gap to delivery: for each maturity domain where a place is below national or not on
// course for its target, the projects that should close the gap, and the gaps no project
// addresses. The link between the maturity scores and the portfolio, as a pure rule.
import { gap as gapTo } from "./maturity";
import { formatGap, roundToScale } from "./scale";
import type { ProjectStatus } from "./portfolio";
import type { DomainTrajectory } from "./trajectory-view";
import { statusLabels } from "./trajectory";

export interface DomainGap {
  domainId: string;
  latest: number | null;
  national: number | null;
  /** Points from national, on the rounded figures (negative = below). */
  gapToNational: number | null;
  reasons: string[];
}

/** Why a domain needs delivery: below national, or off track or at risk against its targets. Null if neither. */
export function domainGap(t: DomainTrajectory): DomainGap | null {
  const latest = t.actuals.at(-1)?.value ?? null;
  const national = t.national.at(-1)?.value ?? null;
  const d = t.scale.decimals;
  const points = latest == null || national == null ? null : roundToScale(gapTo(roundToScale(latest, d), roundToScale(national, d))!, d);
  const reasons: string[] = [];
  if (points != null && points < 0) reasons.push(t.scale.unit === "%" ? `${-points} point${points === -1 ? "" : "s"} below national` : `${formatGap(points, t.scale).slice(1)} below national`);
  if (t.assessment.status === "off-track" || t.assessment.status === "at-risk") reasons.push(statusLabels[t.assessment.status].toLowerCase());
  return reasons.length ? { domainId: t.domainId, latest, national, gapToNational: points, reasons } : null;
}

export interface GapProject {
  id: string;
  domainId: string;
  status: ProjectStatus;
}

export interface GapRow<P extends GapProject> {
  gap: DomainGap;
  /** Projects raising the domain here, stopped ones left out. */
  projects: P[];
}

/** Each domain with a gap and the projects raising it in this place; gaps with no project first, then in the trajectories' order. */
export function gapToDelivery<P extends GapProject>(trajectories: readonly DomainTrajectory[], projectsHere: readonly P[]): GapRow<P>[] {
  const rows = trajectories
    .map((t) => domainGap(t))
    .filter((g): g is DomainGap => g != null)
    .map((gap) => ({ gap, projects: projectsHere.filter((p) => p.domainId === gap.domainId && p.status !== "stopped") }));
  return [...rows.filter((r) => r.projects.length === 0), ...rows.filter((r) => r.projects.length > 0)];
}
