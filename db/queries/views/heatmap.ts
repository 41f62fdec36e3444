import "server-only";
import { getNationalAveragesByPeriod, getNationalMediansByPeriod, hasPublishedNationalAverages, listReportedScoresByPeriod } from "../maturity";
import { getMaturitySelection } from "../maturity-selection";
import { buildHeatmap } from "@/lib/heatmap";
import type { SystemRequest } from "@/lib/system-scope";

/** What the heatmap page shows, for the page and its downloads alike; null period when none exists. */
export async function getHeatmapView(params: { framework?: string; period?: string; footprint?: string; setting?: string; national?: string } & SystemRequest) {
  const selection = await getMaturitySelection(params);
  if (!selection?.period) return { selection, data: null };
  const { structure, period, footprint, system, careSetting, scale } = selection;
  const [organisations, published] = await Promise.all([
    listReportedScoresByPeriod({ periodId: period.id, careSetting, footprintId: footprint?.id, systemId: system?.id }),
    hasPublishedNationalAverages({ periodId: period.id, careSetting }),
  ]);
  // A published national average is the only national figure there is; one worked out
  // from every organisation in England can be its median instead.
  const nationalStatistic: "mean" | "median" = !published && params.national === "median" ? "median" : "mean";
  const national =
    nationalStatistic === "median" ? await getNationalMediansByPeriod({ periodId: period.id, careSetting }) : await getNationalAveragesByPeriod({ periodId: period.id, careSetting });
  return {
    selection,
    data: {
      structure,
      period,
      footprint,
      system,
      organisations,
      careSetting,
      scale,
      nationalStatistic,
      /** Whether the national row may switch to the median (it is worked out, not published). */
      nationalComputed: !published,
      heatmap: buildHeatmap(structure.domains.map((d) => d.id), organisations, national, scale),
      /** Names the place in captions: the footprint, else the system. */
      scopeName: footprint?.name ?? system?.name ?? "System",
      /** Labels the mean row: the footprint, else the system's code. */
      meanLabel: footprint?.name ?? system?.code ?? "System",
    },
  };
}
export type HeatmapView = NonNullable<Awaited<ReturnType<typeof getHeatmapView>>["data"]>;
