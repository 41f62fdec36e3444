import type { Metadata } from "next";
import { setPeriodOpenAction } from "@/app/admin/actions";
import { PeriodForm } from "@/components/forms/period-form";
import { ToggleForm } from "@/components/forms/toggle-form";
import { listFrameworks, listPeriods } from "@/db/queries/frameworks";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Assessment periods" };

export default async function PeriodsPage() {
  await requirePermission("period.manage");
  const [frameworks, periods] = await Promise.all([listFrameworks(), listPeriods()]);
  const frameworkLabel = new Map(frameworks.map((f) => [f.id, `${f.name} ${f.version}`]));
  return (
    <>
      <h1>Assessment periods</h1>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Periods, newest first. CIOs can start assessments only in an open period.</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Code</th>
            <th scope="col">Framework</th>
            <th scope="col">Scores describe</th>
            <th scope="col">Open?</th>
            <th scope="col">
              <span className="nhsuk-u-visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {periods.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>{p.code}</td>
              <td>{frameworkLabel.get(p.frameworkId)}</td>
              <td>{p.assessedOn}</td>
              <td>{p.isOpen ? "Open" : "Closed"}</td>
              <td>
                <ToggleForm action={setPeriodOpenAction} fields={{ periodId: p.id, isOpen: String(!p.isOpen) }} label={p.isOpen ? `Close ${p.name}` : `Reopen ${p.name}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Open a new assessment period</h2>
      <PeriodForm frameworks={frameworks.map((f) => ({ id: f.id, label: `${f.name} ${f.version}` }))} />
    </>
  );
}
