// Peer benchmarking: where a score sits among the same care setting's scores nationally.
// Full precision throughout; rounding for display belongs to whoever prints the figure.

export interface Distribution {
  n: number;
  mean: number;
  median: number;
  lowerQuartile: number;
  upperQuartile: number;
  min: number;
  max: number;
}

/**
 * Quantile of sorted values by linear interpolation between closest ranks, counting the
 * ends in (Excel QUARTILE.INC, R type 7, numpy's default): position (n − 1) × p from 0.
 * By hand: [1, 2, 3, 4] has lower quartile at position 3 × 0.25 = 0.75, three quarters of
 * the way from 1 to 2, so 1.75; upper quartile at 2.25, so 3.25.
 */
function quantileOfSorted(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/** Null for no values; the caller drops organisations without a score before calling. */
export function describeDistribution(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  return {
    n: sorted.length,
    mean: meanWithin(sorted, min, max),
    median: quantileOfSorted(sorted, 0.5),
    lowerQuartile: quantileOfSorted(sorted, 0.25),
    upperQuartile: quantileOfSorted(sorted, 0.75),
    min,
    max,
  };
}

// Summing in floating point can land a hair outside the values (three 2.8s average
// 2.7999999999999994); the true mean never does, so it is held within them.
function meanWithin(values: readonly number[], min: number, max: number): number {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return Math.min(max, Math.max(min, mean));
}

function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const min = values.reduce((a, b) => Math.min(a, b));
  const max = values.reduce((a, b) => Math.max(a, b));
  return meanWithin(values, min, max);
}

export interface PeerStanding {
  /** 1 is the highest score; equal scores share the better rank ("1224" ranking). */
  rank: number;
  /** How many peers were compared with, the organisation itself included if it is among them. */
  of: number;
  percentile: number;
}

/**
 * The share of peers scoring strictly below the value, plus half of those scoring the
 * same, × 100. Checkable by hand: 134 peers, 90 below and 4 equal give (90 + 2) / 134 × 100
 * = 68.7. Null when there are no peers.
 */
export function percentileAmong(value: number, peers: readonly number[]): number | null {
  if (peers.length === 0) return null;
  const below = peers.filter((p) => p < value).length;
  const equal = peers.filter((p) => p === value).length;
  return ((below + equal / 2) / peers.length) * 100;
}

/** Rank is one more than the number of peers scoring strictly higher. Null when there are no peers. */
export function rankAmong(value: number, peers: readonly number[]): PeerStanding | null {
  const percentile = percentileAmong(value, peers);
  if (percentile == null) return null;
  return { rank: peers.filter((p) => p > value).length + 1, of: peers.length, percentile };
}

export interface NationalComparison {
  systemMean: number | null;
  nationalMean: number | null;
  /** System mean minus national mean; null when either has no values. */
  gap: number | null;
}

export function compareToNational(systemValues: readonly number[], nationalValues: readonly number[]): NationalComparison {
  const systemMean = meanOf(systemValues);
  const nationalMean = meanOf(nationalValues);
  return { systemMean, nationalMean, gap: systemMean == null || nationalMean == null ? null : systemMean - nationalMean };
}

export interface ChangeSummary {
  /** Per organisation id: after − before, or null when either year has no score. */
  changes: Map<string, number | null>;
  improved: number;
  unchanged: number;
  declined: number;
  notComparable: number;
}

/** Change per organisation between two assessments; every id in either map appears once. */
export function changeBetween(before: ReadonlyMap<string, number | null>, after: ReadonlyMap<string, number | null>): ChangeSummary {
  const summary: ChangeSummary = { changes: new Map(), improved: 0, unchanged: 0, declined: 0, notComparable: 0 };
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const from = before.get(id) ?? null;
    const to = after.get(id) ?? null;
    if (from == null || to == null) {
      summary.changes.set(id, null);
      summary.notComparable++;
      continue;
    }
    summary.changes.set(id, to - from);
    if (to > from) summary.improved++;
    else if (to < from) summary.declined++;
    else summary.unchanged++;
  }
  return summary;
}
