import {
  distanceBand,
  gap,
  summariseDomains,
  summariseOrganisation,
  type DistanceBand,
  type DomainSummary,
  type OrganisationSummary,
  type ScoredOrganisation,
  type ScoresByDomain,
} from "./maturity";
import type { Scale } from "./scale";

export interface HeatmapCell {
  domainId: string;
  score: number | null;
  gapToNational: number | null;
  band: DistanceBand | null;
}

export interface HeatmapRow<O extends ScoredOrganisation> {
  organisation: O;
  cells: HeatmapCell[];
  summary: OrganisationSummary;
}

export interface Heatmap<O extends ScoredOrganisation> {
  rows: HeatmapRow<O>[];
  domainSummaries: (DomainSummary & { band: DistanceBand | null })[];
}

/** Everything the heatmap shows, derived from the scores and the national averages. */
export function buildHeatmap<O extends ScoredOrganisation>(
  domainIds: readonly string[],
  organisations: readonly O[],
  national: ScoresByDomain,
  scale: Scale,
): Heatmap<O> {
  return {
    rows: organisations.map((organisation) => ({
      organisation,
      cells: domainIds.map((domainId) => {
        const score = organisation.scores[domainId] ?? null;
        return { domainId, score, gapToNational: gap(score, national[domainId]), band: distanceBand(score, national[domainId], scale) };
      }),
      summary: summariseOrganisation(domainIds, organisation, national),
    })),
    domainSummaries: summariseDomains(domainIds, organisations, national).map((s) => ({ ...s, band: distanceBand(s.mean, s.national, scale) })),
  };
}
