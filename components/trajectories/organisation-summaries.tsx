import { OrganisationSummaryRows } from "./organisation-summary-rows";
import type { OrganisationTrajectoryCell } from "@/lib/trajectory-view";
import type { Scale } from "@/lib/scale";

/** The organisation trajectory summaries: each trust's path beside the scope's. */
export function OrganisationSummaries({
  summaries,
  organisations,
  domains,
  scopeLabel,
  linkParams,
  scale,
}: {
  scale: Scale;
  summaries: { organisationId: string; cells: OrganisationTrajectoryCell[] }[];
  organisations: Map<string, { name: string }>;
  domains: { id: string; shortName: string }[];
  scopeLabel: string;
  /** Carried into each organisation's link, so an as-at view stays as at that date. */
  linkParams: Record<string, string>;
}) {
  return (
    <div className="app-table-scroll" role="region" aria-label="Organisation trajectory summaries (scrolls sideways)" tabIndex={0}>
      <table className="nhsuk-table app-table-compact" data-testid="organisation-summaries">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">
          Organisation trajectory summaries: each provider&apos;s latest score and status, against its own targets where it has set them (marked ★), otherwise the{" "}
          {scopeLabel} targets
        </caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Organisation</th>
            {domains.map((d) => (
              <th key={d.id} scope="col">
                {d.shortName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          <OrganisationSummaryRows
            scale={scale}
            domainIds={domains.map((d) => d.id)}
            rows={summaries.map((s) => ({
              id: s.organisationId,
              name: organisations.get(s.organisationId)?.name ?? "",
              href: `/trajectories?${new URLSearchParams({ ...linkParams, organisation: s.organisationId })}`,
              cells: s.cells.map((c) => [c.latest, c.assessment.status, c.ownTargets]),
            }))}
          />
        </tbody>
      </table>
    </div>
  );
}
