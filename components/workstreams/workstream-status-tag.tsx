import { workstreamStatusLabels, type WorkstreamStatus } from "@/lib/workstream";

const colours: Record<WorkstreamStatus, string> = {
  active: "nhsuk-tag--blue",
  review_requested: "nhsuk-tag--purple",
  stopped: "nhsuk-tag--red",
  closed: "nhsuk-tag--grey",
};

export function WorkstreamStatusTag({ status }: { status: WorkstreamStatus }) {
  return <strong className={`nhsuk-tag ${colours[status]}`}>{workstreamStatusLabels[status]}</strong>;
}
