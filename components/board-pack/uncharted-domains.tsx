import { TrajectoryStatusTag } from "@/components/trajectories/trajectory-status-tag";
import { formatScore } from "@/lib/scale";
import type { DomainTrajectory } from "@/lib/trajectory-view";

/** Domains with no line to draw (no target and at most one score): their status, why, and figures in one table. */
export function UnchartedDomains({ trajectories, domains }: { trajectories: DomainTrajectory[]; domains: Map<string, { code: string; name: string }> }) {
  if (trajectories.length === 0) return null;
  return (
    <table className="nhsuk-table app-table-compact" data-testid="uncharted-domains">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">Domains with no chart: no target and no more than one score, so no line to draw</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Domain</th>
          <th scope="col">Status</th>
          <th scope="col" className="nhsuk-table__header--numeric">
            Latest score
          </th>
          <th scope="col" className="nhsuk-table__header--numeric">
            National average
          </th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {trajectories.map((t) => {
          const domain = domains.get(t.domainId)!;
          return (
            <tr key={t.domainId} id={`trajectory-${domain.code}`} data-domain={domain.code}>
              <th scope="row">{domain.name}</th>
              <td>
                <TrajectoryStatusTag status={t.assessment.status} />
              </td>
              <td className="nhsuk-table__cell--numeric">{formatScore(t.assessment.latest?.value ?? null, t.scale)}</td>
              <td className="nhsuk-table__cell--numeric">{formatScore(t.national.at(-1)?.value ?? null, t.scale)}</td>
              <td>{t.assessment.reason}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
