import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssessmentForm } from "@/components/forms/assessment-form";
import { DecisionForm } from "@/components/forms/decision-form";
import { HistoryTable } from "@/components/history-table";
import { StatusTag } from "@/components/status-tag";
import { getAssessmentById, getPreviousReportedScores } from "@/db/queries/assessments";
import { listAuditEntriesByEntity } from "@/db/queries/audit";
import { getFrameworkStructure } from "@/db/queries/frameworks";
import { getNationalAveragesByPeriod } from "@/db/queries/maturity";
import { requireUser } from "@/lib/auth/session";
import { isEditable } from "@/lib/assessment-workflow";
import { isUuid } from "@/lib/ids";
import { gap } from "@/lib/maturity";
import { formatGap, formatScore, scaleOf } from "@/lib/scale";
import { can, canSeeAssessment } from "@/lib/permissions";

export const metadata: Metadata = { title: "Assessment" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

const decidedMessages: Record<string, string> = {
  approve: "The assessment is approved. Its scores now count in every report.",
  return: "The assessment was returned to its CIO for changes.",
  reopen: "The assessment was reopened as a draft.",
};

export default async function AssessmentPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const query = await searchParams;
  const detail = await getAssessmentById({ assessmentId: id });
  if (!detail) notFound();
  const { assessment, organisation, period } = detail;
  const subject = { organisationId: organisation.id };
  if (!canSeeAssessment(user, { status: assessment.status, organisationId: organisation.id })) notFound();

  const [structure, national, history, previous] = await Promise.all([
    getFrameworkStructure({ frameworkId: period.frameworkId }),
    getNationalAveragesByPeriod({ periodId: period.id, careSetting: assessment.careSetting }),
    listAuditEntriesByEntity({ entityType: "assessment", entityId: id, includeRefusals: can(user, "history.view", { organisationId: organisation.id }) }),
    Object.keys(detail.scores).length === 0
      ? getPreviousReportedScores({ organisationId: organisation.id, frameworkId: period.frameworkId, before: period.assessedOn })
      : null,
  ]);
  if (!structure) notFound();
  const scale = scaleOf(structure);
  const editable = isEditable(assessment.status) && can(user, "assessment.edit", subject);
  const choices = [
    ...(assessment.status === "submitted" && can(user, "assessment.approve", subject) ? (["approve"] as const) : []),
    ...(assessment.status === "submitted" && can(user, "assessment.return", subject) ? (["return"] as const) : []),
    ...(assessment.status === "approved" && can(user, "assessment.reopen", subject) ? (["reopen"] as const) : []),
  ];

  return (
    <>
      <Link className="nhsuk-back-link" href={`/organisations/${organisation.id}`}>
        {organisation.shortName}
      </Link>
      <h1>
        <span className="nhsuk-caption-l">{organisation.name}</span>
        {structure.name} {structure.version}: {period.name}
      </h1>
      <p>
        Status: <StatusTag status={assessment.status} />
        {detail.updatedByName && (
          <>
            {" "}
            · last changed by {detail.updatedByName}
          </>
        )}
      </p>
      {query.saved != null && (
        <div className="nhsuk-inset-text" role="status">
          <p>Draft saved: {query.saved === "0" ? "no scores changed" : `${query.saved} score${query.saved === "1" ? "" : "s"} changed`}.</p>
        </div>
      )}
      {query.submitted && (
        <div className="nhsuk-inset-text" role="status">
          <p>Submitted for approval. A programme board member or an administrator will review it.</p>
        </div>
      )}
      {query.decided && decidedMessages[query.decided] && (
        <div className="nhsuk-inset-text" role="status">
          <p>{decidedMessages[query.decided]}</p>
        </div>
      )}

      {editable ? (
        <>
          {previous && (
            <div className="nhsuk-inset-text">
              <p>The boxes start with your {previous.periodName} scores. Nothing is saved until you save the draft.</p>
            </div>
          )}
          <AssessmentForm
            scale={scale}
            assessmentId={id}
            version={assessment.version}
            sections={structure.sections}
            values={Object.keys(detail.scores).length > 0 ? detail.scores : (previous?.scores ?? {})}
            canSubmit={can(user, "assessment.submit", subject)}
          />
        </>
      ) : (
        <table className="nhsuk-table" data-testid="scores">
          <caption className="nhsuk-table__caption nhsuk-table__caption--m">Scores</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Domain</th>
              <th scope="col" className="nhsuk-table__header--numeric">Score</th>
              <th scope="col" className="nhsuk-table__header--numeric">National</th>
              <th scope="col" className="nhsuk-table__header--numeric">Gap to national</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {structure.domains.map((d) => (
              <tr key={d.id} data-domain={d.code}>
                <th scope="row">{d.name}</th>
                <td className="nhsuk-table__cell--numeric">{formatScore(detail.scores[d.id] ?? null, scale)}</td>
                <td className="nhsuk-table__cell--numeric">{formatScore(national[d.id] ?? null, scale)}</td>
                <td className="nhsuk-table__cell--numeric">{formatGap(gap(detail.scores[d.id], national[d.id]), scale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {choices.length > 0 && (
        <>
          <h2>Decision</h2>
          <DecisionForm assessmentId={id} version={assessment.version} choices={choices} />
        </>
      )}

      <h2>Status history</h2>
      <HistoryTable entries={history} caption="Who started, submitted, approved or returned this assessment" />
    </>
  );
}
