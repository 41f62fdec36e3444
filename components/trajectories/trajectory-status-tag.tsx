import { statusLabels, type TrajectoryStatus } from "@/lib/trajectory";

const colours: Record<TrajectoryStatus, string> = {
  "on-track": "nhsuk-tag--green",
  "at-risk": "nhsuk-tag--yellow",
  "off-track": "nhsuk-tag--red",
  "no-target": "nhsuk-tag--grey",
  "no-data": "nhsuk-tag--grey",
};

export function TrajectoryStatusTag({ status }: { status: TrajectoryStatus }) {
  return (
    <strong className={`nhsuk-tag ${colours[status]}`} data-status={status}>
      {statusLabels[status]}
    </strong>
  );
}
