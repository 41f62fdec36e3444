import { TrajectoryStatusTag } from "./trajectory-status-tag";
import { formatFinancialYear } from "@/lib/financial-year";
import { formatScore } from "@/lib/scale";
import type { DomainTrajectory } from "@/lib/trajectory-view";

export function TrajectoryStatusTable({ trajectories, domains, caption }: { trajectories: DomainTrajectory[]; domains: Map<string, { name: string; code: string }>; caption: string }) {
  const hasGoal = trajectories.some((t) => t.goal);
  return (
    <div className="app-table-scroll" role="region" aria-label="Status of every domain (scrolls sideways)" tabIndex={0}>
      <table className="nhsuk-table" data-testid="trajectory-status">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Domain</th>
            <th scope="col" className="nhsuk-table__header--numeric">Baseline</th>
            <th scope="col" className="nhsuk-table__header--numeric">Latest</th>
            <th scope="col" className="nhsuk-table__header--numeric">Planned at latest</th>
            <th scope="col">Target judged</th>
            <th scope="col" className="nhsuk-table__header--numeric">Expected at its date</th>
            <th scope="col">Status</th>
            {hasGoal && <th scope="col">Section goal</th>}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {trajectories.map((t) => {
            const a = t.assessment;
            return (
              <tr key={t.domainId} data-domain-id={t.domainId}>
                <th scope="row">
                  <a href={`#trajectory-${domains.get(t.domainId)!.code}`}>{domains.get(t.domainId)!.name}</a>
                </th>
                <td className="nhsuk-table__cell--numeric">{formatScore(a.baseline?.value ?? null, t.scale)}</td>
                <td className="nhsuk-table__cell--numeric">{formatScore(a.latest?.value ?? null, t.scale)}</td>
                <td className="nhsuk-table__cell--numeric">{formatScore(a.plannedAtLatest, t.scale)}</td>
                <td>{a.target ? `${a.target.value}% by end ${formatFinancialYear(a.target.financialYear)}` : "–"}</td>
                <td className="nhsuk-table__cell--numeric">{formatScore(a.expectedAtTarget, t.scale)}</td>
                <td>
                  <TrajectoryStatusTag status={a.status} />
                </td>
                {hasGoal && <td>{t.goal == null ? "–" : t.goal.meets === true ? `Meets (${formatScore(t.goal.expected, t.scale)})` : t.goal.meets === false ? `Misses (${formatScore(t.goal.expected, t.scale)})` : "Cannot project yet"}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
