import { TrajectoryChart } from "@/components/charts/lazy-charts";
import { TextRows } from "@/components/text-rows";
import { TargetEditor } from "./target-editor";
import { TrajectoryStatusTag } from "./trajectory-status-tag";
import { formatShortDate } from "@/lib/dates";
import { dayNumber, financialYearEnd } from "@/lib/financial-year";
import { trajectoryFigures } from "@/lib/export/tables/trajectories";
import { formatScore } from "@/lib/scale";
import { trajectoryChartPoints, type DomainTrajectory, type EditableTarget } from "@/lib/trajectory-view";

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
  /** Null where the user may not set targets here (or the view is of the past). */
  edit: { scope: "system" | "footprint" | "organisation"; scopeId: string; frameworkId: string; targets: EditableTarget[]; open: boolean; openHref: string } | null;
}) {
  const { assessment, scale } = trajectory;
  const points = trajectoryChartPoints(trajectory);
  const fyTicks = [...new Set(trajectory.targets.map((t) => dayNumber(financialYearEnd(t.financialYear))))];
  // The same rows as the download of the figures.
  const rows = trajectoryFigures(trajectory).map((f) => ({ ...f, value: formatScore(f.value, scale) }));
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
          <TrajectoryChart scale={scale} points={points} ticks={fyTicks.length > 0 ? fyTicks : points.map((p) => p.day)} />
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
          <TextRows rows={rows.map((r) => [formatShortDate(r.date), r.kind, r.value])} numericColumns={[2]} />
        </tbody>
      </table>
      {edit && (
        <TargetEditor
          scope={edit.scope}
          scopeId={edit.scopeId}
          frameworkId={edit.frameworkId}
          domain={{ id: domain.id, code: domain.code, name: domain.name }}
          targets={edit.targets}
          initiallyOpen={edit.open}
          openHref={edit.openHref}
        />
      )}
    </section>
  );
}
