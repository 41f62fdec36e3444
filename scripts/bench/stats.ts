// Latency statistics for the benchmark: nearest-rank percentiles over every sample.

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; mean: number; max: number };

/** The nearest-rank percentile (0 < p ≤ 100) of samples, which need not be sorted. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

export function summarise(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, mean: Number.NaN, max: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), mean: total / sorted.length, max: sorted[sorted.length - 1]! };
}

/** "a / b" to one decimal place, or "–" when either side is missing. */
export function ratio(a: number, b: number): number {
  return b > 0 && Number.isFinite(a) && Number.isFinite(b) ? a / b : Number.NaN;
}
