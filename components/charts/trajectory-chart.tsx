"use client";

import type { Scale } from "@/lib/scale";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { financialYearOf, formatFinancialYear } from "@/lib/financial-year";
import type { ChartPoint } from "@/lib/trajectory-view";

// Ticks sit at the end of each financial year (31 March), labelled as the year it ends: 2016/17.
const dayToLabel = (day: number) => formatFinancialYear(financialYearOf(new Date(day * 86_400_000).toISOString().slice(0, 10)));

// Decorative for assistive technology: the table beside it carries the same figures.
export function TrajectoryChart({ points, ticks, scale }: { points: ChartPoint[]; ticks: number[]; scale: Scale }) {
  return (
    <div className="app-chart app-chart--small" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" type="number" domain={["dataMin", "dataMax"]} ticks={ticks} tickFormatter={dayToLabel} tick={{ fontSize: 12 }} />
          <YAxis domain={[scale.min, scale.max]} unit={scale.unit} />
          <Legend verticalAlign="top" />
          <Line dataKey="plan" name="Planned path (baseline and targets)" stroke="#005eb8" strokeDasharray="6 4" strokeWidth={2} connectNulls isAnimationActive={false} />
          <Line dataKey="actual" name="Actual" stroke="#007f3b" strokeWidth={3} connectNulls isAnimationActive={false} />
          <Line dataKey="national" name="National average" stroke="#768692" strokeWidth={2} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
