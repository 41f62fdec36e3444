import type { FrameworkStructure } from "@/db/queries/frameworks";
import type { OrganisationScores } from "@/db/queries/maturity";
import type { Heatmap } from "@/lib/heatmap";
import { formatCount } from "@/lib/maturity";
import { formatScore, scaleOf } from "@/lib/scale";
import { HeatmapRows } from "./heatmap-rows";

export function HeatmapTable({
  structure,
  heatmap,
  caption,
  scopeLabel,
  nationalLabel = "National average",
}: {
  /** "National average", or "National median" where the national figure is worked out from every organisation. */
  nationalLabel?: string;
  structure: FrameworkStructure;
  heatmap: Heatmap<OrganisationScores>;
  caption: string;
  scopeLabel: string;
}) {
  const scale = scaleOf(structure);
  return (
    <div className="app-table-scroll" role="region" aria-label="Maturity heatmap (scrolls sideways)" tabIndex={0}>
      <table className="nhsuk-table app-heatmap" data-testid="heatmap">
        <caption className="nhsuk-table__caption">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <td rowSpan={2} />
            {structure.sections.map((s) => (
              <th key={s.id} scope="colgroup" colSpan={s.domains.length} className="app-heatmap__section">
                {s.name}
              </th>
            ))}
            <th rowSpan={2} scope="col" className="app-heatmap__total">
              Domains above national
            </th>
          </tr>
          <tr>
            {structure.domains.map((d) => (
              <th key={d.id} scope="col" className="app-heatmap__domain">
                {d.shortName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          <HeatmapRows
            scale={scale}
            domainCodes={structure.domains.map((d) => d.code)}
            rows={heatmap.rows.map(({ organisation: o, cells, summary }) => ({
              id: o.id,
              code: o.odsCode,
              name: o.shortName,
              awaitingApproval: o.status === "submitted",
              cells: cells.map((c) => [c.score, c.gapToNational, c.band]),
              domainsAbove: formatCount(summary.domainsAbove, summary.domainsCompared),
            }))}
          />
        </tbody>
        <tfoot>
          <tr data-testid="mean-row">
            <th scope="row">{scopeLabel} mean (average provider score)</th>
            {heatmap.domainSummaries.map((s, i) => (
              <td key={s.domainId} className={`app-heatmap__cell app-band--${s.band ?? "none"}`} data-domain={structure.domains[i]!.code}>
                <span className="app-heatmap__score">{formatScore(s.mean, scale)}</span>
              </td>
            ))}
            <td />
          </tr>
          <tr data-testid="national-row">
            <th scope="row">{nationalLabel}</th>
            {heatmap.domainSummaries.map((s, i) => (
              <td key={s.domainId} data-domain={structure.domains[i]!.code}>
                {formatScore(s.national, scale)}
              </td>
            ))}
            <td />
          </tr>
          <tr data-testid="above-row">
            <th scope="row">Providers above {nationalLabel.toLowerCase()}</th>
            {heatmap.domainSummaries.map((s, i) => (
              <td key={s.domainId} data-domain={structure.domains[i]!.code}>
                {s.national == null ? "–" : formatCount(s.providersAbove, s.providersScored)}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
