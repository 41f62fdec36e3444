import { rankAmong } from "@/lib/benchmark";
import type { DistributionView } from "@/lib/distribution-layout";
import { formatScore, roundToScale } from "@/lib/scale";

/** The distribution chart's figures as tables: the national summary, then the system's organisations. */
export function DistributionTable({ title, scale, points, distribution: d }: DistributionView) {
  const score = (v: number) => formatScore(v, scale);
  const values = points.map((p) => p.value);
  const standings = points
    .filter((p) => p.highlighted)
    .map((p) => ({ ...p, standing: rankAmong(p.value, values)! }))
    .sort((a, b) => a.standing.rank - b.standing.rank || a.name.localeCompare(b.name));
  const statistics = [
    ["Lowest", d.min],
    ["Lower quartile", d.lowerQuartile],
    ["Median", d.median],
    ["Upper quartile", d.upperQuartile],
    ["Highest", d.max],
    ["Mean", d.mean],
  ] as const;
  return (
    <>
      <div className="app-table-scroll" role="region" aria-label={`${title}: summary (scrolls sideways)`} tabIndex={0}>
        <table className="nhsuk-table app-table-compact" data-testid="distribution-summary">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">{title}: all organisations</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col" className="nhsuk-table__header--numeric">
                Organisations
              </th>
              {statistics.map(([label]) => (
                <th key={label} scope="col" className="nhsuk-table__header--numeric">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            <tr>
              <td className="nhsuk-table__cell--numeric">{d.n}</td>
              {statistics.map(([label, value]) => (
                <td key={label} className="nhsuk-table__cell--numeric">
                  {score(value)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {standings.length > 0 && (
        <>
          <table className="nhsuk-table app-table-compact" data-testid="distribution-highlighted">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">{title}: your system&apos;s organisations</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col" className="nhsuk-table__header--numeric">
                  Score
                </th>
                <th scope="col" className="nhsuk-table__header--numeric">
                  Rank
                </th>
                <th scope="col" className="nhsuk-table__header--numeric">
                  Percentile
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {standings.map((p) => (
                <tr key={p.id} data-org={p.id}>
                  <th scope="row">{p.name}</th>
                  <td className="nhsuk-table__cell--numeric">{score(p.value)}</td>
                  <td className="nhsuk-table__cell--numeric">
                    {p.standing.rank} of {p.standing.of}
                  </td>
                  <td className="nhsuk-table__cell--numeric">{roundToScale(p.standing.percentile, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="nhsuk-body-s">
            Rank 1 is the highest score; organisations with the same score share a rank. Percentile is the share of organisations scoring lower, counting
            half of those with the same score.
          </p>
        </>
      )}
    </>
  );
}
