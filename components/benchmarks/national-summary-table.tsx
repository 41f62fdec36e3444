import type { FrameworkDomain } from "@/db/schema";
import type { Benchmarks } from "@/lib/benchmark-view";
import { formatGap, formatScore, type Scale } from "@/lib/scale";

/** Per pillar: England's spread in this setting and period, and the system's mean against it. */
export function NationalSummaryTable({ domains, benchmarks, scale, systemLabel, caption }: { domains: FrameworkDomain[]; benchmarks: Benchmarks; scale: Scale; systemLabel: string; caption: string }) {
  const score = (v: number | null | undefined) => formatScore(v, scale);
  return (
    <div className="app-table-scroll" role="region" aria-label="England's figures per domain (scrolls sideways)" tabIndex={0}>
      <table className="nhsuk-table app-table-compact" data-testid="national-summary">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Domain</th>
            <th scope="col" className="nhsuk-table__header--numeric">Organisations</th>
            <th scope="col" className="nhsuk-table__header--numeric">Mean</th>
            <th scope="col" className="nhsuk-table__header--numeric">Lowest</th>
            <th scope="col" className="nhsuk-table__header--numeric">Lower quartile</th>
            <th scope="col" className="nhsuk-table__header--numeric">Median</th>
            <th scope="col" className="nhsuk-table__header--numeric">Upper quartile</th>
            <th scope="col" className="nhsuk-table__header--numeric">Highest</th>
            <th scope="col" className="nhsuk-table__header--numeric">{systemLabel} mean</th>
            <th scope="col" className="nhsuk-table__header--numeric">Against the national mean</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {benchmarks.domains.map((b, i) => {
            const d = b.national;
            return (
              <tr key={b.domainId} data-domain={domains[i]!.code}>
                <th scope="row">{domains[i]!.name}</th>
                <td className="nhsuk-table__cell--numeric">{d?.n ?? 0}</td>
                <td className="nhsuk-table__cell--numeric">{score(d?.mean)}</td>
                <td className="nhsuk-table__cell--numeric">{score(d?.min)}</td>
                <td className="nhsuk-table__cell--numeric">{score(d?.lowerQuartile)}</td>
                <td className="nhsuk-table__cell--numeric">{score(d?.median)}</td>
                <td className="nhsuk-table__cell--numeric">{score(d?.upperQuartile)}</td>
                <td className="nhsuk-table__cell--numeric">{score(d?.max)}</td>
                <td className="nhsuk-table__cell--numeric">
                  {score(b.systemMean)}
                  {b.systemScored > 0 && <span className="app-muted"> ({b.systemScored})</span>}
                </td>
                <td className="nhsuk-table__cell--numeric">{b.systemMean == null || !d ? "–" : formatGap(b.systemMean - d.mean, scale)}</td>
              </tr>
            );
          })}
          {benchmarks.overall && (
            <tr data-domain="overall">
              <th scope="row">Overall, as published</th>
              <td className="nhsuk-table__cell--numeric">{benchmarks.overall.n}</td>
              <td className="nhsuk-table__cell--numeric">{score(benchmarks.overall.mean)}</td>
              <td className="nhsuk-table__cell--numeric">{score(benchmarks.overall.min)}</td>
              <td className="nhsuk-table__cell--numeric">{score(benchmarks.overall.lowerQuartile)}</td>
              <td className="nhsuk-table__cell--numeric">{score(benchmarks.overall.median)}</td>
              <td className="nhsuk-table__cell--numeric">{score(benchmarks.overall.upperQuartile)}</td>
              <td className="nhsuk-table__cell--numeric">{score(benchmarks.overall.max)}</td>
              <td className="nhsuk-table__cell--numeric">–</td>
              <td className="nhsuk-table__cell--numeric">–</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
