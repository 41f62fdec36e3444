"use client";

import type { Scale } from "@/lib/scale";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";

export interface OrganisationChartDatum {
  domain: string;
  organisation: number | null;
  national: number | null;
  footprint: number | null;
}

// Decorative for assistive technology: the table beside it carries the same figures.
export function OrganisationScoresChart({ data, organisationLabel, footprintLabel, scale }: { data: OrganisationChartDatum[]; organisationLabel: string; footprintLabel: string; scale: Scale }) {
  return (
    <div className="app-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 80, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="domain" interval={0} angle={-35} textAnchor="end" height={90} tick={{ fontSize: 12 }} />
          <YAxis domain={[scale.min, scale.max]} unit={scale.unit} />
          <Legend verticalAlign="top" />
          <Bar dataKey="organisation" name={organisationLabel} fill="#005eb8" isAnimationActive={false} />
          <Bar dataKey="footprint" name={footprintLabel} fill="#768692" isAnimationActive={false} />
          <Bar dataKey="national" name="National average" fill="#ffb81c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
