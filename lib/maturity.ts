// Derived maturity figures. All of them are computed from scores, never typed in:
// the printed counts in the 2016 slides disagree with their own scores in places.

/** Rounds halves up (43.5 → 44), as the seed's "Footprint Summary" column does. */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5 + 1e-9);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** "Above" means strictly above: a score equal to the national average is not above it. */
export function isAboveNational(score: number | null | undefined, national: number | null | undefined): boolean {
  return score != null && national != null && score > national;
}

export function gap(score: number | null | undefined, reference: number | null | undefined): number | null {
  return score == null || reference == null ? null : score - reference;
}

export type ScoresByDomain = Readonly<Record<string, number | undefined>>;

export interface ScoredOrganisation {
  id: string;
  scores: ScoresByDomain;
}

export interface DomainSummary {
  domainId: string;
  /** Mean of the providers that have a score for the domain; null when none has. */
  mean: number | null;
  national: number | null;
  providersAbove: number;
  providersScored: number;
}

export function summariseDomains(
  domainIds: readonly string[],
  organisations: readonly ScoredOrganisation[],
  national: ScoresByDomain,
): DomainSummary[] {
  return domainIds.map((domainId) => {
    const scores = organisations.map((o) => o.scores[domainId]).filter((s): s is number => s != null);
    const nat = national[domainId] ?? null;
    return {
      domainId,
      mean: mean(scores),
      national: nat,
      providersAbove: scores.filter((s) => isAboveNational(s, nat)).length,
      providersScored: scores.length,
    };
  });
}

export interface OrganisationSummary {
  organisationId: string;
  domainsAbove: number;
  /** Domains with both a score and a national average to compare it with. */
  domainsCompared: number;
}

export function summariseOrganisation(
  domainIds: readonly string[],
  organisation: ScoredOrganisation,
  national: ScoresByDomain,
): OrganisationSummary {
  const compared = domainIds.filter((d) => organisation.scores[d] != null && national[d] != null);
  return {
    organisationId: organisation.id,
    domainsAbove: compared.filter((d) => isAboveNational(organisation.scores[d], national[d])).length,
    domainsCompared: compared.length,
  };
}

/** "4/6": how many of the scored providers are above national. */
export function formatCount(above: number, of: number): string {
  return `${above}/${of}`;
}

export function formatPercent(value: number | null): string {
  return value == null ? "–" : `${roundHalfUp(value)}%`;
}

export function formatGap(value: number | null): string {
  if (value == null) return "–";
  const rounded = roundHalfUp(value);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : "0";
}

// Heatmap colour bands by distance from the national average, in percentage points.
export const distanceBands = [
  { key: "far-below", label: "15 or more points below national", test: (d: number) => d <= -15 },
  { key: "below", label: "5 to 14 points below national", test: (d: number) => d > -15 && d <= -5 },
  { key: "near", label: "within 4 points of national", test: (d: number) => d > -5 && d < 5 },
  { key: "above", label: "5 to 14 points above national", test: (d: number) => d >= 5 && d < 15 },
  { key: "far-above", label: "15 or more points above national", test: (d: number) => d >= 15 },
] as const;
export type DistanceBand = (typeof distanceBands)[number]["key"];

/** The band of the gap as printed (rounded), so a cell's colour always matches its number. */
export function distanceBand(score: number | null | undefined, national: number | null | undefined): DistanceBand | null {
  const d = gap(score, national);
  if (d == null) return null;
  const printed = roundHalfUp(d);
  return distanceBands.find((b) => b.test(printed))!.key;
}
