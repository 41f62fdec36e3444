import Link from "next/link";
import type { listImportJobs } from "@/db/queries/imports";
import { importKindLabels } from "@/lib/import/kinds";
import { StatusTag } from "./status-tag";

type Job = Awaited<ReturnType<typeof listImportJobs>>[number];

const when = (d: Date) => d.toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "medium", timeStyle: "short" });

export function ImportJobsTable({ jobs, showUser }: { jobs: Job[]; showUser: boolean }) {
  return (
    <table className="nhsuk-table" data-testid="import-jobs">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Imports, latest first</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">File</th>
          <th scope="col">Holds</th>
          {showUser && <th scope="col">By</th>}
          <th scope="col">Checked</th>
          <th scope="col">Rows</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {jobs.map((job) => (
          <tr key={job.id}>
            <th scope="row">
              <Link href={`/imports/${job.id}`}>{job.fileName}</Link>
            </th>
            <td>{importKindLabels[job.kind]}</td>
            {showUser && <td>{job.userName}</td>}
            <td>{when(job.createdAt)}</td>
            <td>{job.rowCount.toLocaleString("en-GB")}</td>
            <td>
              <StatusTag job={job} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
