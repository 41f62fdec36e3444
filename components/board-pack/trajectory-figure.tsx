import { PackTrajectoryChart } from "./trajectory-chart";
import { TrajectoryStatusTag } from "@/components/trajectories/trajectory-status-tag";
import { formatShortDate } from "@/lib/dates";
import { formatScore } from "@/lib/scale";
import { trajectoryChartPoints, type DomainTrajectory } from "@/lib/trajectory-view";

const DAY_MS = 86_400_000;
const shortDate = (day: number) => formatShortDate(new Date(day * DAY_MS).toISOString().slice(0, 10));

/** One domain: its status and why, the chart, and the same figures as a table. */
export function TrajectoryFigure({ trajectory, domain }: { trajectory: DomainTrajectory; domain: { code: string; name: string } }) {
  const points = trajectoryChartPoints(trajectory);
  const scale = trajectory.scale;
  return (
    <figure className="app-pack-chart" id={`trajectory-${domain.code}`} data-domain={domain.code}>
      <figcaption className="app-pack-chart__caption">
        <span className="app-pack-chart__title">{domain.name}</span> <TrajectoryStatusTag status={trajectory.assessment.status} />
        <span className="app-pack-chart__reason" data-testid="reason">
          {trajectory.assessment.reason}
        </span>
      </figcaption>
      <PackTrajectoryChart points={points} scale={scale} />
      <table className="nhsuk-table app-table-compact app-pack-chart__table" data-testid={`figures-${domain.code}`}>
        <caption className="nhsuk-u-visually-hidden">{domain.name}: actual, planned and national scores by date, as the chart draws them</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Date</th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Actual
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              Planned
            </th>
            <th scope="col" className="nhsuk-table__header--numeric">
              National
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {points.map((p) => (
            <tr key={p.day}>
              <th scope="row">{shortDate(p.day)}</th>
              <td className="nhsuk-table__cell--numeric">{p.actual == null ? "–" : formatScore(p.actual, scale)}</td>
              <td className="nhsuk-table__cell--numeric">{p.plan == null ? "–" : formatScore(p.plan, scale)}</td>
              <td className="nhsuk-table__cell--numeric">{p.national == null ? "–" : formatScore(p.national, scale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
