import type { z } from "zod";
import type { assessmentSummarySchema } from "./endpoints/assessments";

interface AssessmentRow {
  id: string;
  status: "draft" | "submitted" | "approved";
  version: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
  organisation: { id: string; odsCode: string | null; name: string };
  framework: { id: string; code: string };
  period: { id: string; code: string; name: string; assessedOn: string };
}

/** An assessment as the API shows it: times as ISO strings. */
export function assessmentSummary(row: AssessmentRow): z.input<typeof assessmentSummarySchema> {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    organisation: row.organisation,
    framework: row.framework,
    period: row.period,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}
