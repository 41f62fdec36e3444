import { chartBox, chartGeometry, type PlottedPoint, type SeriesKey } from "./chart-geometry";
import type { ChartPoint } from "@/lib/trajectory-view";
import type { Scale } from "@/lib/scale";

// Each series is told apart by its line (solid, dashed, dotted) and its marker (filled
// circle, open square, open triangle) as well as its colour, so a black-and-white print
// still reads. Drawn in this order: the actual line on top.
export const seriesStyles: Record<SeriesKey, { label: string; stroke: string; width: number; dash?: string; marker: "circle" | "square" | "triangle"; fill: string }> = {
  national: { label: "National average", stroke: "#4c6272", width: 1.5, dash: "2 3", marker: "triangle", fill: "#ffffff" },
  plan: { label: "Planned path (baseline, then each target)", stroke: "#005eb8", width: 2, dash: "8 4", marker: "square", fill: "#ffffff" },
  actual: { label: "Actual (mean of the providers' reported scores)", stroke: "#212b32", width: 2.5, marker: "circle", fill: "#212b32" },
};
const drawOrder: SeriesKey[] = ["national", "plan", "actual"];

function Marker({ shape, x, y, stroke, fill }: { shape: "circle" | "square" | "triangle"; x: number; y: number; stroke: string; fill: string }) {
  if (shape === "circle") return <circle cx={x} cy={y} r={3.6} fill={fill} stroke={stroke} strokeWidth={1.5} />;
  if (shape === "square") return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill={fill} stroke={stroke} strokeWidth={1.5} />;
  return <path d={`M${x} ${y - 4.6}L${x + 4.4} ${y + 3.4}L${x - 4.4} ${y + 3.4}Z`} fill={fill} stroke={stroke} strokeWidth={1.5} />;
}

function Series({ styleKey, points }: { styleKey: SeriesKey; points: PlottedPoint[] }) {
  const s = seriesStyles[styleKey];
  return (
    <g data-series={styleKey}>
      {points.length > 1 && (
        <polyline points={points.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" stroke={s.stroke} strokeWidth={s.width} strokeDasharray={s.dash} strokeLinejoin="round" />
      )}
      {points.map((p, i) => (
        <Marker key={i} shape={s.marker} x={p.x} y={p.y} stroke={s.stroke} fill={s.fill} />
      ))}
    </g>
  );
}

/** One domain's trajectory as a small line chart; decorative for assistive technology (the table beside it has the figures). */
export function PackTrajectoryChart({ points, scale }: { points: ChartPoint[]; scale: Scale }) {
  const g = chartGeometry(points, scale);
  return (
    <svg className="app-pack-chart__svg" viewBox={`0 0 ${chartBox.width} ${chartBox.height}`} aria-hidden="true" focusable="false" fontFamily="Arial, sans-serif">
      {g.yTicks.map((t) => (
        <g key={t.label}>
          <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} stroke="#d8dde0" strokeWidth={1} />
          <text x={g.plot.left - 4} y={t.y + 3.5} fontSize={10} textAnchor="end" fill="#212b32">
            {t.label}
          </text>
        </g>
      ))}
      {g.xTicks.map((t) => (
        <g key={t.label}>
          <line x1={t.x} x2={t.x} y1={g.plot.bottom} y2={g.plot.bottom + 4} stroke="#212b32" strokeWidth={1} />
          <text x={t.x} y={g.plot.bottom + 16} fontSize={10} textAnchor="middle" fill="#212b32">
            {t.label}
          </text>
        </g>
      ))}
      <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} stroke="#212b32" strokeWidth={1} />
      <line x1={g.plot.left} x2={g.plot.left} y1={g.plot.top} y2={g.plot.bottom} stroke="#212b32" strokeWidth={1} />
      {drawOrder.map((key) => (
        <Series key={key} styleKey={key} points={g.series[key]} />
      ))}
    </svg>
  );
}

/** The key to every chart: each series' line and marker, drawn as in the charts, with its name. */
export function PackChartLegend() {
  return (
    <ul className="app-pack-legend" data-testid="chart-legend">
      {(["actual", "plan", "national"] as const).map((key) => {
        const s = seriesStyles[key];
        return (
          <li key={key} data-series={key}>
            <svg viewBox="0 0 44 14" width="44" height="14" aria-hidden="true" focusable="false">
              <line x1={2} x2={42} y1={7} y2={7} stroke={s.stroke} strokeWidth={s.width} strokeDasharray={s.dash} />
              <Marker shape={s.marker} x={22} y={7} stroke={s.stroke} fill={s.fill} />
            </svg>{" "}
            {s.label}: {key === "actual" ? "solid line, filled circles" : key === "plan" ? "dashed line, open squares" : "dotted line, open triangles"}
          </li>
        );
      })}
    </ul>
  );
}
