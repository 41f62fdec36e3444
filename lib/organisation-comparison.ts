import { gap, summariseDomains, type ScoredOrganisation, type ScoresByDomain } from "./maturity";

export interface ComparisonRow {
  domainId: string;
  score: number | null;
  national: number | null;
  footprintMean: number | null;
  gapToNational: number | null;
  gapToFootprint: number | null;
}

/** One organisation's scores beside national and the mean of its footprint's providers. */
export function compareWithPeers(
  domainIds: readonly string[],
  scores: ScoresByDomain,
  national: ScoresByDomain,
  footprintProviders: readonly ScoredOrganisation[],
): ComparisonRow[] {
  const means = summariseDomains(domainIds, footprintProviders, national);
  return domainIds.map((domainId, i) => {
    const score = scores[domainId] ?? null;
    const footprintMean = means[i]!.mean;
    return {
      domainId,
      score,
      national: national[domainId] ?? null,
      footprintMean,
      gapToNational: gap(score, national[domainId]),
      gapToFootprint: gap(score, footprintMean),
    };
  });
}
