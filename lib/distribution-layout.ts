// Geometry and wording for the distribution chart (one pillar, every organisation in a care
// setting). The chart's y axis carries no data: it runs from −1 to 1 only to give the dots
// room, so none of this knows about pixels.
import type { Distribution } from "./benchmark";
import { formatScore, type Scale } from "./scale";

export interface DistributionPoint {
  id: string;
  name: string;
  value: number;
  highlighted: boolean;
}

/** Everything the chart and its table draw from; plain data, so it can cross to the client. */
export interface DistributionView {
  title: string;
  scale: Scale;
  points: DistributionPoint[];
  distribution: Distribution;
}

export const DOT_SPREAD = 0.8;
export const BOX_HALF_HEIGHT = 0.5;

const GOLDEN_RATIO_FRACTION = (Math.sqrt(5) - 1) / 2;

/**
 * Vertical offset of the index-th dot, within ±spread. Steps of the golden ratio spread any
 * run of consecutive dots evenly, and the same list always draws the same picture.
 */
export function jitter(index: number, spread = DOT_SPREAD): number {
  return ((index * GOLDEN_RATIO_FRACTION) % 1) * 2 * spread - spread;
}

/**
 * About `count` ticks at round steps (1, 2, 2.5 or 5 × a power of ten), always including
 * both ends of the scale: 0, 20 … 100 for the 2016 index, 1, 2 … 5 for the DMA.
 */
export function scaleTicks({ min, max }: Pick<Scale, "min" | "max">, count = 5): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  // toFixed strips binary noise (0.30000000000000004) so labels print as the step intends.
  const decimals = Math.max(0, 1 - Math.floor(Math.log10(step)));
  const inner: number[] = [];
  for (let k = Math.ceil(min / step); k * step < max; k++) {
    const tick = Number((k * step).toFixed(decimals));
    // An inner tick within half a step of an end would print on top of the end's label.
    if (tick - min >= step / 2 && max - tick >= step / 2) inner.push(tick);
  }
  return [min, ...inner, max];
}

export interface BoxGeometry {
  box: { x1: number; x2: number; y1: number; y2: number };
  median: readonly [{ x: number; y: number }, { x: number; y: number }];
}

/** The quartile box and the median line across it, in score (x) and strip (y) units. */
export function boxGeometry(
  { lowerQuartile, upperQuartile, median }: Pick<Distribution, "lowerQuartile" | "upperQuartile" | "median">,
  halfHeight = BOX_HALF_HEIGHT,
): BoxGeometry {
  return {
    box: { x1: lowerQuartile, x2: upperQuartile, y1: -halfHeight, y2: halfHeight },
    median: [
      { x: median, y: -halfHeight },
      { x: median, y: halfHeight },
    ],
  };
}

export interface StripDot extends DistributionPoint {
  x: number;
  y: number;
}

/**
 * Dots placed along the score axis. Highlighted ones come back in score order, so that
 * alternating their labels above and below (labelAbove) keeps neighbours' names apart.
 */
export function stripDots(points: readonly DistributionPoint[]): { others: StripDot[]; highlighted: StripDot[] } {
  const dots = points.map((p, i) => ({ ...p, x: p.value, y: jitter(i) }));
  return {
    others: dots.filter((d) => !d.highlighted),
    highlighted: dots.filter((d) => d.highlighted).sort((a, b) => a.value - b.value),
  };
}

export function labelAbove(highlightedIndex: number): boolean {
  return highlightedIndex % 2 === 0;
}

/** The chart's text for screen readers: what a sighted reader takes from the picture. */
export function describeDistributionChart({ title, scale, points, distribution: d }: DistributionView): string {
  const score = (v: number) => formatScore(v, scale);
  const highlighted = points.filter((p) => p.highlighted);
  const above = highlighted.filter((p) => p.value > d.median).length;
  return (
    `${title}: ${d.n} organisations, scored ${scale.min} to ${scale.max}. ` +
    `Median ${score(d.median)}; the middle half score between ${score(d.lowerQuartile)} and ${score(d.upperQuartile)} ` +
    `(lower and upper quartiles). ${above} of ${highlighted.length} of your system's organisations score above the median.`
  );
}
