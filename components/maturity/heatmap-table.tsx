import Link from "next/link";
import type { FrameworkStructure } from "@/db/queries/frameworks";
import type { OrganisationScores } from "@/db/queries/maturity";
import type { Heatmap } from "@/lib/heatmap";
import { formatCount, formatGap, formatPercent } from "@/lib/maturity";

export function HeatmapTable({
  structure,
  heatmap,
  caption,
  scopeLabel,
}: {
  structure: FrameworkStructure;
  heatmap: Heatmap<OrganisationScores>;
  caption: string;
  scopeLabel: string;
}) {
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
          {heatmap.rows.map(({ organisation: o, cells, summary }) => (
            <tr key={o.id} data-org={o.odsCode ?? o.id}>
              <th scope="row" className="app-heatmap__org">
                <Link href={`/organisations/${o.id}`}>{o.shortName}</Link>
                {o.odsCode && <span className="app-muted"> {o.odsCode}</span>}
                {o.status === "submitted" && <strong className="nhsuk-tag nhsuk-tag--yellow app-tag-small">Awaiting approval</strong>}
              </th>
              {cells.map((c, i) => (
                <td key={c.domainId} className={`app-heatmap__cell app-band--${c.band ?? "none"}`} data-domain={structure.domains[i]!.code}>
                  <span className="app-heatmap__score">{formatPercent(c.score)}</span>
                  {c.gapToNational != null && (
                    <span className="app-heatmap__gap">
                      {formatGap(c.gapToNational)}
                      <span className="nhsuk-u-visually-hidden"> points against national</span>
                    </span>
                  )}
                </td>
              ))}
              <td data-testid="domains-above">{formatCount(summary.domainsAbove, summary.domainsCompared)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="mean-row">
            <th scope="row">{scopeLabel} mean (average provider score)</th>
            {heatmap.domainSummaries.map((s, i) => (
              <td key={s.domainId} className={`app-heatmap__cell app-band--${s.band ?? "none"}`} data-domain={structure.domains[i]!.code}>
                <span className="app-heatmap__score">{formatPercent(s.mean)}</span>
              </td>
            ))}
            <td />
          </tr>
          <tr data-testid="national-row">
            <th scope="row">National average</th>
            {heatmap.domainSummaries.map((s, i) => (
              <td key={s.domainId} data-domain={structure.domains[i]!.code}>
                {formatPercent(s.national)}
              </td>
            ))}
            <td />
          </tr>
          <tr data-testid="above-row">
            <th scope="row">Providers above national</th>
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
