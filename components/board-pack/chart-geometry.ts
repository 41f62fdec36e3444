import { scaleRange, type Scale } from "@/lib/scale";
// Where a trajectory chart's lines, markers and ticks fall in its SVG box. Drawn on the
// server as plain SVG with a viewBox, so the chart scales with the printed page instead
// of keeping the width the screen measured.
import { financialYearEnd, formatFinancialYear } from "@/lib/financial-year";
import type { ChartPoint } from "@/lib/trajectory-view";

export const chartBox = { width: 360, height: 200, left: 34, right: 24, top: 10, bottom: 30 } as const;

export const seriesKeys = ["actual", "plan", "national"] as const;
export type SeriesKey = (typeof seriesKeys)[number];

export interface PlottedPoint {
  x: number;
  y: number;
  value: number;
}

export interface ChartGeometry {
  series: Record<SeriesKey, PlottedPoint[]>;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

const DAY_MS = 86_400_000;
// A chart with points on one day only still needs a width: half a year either side.
const SINGLE_DAY_PADDING = 183;

/** Day numbers (days since 1970-01-01) of every 31 March from `from` to `to`, inclusive. */
function yearEndsBetween(from: number, to: number): number[] {
  const first = new Date(from * DAY_MS).getUTCFullYear() - 1;
  const last = new Date(to * DAY_MS).getUTCFullYear();
  const days: number[] = [];
  for (let y = first; y <= last; y++) {
    const day = Date.parse(`${financialYearEnd(y)}T00:00:00Z`) / DAY_MS;
    if (day >= from && day <= to) days.push(day);
  }
  return days;
}

/** Positions in the chart box: days across (31 March ticks labelled with the year they end), the framework's scale up. */
export function chartGeometry(points: readonly ChartPoint[], scale: Scale): ChartGeometry {
  const { width, height, left, right, top, bottom } = chartBox;
  const plot = { left, right: width - right, top, bottom: height - bottom };
  const days = points.map((p) => p.day);
  let from = Math.min(...days);
  let to = Math.max(...days);
  if (points.length === 0) from = to = 0;
  if (from === to) {
    from -= SINGLE_DAY_PADDING;
    to += SINGLE_DAY_PADDING;
  }
  const x = (day: number) => plot.left + ((day - from) / (to - from)) * (plot.right - plot.left);
  const span = scaleRange(scale);
  const y = (value: number) => plot.bottom - ((Math.min(scale.max, Math.max(scale.min, value)) - scale.min) / span) * (plot.bottom - plot.top);
  const series = Object.fromEntries(
    seriesKeys.map((key) => [key, points.flatMap((p) => (p[key] == null ? [] : [{ x: x(p.day), y: y(p[key]!), value: p[key]! }]))]),
  ) as Record<SeriesKey, PlottedPoint[]>;
  return {
    series,
    plot,
    xTicks: yearEndsBetween(from, to).map((day) => ({ x: x(day), label: formatFinancialYear(new Date(day * DAY_MS).getUTCFullYear() - 1) })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((share) => scale.min + share * span).map((v) => ({ y: y(v), label: `${Number(v.toFixed(2))}${scale.unit}` })),
  };
}
