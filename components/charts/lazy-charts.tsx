"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { WhenVisible } from "./when-visible";

// recharts is about 110 kB gzipped: loaded after the page, not with it, so that no route's
// first-load JavaScript carries it (issue 8's budget is 150 kB). The charts are decorative
// (each has a table with the same figures), so until they arrive the page is complete and
// the placeholder keeps the chart's space.
export const OrganisationScoresChart = dynamic(() => import("./organisation-scores-chart").then((m) => m.OrganisationScoresChart), {
  ssr: false,
  loading: () => <div className="app-chart" aria-hidden="true" />,
});

const TrajectoryChartNow = dynamic(() => import("./trajectory-chart").then((m) => m.TrajectoryChart), {
  ssr: false,
  loading: () => <div className="app-chart app-chart--small" aria-hidden="true" />,
});

/** A trajectory chart, drawn once it nears the viewport (a page may have 29 of them). */
export function TrajectoryChart(props: ComponentProps<typeof TrajectoryChartNow>) {
  return (
    <WhenVisible className="app-chart app-chart--small">
      <TrajectoryChartNow {...props} />
    </WhenVisible>
  );
}

const DistributionChartNow = dynamic(() => import("./distribution-chart").then((m) => m.DistributionChart), {
  ssr: false,
  loading: () => <div className="app-chart app-chart--small" aria-hidden="true" />,
});

/** A pillar's distribution across England, drawn once it nears the viewport (seven to a page). */
export function DistributionChart(props: ComponentProps<typeof DistributionChartNow>) {
  return (
    <WhenVisible className="app-chart app-chart--small">
      <DistributionChartNow {...props} />
    </WhenVisible>
  );
}
