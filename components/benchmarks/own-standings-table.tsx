import Link from "next/link";
import type { FrameworkDomain } from "@/db/schema";
import type { OwnStanding } from "@/lib/benchmark-view";
import { formatScore, roundToScale, type Scale } from "@/lib/scale";

const standingText = (s: { rank: number; of: number; percentile: number }) => `${s.rank} of ${s.of}, percentile ${roundToScale(s.percentile, 0)}`;

/** Each of the system's organisations: its score, rank and percentile among its peers, per domain and overall. */
export function OwnStandingsTable({ domains, own, scale, caption }: { domains: FrameworkDomain[]; own: OwnStanding[]; scale: Scale; caption: string }) {
  return (
    <div className="app-table-scroll" role="region" aria-label="Your system's organisations among their peers (scrolls sideways)" tabIndex={0}>
      <table className="nhsuk-table app-table-compact" data-testid="own-standings">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Organisation</th>
            {domains.map((d) => (
              <th key={d.id} scope="col">
                {d.shortName}
              </th>
            ))}
            <th scope="col">Overall, as published</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {own.map((o) => (
            <tr key={o.organisationId} data-org={o.odsCode ?? o.organisationId}>
              <th scope="row">
                <Link href={`/organisations/${o.organisationId}`}>{o.name}</Link>
                {o.odsCode && <span className="app-muted"> {o.odsCode}</span>}
              </th>
              {domains.map((d) => {
                const cell = o.domains[d.id];
                return (
                  <td key={d.id} data-domain={d.code}>
                    {cell ? (
                      <>
                        <strong>{formatScore(cell.score, scale)}</strong>
                        <br />
                        <span className="nhsuk-body-s">{standingText(cell.standing)}</span>
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                );
              })}
              <td data-domain="overall">
                {o.overall ? (
                  <>
                    <strong>{formatScore(o.overall.score, { ...scale, decimals: 2 })}</strong>
                    <br />
                    <span className="nhsuk-body-s">{standingText(o.overall.standing)}</span>
                  </>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
