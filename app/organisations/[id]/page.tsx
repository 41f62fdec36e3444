import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PeriodSelect } from "@/components/maturity/selection-fields";
import { OrganisationScoresChart } from "@/components/charts/lazy-charts";
import { StartAssessmentForm } from "@/components/forms/start-assessment-form";
import { HistoryTable } from "@/components/history-table";
import { StatusTag } from "@/components/status-tag";
import { listAuditEntriesByOrganisation } from "@/db/queries/audit";
import { getNationalAveragesByPeriod, listAssessmentsByOrganisation, listReportedScoresByPeriod } from "@/db/queries/maturity";
import { getMaturitySelection } from "@/db/queries/maturity-selection";
import { getOrganisationById } from "@/db/queries/places";
import { requireUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { formatGap, formatScore, roundToScale } from "@/lib/scale";
import { careSettingLabels } from "@/lib/care-settings";
import { firstParam } from "@/lib/maturity-selection";
import { compareWithPeers } from "@/lib/organisation-comparison";
import { can, canSeeAssessment } from "@/lib/permissions";

export const metadata: Metadata = { title: "Organisation" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganisationPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const query = await searchParams;
  const [organisation, selection, assessments, history] = await Promise.all([
    getOrganisationById({ organisationId: id }),
    // Within the organisation's own system: its peers and footprints are there.
    getMaturitySelection({ framework: firstParam(query.framework), period: firstParam(query.period), footprint: firstParam(query.footprint), setting: firstParam(query.setting), organisationIds: [id] }),
    listAssessmentsByOrganisation({ organisationId: id }),
    can(user, "history.view", { organisationId: id })
      ? listAuditEntriesByOrganisation({ organisationId: id, includeDraftScores: can(user, "assessment.view-draft", { organisationId: id }), limit: 200 })
      : [],
  ]);
  if (!organisation || !selection) notFound();
  const { structure, period } = selection;
  const seesDrafts = can(user, "assessment.view-draft", { organisationId: id });
  const visible = assessments.filter((a) => canSeeAssessment(user, { status: a.status, organisationId: id }));
  const onFramework = visible.filter((a) => a.frameworkId === structure.id);
  // Compare within the organisation's own footprint: the one chosen, else its first.
  const footprint =
    selection.footprints.find((f) => f.id === selection.footprint?.id && organisation.footprintIds.includes(f.id)) ??
    selection.footprints.find((f) => organisation.footprintIds.includes(f.id)) ??
    null;
  // One organisation can be assessed in several care settings; compare within one.
  const assessedSettings = [...new Set(onFramework.filter((a) => a.periodId === period?.id).map((a) => a.careSetting))];
  const asked = firstParam(query.setting);
  const careSetting = assessedSettings.find((c) => c === asked) ?? assessedSettings[0] ?? selection.careSetting;
  const scale = selection.scale;
  const current = period ? onFramework.find((a) => a.periodId === period.id && a.careSetting === careSetting) : undefined;
  const [national, peers] = period
    ? await Promise.all([
        getNationalAveragesByPeriod({ periodId: period.id, careSetting }),
        listReportedScoresByPeriod({ periodId: period.id, careSetting, footprintId: footprint?.id, systemId: selection.system?.id }),
      ])
    : [{}, []];
  const domainIds = structure.domains.map((d) => d.id);
  const comparison = compareWithPeers(domainIds, current?.scores ?? {}, national, peers);
  const footprintLabel = `${footprint?.name ?? selection.system?.name ?? "System"} mean`;
  const startable = can(user, "assessment.create", { organisationId: id })
    ? // Open periods with a care setting this organisation has no assessment in yet.
      selection.periods.filter((p) => p.isOpen && assessments.filter((a) => a.periodId === p.id).length < selection.careSettings.length)
    : [];

  return (
    <>
      <h1>
        {organisation.name}
        {organisation.odsCode && <span className="nhsuk-caption-l">ODS code {organisation.odsCode}</span>}
      </h1>
      <p>
        Serves{" "}
        {selection.footprints
          .filter((f) => organisation.footprintIds.includes(f.id))
          .map((f) => f.name)
          .join(", ") || "no footprint"}
        .
      </p>
      {startable.length > 0 && <StartAssessmentForm organisationId={id} periods={startable.map((p) => ({ id: p.id, name: p.name }))} careSettings={selection.careSettings} />}

      <form method="get" className="app-selection-form" aria-label="Choose the period to compare">
        <PeriodSelect selection={selection} showCounts={false} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show
        </button>
      </form>

      <h2>
        Scores in {period?.name ?? "no period"}
        {assessedSettings.length > 0 && selection.careSettings.length > 1 ? `, ${careSettingLabels[careSetting].toLowerCase()}` : ""}
      </h2>
      {assessedSettings.length > 1 && (
        <p>
          Also assessed in{" "}
          {assessedSettings
            .filter((c) => c !== careSetting)
            .map((c, i) => (
              <span key={c}>
                {i > 0 && ", "}
                <Link href={`/organisations/${id}?framework=${structure.code}&period=${period?.code}&setting=${c}`}>{careSettingLabels[c].toLowerCase()}</Link>
              </span>
            ))}
          : scores compare only within one care setting.
        </p>
      )}
      {current ? (
        <>
          <p>
            Status: <StatusTag status={current.status} />{" "}
            <Link href={`/assessments/${current.assessmentId}`}>View the assessment</Link>
          </p>
          <figure className="nhsuk-u-margin-0">
            <figcaption className="nhsuk-body-s">
              Bar chart of {organisation.shortName}&apos;s score in each domain beside the {footprintLabel.toLowerCase()} and the national
              average. The table below gives the same figures.
            </figcaption>
            <OrganisationScoresChart
              organisationLabel={organisation.shortName}
              scale={scale}
              footprintLabel={footprintLabel}
              data={structure.domains.map((d, i) => ({
                domain: d.shortName,
                organisation: comparison[i]!.score,
                national: comparison[i]!.national,
                footprint: comparison[i]!.footprintMean == null ? null : roundToScale(comparison[i]!.footprintMean!, scale.decimals),
              }))}
            />
          </figure>
          <table className="nhsuk-table" data-testid="comparison">
            <caption className="nhsuk-table__caption nhsuk-table__caption--m">
              {organisation.shortName} against national and the {footprintLabel.toLowerCase()}, {period?.name}
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Domain</th>
                <th scope="col" className="nhsuk-table__header--numeric">Score</th>
                <th scope="col" className="nhsuk-table__header--numeric">National</th>
                <th scope="col" className="nhsuk-table__header--numeric">Gap to national</th>
                <th scope="col" className="nhsuk-table__header--numeric">{footprintLabel}</th>
                <th scope="col" className="nhsuk-table__header--numeric">Gap to mean</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {structure.sections.flatMap((s) => [
                <tr key={s.id}>
                  <th scope="colgroup" colSpan={6} className="app-section-row">
                    {s.name}
                  </th>
                </tr>,
                ...s.domains.map((d) => {
                  const row = comparison[domainIds.indexOf(d.id)]!;
                  return (
                    <tr key={d.id} data-domain={d.code}>
                      <th scope="row">{d.name}</th>
                      <td className="nhsuk-table__cell--numeric">{formatScore(row.score, scale)}</td>
                      <td className="nhsuk-table__cell--numeric">{formatScore(row.national, scale)}</td>
                      <td className="nhsuk-table__cell--numeric">{formatGap(row.gapToNational, scale)}</td>
                      <td className="nhsuk-table__cell--numeric">{formatScore(row.footprintMean, scale)}</td>
                      <td className="nhsuk-table__cell--numeric">{formatGap(row.gapToFootprint, scale)}</td>
                    </tr>
                  );
                }),
              ])}
            </tbody>
          </table>
        </>
      ) : (
        <div className="nhsuk-inset-text">
          <p>
            {organisation.shortName} has no {seesDrafts ? "" : "reported "}assessment for {period?.name ?? "this period"}.
          </p>
        </div>
      )}

      <h2>Assessments over time</h2>
      {onFramework.length === 0 ? (
        <p>No assessments on {structure.name} yet.</p>
      ) : (
        <div className="app-table-scroll" role="region" aria-label="Assessments over time (scrolls sideways)" tabIndex={0}>
          <table className="nhsuk-table" data-testid="over-time">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Scores per domain in each assessment period</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Domain</th>
                {onFramework.map((a) => (
                  <th key={a.assessmentId} scope="col" className="nhsuk-table__header--numeric">
                    <Link href={`/assessments/${a.assessmentId}`}>
                      {a.periodName}
                      {selection.careSettings.length > 1 ? ` (${careSettingLabels[a.careSetting].toLowerCase()})` : ""}
                    </Link>{" "}
                    <StatusTag status={a.status} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {structure.domains.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.name}</th>
                  {onFramework.map((a) => (
                    <td key={a.assessmentId} className="nhsuk-table__cell--numeric">
                      {formatScore(a.scores[d.id] ?? null, scale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {can(user, "history.view", { organisationId: id }) && (
        <>
          <h2>Change history</h2>
          <HistoryTable entries={history} caption={`Every recorded change to ${organisation.shortName}'s assessments, newest first`} />
        </>
      )}
    </>
  );
}
