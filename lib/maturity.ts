// Derived maturity figures. All of them are computed from scores, never typed in:
// the printed counts in the 2016 slides disagree with their own scores in places.

import { formatGap, scaleRange, scaleStep, toUnits, type Scale } from "./scale";

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

// Heatmap colour bands by distance from the national average, as a share of the
// framework's range: 5% and 15% of it (5 and 15 points on 0–100, 0.2 and 0.6 on 1–5).
const NEAR_SHARE = 0.05;
const FAR_SHARE = 0.15;
export const distanceBandKeys = ["far-below", "below", "near", "above", "far-above"] as const;
export type DistanceBand = (typeof distanceBandKeys)[number];

/** The limits in units of the scale's last decimal place (5 and 15 on 0–100; 2 and 6 on 1–5 by tenths). */
function bandLimits(scale: Scale): { near: number; far: number } {
  const units = scaleRange(scale) * 10 ** scale.decimals;
  // On a coarse scale (whole numbers 1–5) the shares round to nothing: "near" is then only
  // an equal score, and every band keeps at least one printable gap.
  const near = Math.max(1, Math.ceil(units * NEAR_SHARE - 1e-9));
  return { near, far: Math.max(near + 1, Math.ceil(units * FAR_SHARE - 1e-9)) };
}

/** Each band with the words of its legend, on this scale. */
export function distanceBands(scale: Scale): { key: DistanceBand; label: string }[] {
  const { near, far } = bandLimits(scale);
  const step = scaleStep(scale);
  const n = (units: number) => formatGap(units * step, scale).replace(/^\+/, "");
  const points = scale.unit === "%" ? " points" : "";
  const between = near === far - 1 ? n(near) : `${n(near)} to ${n(far - 1)}`;
  return [
    { key: "far-below", label: `${n(far)} or more${points} below national` },
    { key: "below", label: `${between}${points} below national` },
    { key: "near", label: near === 1 ? "the same as national" : `within ${n(near - 1)}${points} of national` },
    { key: "above", label: `${between}${points} above national` },
    { key: "far-above", label: `${n(far)} or more${points} above national` },
  ];
}

/** The band of the gap as printed (rounded), so a cell's colour always matches its number. */
export function distanceBand(score: number | null | undefined, national: number | null | undefined, scale: Scale): DistanceBand | null {
  const d = gap(score, national);
  if (d == null) return null;
  const printed = toUnits(d, scale.decimals);
  const { near, far } = bandLimits(scale);
  if (printed <= -far) return "far-below";
  if (printed <= -near) return "below";
  if (printed < near) return "near";
  if (printed < far) return "above";
  return "far-above";
}
