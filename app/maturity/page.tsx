import type { Metadata } from "next";
import Link from "next/link";
import { DownloadLinks } from "@/components/export/download-links";
import { HeatmapLegend } from "@/components/maturity/heatmap-legend";
import { HeatmapTable } from "@/components/maturity/heatmap-table";
import { SelectionForm } from "@/components/maturity/selection-form";
import { getHeatmapView } from "@/db/queries/views/heatmap";
import { requireUser } from "@/lib/auth/session";
import { firstParam } from "@/lib/maturity-selection";
import { careSettingLabels } from "@/lib/care-settings";
import { systemParams } from "@/lib/system-scope";

export const metadata: Metadata = { title: "Digital maturity heatmap" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function MaturityPage({ searchParams }: { searchParams: Params }) {
  const user = await requireUser();
  const params = await searchParams;
  const { selection, data } = await getHeatmapView({
    framework: firstParam(params.framework),
    period: firstParam(params.period),
    footprint: firstParam(params.footprint),
    setting: firstParam(params.setting),
    national: firstParam(params.national),
    system: firstParam(params.system),
    organisationIds: user.organisationIds,
  });
  if (!selection || !data) {
    return <h1>No maturity framework or assessment period has been set up yet</h1>;
  }
  const { structure, period, footprint, organisations, heatmap, scopeName, meanLabel, careSetting, scale, nationalStatistic, nationalComputed } = data;
  // The frameworks come newest first.
  const newest = selection.frameworks[0];
  const settingName = selection.careSettings.length > 1 ? ` ${careSettingLabels[careSetting].toLowerCase()}` : "";
  // The downloads carry what the page resolved, so they always match what is on screen.
  const filters = {
    ...systemParams(selection),
    framework: structure.code,
    period: period.code,
    footprint: footprint?.code,
    setting: selection.careSettings.length > 1 ? careSetting : undefined,
    national: nationalStatistic === "median" ? "median" : undefined,
  };
  return (
    <>
      <h1>Digital maturity</h1>
      <p className="nhsuk-lede-text">
        {structure.name} {structure.version}: each{settingName} provider&apos;s score per domain in {period.name}, against the national average.
      </p>
      {newest && newest.id !== structure.id && (
        <p data-testid="newer-framework">
          {newest.name} results are in too: see them <Link href={`/maturity?${new URLSearchParams({ ...systemParams(selection), framework: newest.code })}`}>on this heatmap</Link> or
          against every organisation in England on the <Link href={`/benchmarks?${new URLSearchParams(systemParams(selection))}`}>peer benchmarks</Link>.
        </p>
      )}
      <SelectionForm selection={selection} action="/maturity" nationalStatistic={nationalComputed ? nationalStatistic : null} />
      {nationalComputed && (
        <p className="nhsuk-body-s" data-testid="national-source">
          The national {nationalStatistic} is worked out from every {selection.careSettings.length > 1 ? `${careSettingLabels[careSetting].toLowerCase()} ` : ""}organisation in
          England that reported for {period.name}.
        </p>
      )}
      {organisations.length === 0 ? (
        <div className="nhsuk-inset-text">
          <p>No organisation in {scopeName} has submitted scores for {period.name} yet.</p>
        </div>
      ) : (
        <>
          <HeatmapTable
            structure={structure}
            heatmap={heatmap}
            scopeLabel={meanLabel}
            nationalLabel={nationalStatistic === "median" ? "National median" : "National average"}
            caption={`${scopeName}: ${structure.name} scores, ${period.name}${settingName ? `,${settingName}` : ""} (${organisations.length} providers)`}
          />
          <DownloadLinks name="heatmap" filters={filters} what="this heatmap" />
          <HeatmapLegend scale={scale} />
        </>
      )}
      <DownloadLinks name="scores" filters={filters} what="the scores you can see in this period and place, in the import format" label="Download scores for import as" />
    </>
  );
}
