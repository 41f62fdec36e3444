import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/status-tag";
import { listAssessments, type AssessmentListItem } from "@/db/queries/assessments";
import { SystemForm } from "@/components/system-select";
import { listOrganisationsByIds } from "@/db/queries/places";
import { getSystemScope } from "@/db/queries/system-scope";
import { firstParam } from "@/lib/maturity-selection";
import { requireUser } from "@/lib/auth/session";
import { canSeeAssessment } from "@/lib/permissions";

export const metadata: Metadata = { title: "Assessments" };

function AssessmentTable({ items, caption, testId }: { items: AssessmentListItem[]; caption: string; testId: string }) {
  return (
    <table className="nhsuk-table" data-testid={testId}>
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Organisation</th>
          <th scope="col">Period</th>
          <th scope="col">Status</th>
          <th scope="col">Last changed</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {items.map((a) => (
          <tr key={a.id}>
            <th scope="row">
              <Link href={`/assessments/${a.id}`}>{a.organisationName}</Link>
            </th>
            <td>{a.periodName}</td>
            <td>
              <StatusTag status={a.status} />
            </td>
            <td>{a.updatedAt.toLocaleDateString("en-GB", { timeZone: "Europe/London" })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AssessmentsPage({ searchParams }: Props) {
  const user = await requireUser();
  const scope = await getSystemScope({ system: firstParam((await searchParams).system), organisationIds: user.organisationIds });
  const [assessments, ownOrganisations] = await Promise.all([listAssessments({ systemId: scope.system?.id }), listOrganisationsByIds({ ids: user.organisationIds })]);
  const all = assessments.filter((a) => canSeeAssessment(user, a));
  const awaiting = all.filter((a) => a.status === "submitted");
  const mine = all.filter((a) => user.organisationIds.includes(a.organisationId));
  return (
    <>
      <h1>Assessments</h1>
      <SystemForm scope={scope} label="Choose the system" />
      {user.role === "cio" && (
        <>
          <p>
            To start an assessment for an open period, go to your organisation&apos;s page:{" "}
            {ownOrganisations.length === 0
              ? "you have no organisation yet: ask an administrator."
              : ownOrganisations.map((o, i) => (
                  <span key={o.id}>
                    {i > 0 && ", "}
                    <Link href={`/organisations/${o.id}`}>{o.name}</Link>
                  </span>
                ))}
          </p>
          {mine.length > 0 && <AssessmentTable items={mine} caption="Your organisations' assessments" testId="mine" />}
        </>
      )}
      {awaiting.length > 0 ? (
        <AssessmentTable items={awaiting} caption="Awaiting approval" testId="awaiting" />
      ) : (
        <p>No assessment is awaiting approval.</p>
      )}
      <AssessmentTable items={all} caption="All assessments you can see" testId="all" />
    </>
  );
}
