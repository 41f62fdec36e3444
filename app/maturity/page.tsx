import type { Metadata } from "next";
import { HeatmapLegend } from "@/components/maturity/heatmap-legend";
import { HeatmapTable } from "@/components/maturity/heatmap-table";
import { SelectionForm } from "@/components/maturity/selection-form";
import { getNationalAveragesByPeriod, listReportedScoresByPeriod } from "@/db/queries/maturity";
import { getMaturitySelection } from "@/db/queries/maturity-selection";
import { requireUser } from "@/lib/auth/session";
import { buildHeatmap } from "@/lib/heatmap";
import { firstParam } from "@/lib/maturity-selection";

export const metadata: Metadata = { title: "Digital maturity heatmap" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function MaturityPage({ searchParams }: { searchParams: Params }) {
  await requireUser();
  const params = await searchParams;
  const selection = await getMaturitySelection({
    framework: firstParam(params.framework),
    period: firstParam(params.period),
    footprint: firstParam(params.footprint),
  });
  if (!selection?.period) {
    return <h1>No maturity framework or assessment period has been set up yet</h1>;
  }
  const { structure, period, footprint, system } = selection;
  const [organisations, national] = await Promise.all([
    listReportedScoresByPeriod({ periodId: period.id, footprintId: footprint?.id }),
    getNationalAveragesByPeriod({ periodId: period.id }),
  ]);
  const heatmap = buildHeatmap(structure.domains.map((d) => d.id), organisations, national);
  const scopeLabel = footprint?.name ?? system?.name ?? "System";
  return (
    <>
      <h1>Digital maturity</h1>
      <p className="nhsuk-lede-text">
        {structure.name} {structure.version}: each provider&apos;s score per domain in {period.name}, against the national average.
      </p>
      <SelectionForm selection={selection} action="/maturity" />
      {organisations.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>No organisation in {scopeLabel} has submitted scores for {period.name} yet.</p>
        </div>
      ) : (
        <>
          <HeatmapTable
            structure={structure}
            heatmap={heatmap}
            scopeLabel={footprint?.name ?? system?.code ?? "System"}
            caption={`${scopeLabel}: ${structure.name} scores, ${period.name} (${organisations.length} providers)`}
          />
          <HeatmapLegend />
        </>
      )}
    </>
  );
}
