import { TrajectoryChart } from "@/components/charts/lazy-charts";
import { TargetForm } from "@/components/forms/target-form";
import { TrajectoryStatusTag } from "./trajectory-status-tag";
import { dayNumber, financialYearEnd, formatFinancialYear } from "@/lib/financial-year";
import { trajectoryFigures } from "@/lib/export/tables/trajectories";
import { formatPercent } from "@/lib/maturity";
import { trajectoryChartPoints, type DomainTrajectory } from "@/lib/trajectory-view";

const dateLabel = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export interface EditableTarget {
  id: string;
  version: number;
  financialYear: number;
  score: number;
}

/** One domain: its status and why, the chart, the same figures as a table, and targets to edit. */
export function DomainTrajectorySection({
  trajectory,
  domain,
  scopeLabel,
  edit,
}: {
  trajectory: DomainTrajectory;
  domain: { id: string; code: string; name: string };
  scopeLabel: string;
  edit: { scope: "system" | "footprint" | "organisation"; scopeId: string; frameworkId: string; targets: EditableTarget[] } | null;
}) {
  const { assessment } = trajectory;
  const points = trajectoryChartPoints(trajectory);
  const fyTicks = [...new Set(trajectory.targets.map((t) => dayNumber(financialYearEnd(t.financialYear))))];
  // The same rows as the download of the figures.
  const rows = trajectoryFigures(trajectory).map((f) => ({ ...f, value: formatPercent(f.value) }));
  return (
    <section className="app-domain-trajectory" aria-labelledby={`trajectory-${domain.code}`} data-domain={domain.code}>
      <h3 id={`trajectory-${domain.code}`}>
        {domain.name} <TrajectoryStatusTag status={assessment.status} />
      </h3>
      <p data-testid="reason">{assessment.reason}</p>
      {points.length > 0 && (
        <figure className="nhsuk-u-margin-0">
          <figcaption className="nhsuk-body-s">
            Line chart of the {scopeLabel} actual scores for {domain.name}, the planned path through its targets, and the national average. The table
            below gives the same figures.
          </figcaption>
          <TrajectoryChart points={points} ticks={fyTicks.length > 0 ? fyTicks : points.map((p) => p.day)} />
        </figure>
      )}
      <table className="nhsuk-table app-table-compact" data-testid={`trajectory-table-${domain.code}`}>
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{domain.name}: actuals, targets and national average by date</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Figure</th>
            <th scope="col" className="nhsuk-table__header--numeric">Score</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{dateLabel(r.date)}</td>
              <td>{r.kind}</td>
              <td className="nhsuk-table__cell--numeric">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {edit && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Set targets for {domain.name}</span>
          </summary>
          <div className="nhsuk-details__text">
            {edit.targets.map((t) => (
              <TargetForm
                key={t.id}
                idPrefix={`${domain.code}-${t.financialYear}`}
                scope={edit.scope}
                scopeId={edit.scopeId}
                frameworkId={edit.frameworkId}
                domainId={domain.id}
                domainName={domain.name}
                existing={{ id: t.id, version: t.version, financialYear: formatFinancialYear(t.financialYear), score: t.score }}
              />
            ))}
            <TargetForm idPrefix={`${domain.code}-new`} scope={edit.scope} scopeId={edit.scopeId} frameworkId={edit.frameworkId} domainId={domain.id} domainName={domain.name} />
          </div>
        </details>
      )}
    </section>
  );
}
