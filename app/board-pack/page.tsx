import "./board-pack.css";
import type { Metadata } from "next";
import { PackReviewsTable, PackConditionsTable } from "@/components/board-pack/agenda-tables";
import { PackAttentionTable } from "@/components/board-pack/attention-table";
import { PackCapabilityMatrix } from "@/components/board-pack/capability-matrix";
import { PackCover } from "@/components/board-pack/pack-cover";
import { PackForm } from "@/components/board-pack/pack-form";
import { PackSection } from "@/components/board-pack/pack-section";
import { TrajectoriesContent } from "@/components/board-pack/trajectories-section";
import { HeatmapLegend } from "@/components/maturity/heatmap-legend";
import { HeatmapTable } from "@/components/maturity/heatmap-table";
import { getBoardPackData } from "@/db/queries/board-pack";
import { londonDate } from "@/lib/as-at";
import { requireUser } from "@/lib/auth/session";
import { asAtMeanings, assembleBoardPack, packGlance, packSectionTitles, parsePackDate } from "@/lib/board-pack";
import { firstParam } from "@/lib/maturity-selection";
import { rateLimitNotice } from "@/lib/rate-limit";
import { RateLimitNotice } from "@/components/rate-limit-notice";

export const metadata: Metadata = { title: "Programme board pack" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Read-only, like the board view: every signed-in role may open it.
export default async function BoardPackPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  const today = londonDate();
  const { asAt, error } = parsePackDate(firstParam(params.asAt), today);
  const limited = await rateLimitNotice("as-at", { userId: user.id });
  if (limited) return <RateLimitNotice title="Programme board pack" message={limited} />;
  const data = await getBoardPackData({ footprint: firstParam(params.footprint), asAt, today, system: firstParam(params.system), organisationIds: user.organisationIds });
  if (!data) return <h1>No maturity framework has been set up yet</h1>;
  const pack = assembleBoardPack(data);
  const { structure, system, footprint, period } = data;
  const scopeLabel = footprint?.name ?? `${system.name} (whole system)`;
  const shortScope = footprint?.name ?? system.code;
  const meaning = asAtMeanings(asAt);
  const domains = new Map(structure.domains.map((d) => [d.id, d]));

  return (
    <div className="app-pack">
      <PackCover
        scopeLabel={scopeLabel}
        systemName={system.name}
        asAt={asAt}
        today={today}
        controls={<PackForm selection={data.selection} asAt={asAt} today={today} error={error} />}
        glance={packGlance(pack, { periodName: period?.name ?? null, columns: data.capabilityColumns.length })}
      />

      <PackSection id="heatmap" title={packSectionTitles.heatmap} asAt={meaning.heatmap} orientation="landscape">
        {period && pack.heatmap.rows.length > 0 ? (
          <>
            <HeatmapTable
              structure={structure}
              heatmap={pack.heatmap}
              scopeLabel={shortScope}
              caption={`${scopeLabel}: ${structure.name} scores, ${period.name} (${pack.heatmap.rows.length} providers)`}
            />
            <HeatmapLegend scale={data.scale} />
          </>
        ) : (
          <p data-testid="no-heatmap">No provider in {scopeLabel} had reported scores for a period on or before that date.</p>
        )}
      </PackSection>

      <PackSection id="trajectories" title={packSectionTitles.trajectories} asAt={meaning.trajectories} orientation="landscape">
        <TrajectoriesContent
          scale={data.scale}
          trajectories={pack.trajectories}
          domains={domains}
          scopeLabel={shortScope}
          systemName={system.name}
          borrowedDomainIds={pack.borrowedDomainIds}
          goal={pack.goal}
          goalBorrowed={pack.goalBorrowed}
        />
      </PackSection>

      <PackSection id="capabilities" title={packSectionTitles.capabilities} asAt={meaning.capabilities}>
        <p className="nhsuk-body-s">
          Delivered once a project that enables the capability is delivered; in progress while a project that enables or supports it is in flight or paused, or once a
          supporting one is delivered; planned when the only such projects are planned. Stopped projects count for nothing. A project counts in the footprints it names
          and in every footprint its owners serve.
        </p>
        <PackCapabilityMatrix capabilities={data.capabilities} columns={data.capabilityColumns} matrix={pack.matrix} projects={pack.projects} />
      </PackSection>

      <PackSection id="projects" title={packSectionTitles.projects} asAt={meaning.projects}>
        {pack.changedSince > 0 && (
          <p data-testid="changed-since">
            {pack.changedSince} {pack.changedSince === 1 ? "project here has" : "projects here have"} changed since: shown as they were then.
          </p>
        )}
        <PackAttentionTable projects={pack.attention} scopeLabel={shortScope} />
      </PackSection>

      <PackSection id="reviews" title={packSectionTitles.reviews} asAt={meaning.reviews}>
        <PackReviewsTable awaiting={pack.agenda.awaiting} deliverables={data.pendingDeliverables} />
      </PackSection>

      <PackSection id="conditions" title={packSectionTitles.conditions} asAt={meaning.conditions} continues>
        <PackConditionsTable conditions={pack.agenda.conditions} />
      </PackSection>
    </div>
  );
}
