import type { Metadata } from "next";
import Link from "next/link";
import { IcbBesideProviders } from "@/components/benchmarks/icb-beside-providers";
import { NationalSummaryTable } from "@/components/benchmarks/national-summary-table";
import { OwnStandingsTable } from "@/components/benchmarks/own-standings-table";
import { DistributionChart } from "@/components/charts/lazy-charts";
import { DistributionTable } from "@/components/maturity/distribution-table";
import { CareSettingSelect, FrameworkSelect, PeriodSelect } from "@/components/maturity/selection-fields";
import { SystemSelect } from "@/components/system-select";
import { getBenchmarksView } from "@/db/queries/views/benchmarks";
import { requireUser } from "@/lib/auth/session";
import { careSettingLabels } from "@/lib/care-settings";
import { firstParam } from "@/lib/maturity-selection";

export const metadata: Metadata = { title: "Peer benchmarks" };

type Params = Promise<Record<string, string | string[] | undefined>>;

// Read-only figures every signed-in role may see: published results and their spread.
export default async function BenchmarksPage({ searchParams }: { searchParams: Params }) {
  const user = await requireUser();
  const params = await searchParams;
  const { selection, data } = await getBenchmarksView({
    framework: firstParam(params.framework),
    period: firstParam(params.period),
    setting: firstParam(params.setting),
    system: firstParam(params.system),
    organisationIds: user.organisationIds,
  });
  if (!selection || !data) return <h1>No assessment period has been set up yet</h1>;
  const { structure, period, careSetting, scale, system, benchmarks, icb, predecessors, successor } = data;
  const setting = careSettingLabels[careSetting].toLowerCase();
  const systemLabel = system.code;
  const compareHref = `/benchmarks/compare?${new URLSearchParams({ framework: structure.code, setting: careSetting, system: system.code })}`;
  return (
    <>
      <h1>Peer benchmarks</h1>
      <p className="nhsuk-lede-text">
        {structure.name}, {period.name}: every {setting} organisation in England that reported, with {system.name}&apos;s own picked out. Scores compare only within one care
        setting.
      </p>
      <form method="get" action="/benchmarks" className="app-selection-form" aria-label="Choose what to show">
        <FrameworkSelect selection={selection} />
        <PeriodSelect selection={selection} showCounts={false} />
        <CareSettingSelect selection={selection} />
        <SystemSelect scope={selection} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show
        </button>
      </form>
      {(predecessors.length > 0 || successor) && (
        <div className="nhsuk-inset-text" data-testid="system-lineage">
          <p>
            {predecessors.length > 0 && <>Includes the results filed under {predecessors.map((p) => `${p.name} (${p.code})`).join(", ")}, which became {system.name}. </>}
            {successor && (
              <>
                {system.name} became <Link href={`/benchmarks?${new URLSearchParams({ framework: structure.code, period: period.code, setting: careSetting, system: successor.code })}`}>{successor.name}</Link>.
              </>
            )}
          </p>
        </div>
      )}
      {benchmarks.peers === 0 ? (
        <div className="nhsuk-inset-text">
          <p>No {setting} organisation has reported for {period.name}.</p>
        </div>
      ) : (
        <>
          <p data-testid="coverage">
            {benchmarks.peers} {setting} organisations in England reported for {period.name}; {benchmarks.own.length} of them are {system.name}&apos;s. Means are of the
            organisations that reported; quartiles are inclusive (as Excel&apos;s QUARTILE.INC); a rank of 1 is the highest score, and tied scores share a rank; the
            percentile is the share of peers scoring lower, counting half of those scoring the same. The overall score is NHS England&apos;s own, over comparable domains
            only: it is shown as published, not worked out from the domains.
          </p>
          <NationalSummaryTable
            domains={structure.domains}
            benchmarks={benchmarks}
            scale={scale}
            systemLabel={systemLabel}
            caption={`England's ${setting} organisations, ${period.name}, and ${system.name}'s mean`}
          />
          {benchmarks.own.length > 0 && (
            <OwnStandingsTable domains={structure.domains} own={benchmarks.own} scale={scale} caption={`${system.name}'s ${setting} organisations among their peers`} />
          )}
          {icb && careSetting !== "icb" && (
            <IcbBesideProviders domains={structure.domains} icb={icb} providers={benchmarks.domains} scale={scale} icbName={icb.shortName} settingName={setting} />
          )}
          <p>
            <Link href={compareHref}>Compare two periods</Link>: each organisation&apos;s change.
          </p>
          <h2>Domain by domain</h2>
          {structure.domains.map((d, i) => {
            const distribution = benchmarks.domains[i]!.national;
            if (!distribution) return null;
            const view = { title: `${d.name}, ${setting}, ${period.name}`, scale, points: benchmarks.points[d.id] ?? [], distribution };
            return (
              <section key={d.id} aria-labelledby={`domain-${d.code}`} data-domain={d.code}>
                <h3 id={`domain-${d.code}`}>{d.name}</h3>
                <figure className="nhsuk-u-margin-0">
                  <figcaption className="nhsuk-body-s">
                    Every organisation as a dot along the scale, the middle half as a box and the median as a line, {system.name}&apos;s organisations named. The tables below give
                    the same figures.
                  </figcaption>
                  <DistributionChart {...view} />
                </figure>
                <DistributionTable {...view} />
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
