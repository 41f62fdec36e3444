import type { ImportStatus } from "@/lib/import/kinds";

/** Committed, discarded, expired, has errors, or ready to import: in words, with a colour. */
export function StatusTag({ job }: { job: { status: ImportStatus; errorCount: number } }) {
  if (job.status === "committed") return <strong className="nhsuk-tag nhsuk-tag--green">Imported</strong>;
  if (job.status === "discarded") return <strong className="nhsuk-tag nhsuk-tag--grey">Discarded</strong>;
  if (job.status === "expired") return <strong className="nhsuk-tag nhsuk-tag--grey">Expired: not imported in time</strong>;
  if (job.errorCount > 0) return <strong className="nhsuk-tag nhsuk-tag--red">Has errors</strong>;
  return <strong className="nhsuk-tag nhsuk-tag--blue">Ready to import</strong>;
}
