import { assessmentStatusLabels, type AssessmentStatus } from "@/lib/assessment-workflow";

const colours: Record<AssessmentStatus, string> = { draft: "nhsuk-tag--grey", submitted: "nhsuk-tag--yellow", approved: "nhsuk-tag--green" };

export function StatusTag({ status }: { status: AssessmentStatus }) {
  return <strong className={`nhsuk-tag ${colours[status]}`}>{assessmentStatusLabels[status]}</strong>;
}
