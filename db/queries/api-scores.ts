import "server-only";
import { and, asc, count, eq, exists, inArray, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { assessmentPeriods, assessments, domainScores, frameworkDomains, frameworkSections, frameworks, organisationFootprints, organisations } from "../schema";

// Drafts are work in progress: only submitted and approved scores are reported (as on the heatmap).
const reportedStatuses = ["submitted", "approved"] as const;

/**
 * One page of reported scores in long format (organisation × period × domain), and how
 * many rows match in all: paged in SQL, so a BI tool can walk a large history.
 */
export async function listReportedScoreRows({
  frameworkId,
  periodIds,
  footprintId,
  organisationId,
  domainIds,
  limit,
  offset,
}: {
  frameworkId?: string;
  periodIds?: readonly string[];
  footprintId?: string;
  organisationId?: string;
  domainIds?: readonly string[];
  limit: number;
  offset: number;
}) {
  const db = await getDb();
  const where = and(
    ...([
      inArray(assessments.status, [...reportedStatuses]),
      frameworkId ? eq(assessmentPeriods.frameworkId, frameworkId) : undefined,
      periodIds ? inArray(assessments.periodId, [...periodIds]) : undefined,
      organisationId ? eq(assessments.organisationId, organisationId) : undefined,
      domainIds ? inArray(domainScores.domainId, [...domainIds]) : undefined,
      footprintId
        ? exists(
            db
              .select()
              .from(organisationFootprints)
              .where(and(eq(organisationFootprints.organisationId, assessments.organisationId), eq(organisationFootprints.footprintId, footprintId))),
          )
        : undefined,
    ] satisfies (SQL | undefined)[]),
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        assessmentId: assessments.id,
        organisationId: organisations.id,
        odsCode: organisations.odsCode,
        organisation: organisations.name,
        framework: frameworks.code,
        period: assessmentPeriods.code,
        periodName: assessmentPeriods.name,
        assessedOn: assessmentPeriods.assessedOn,
        section: frameworkSections.code,
        domainCode: frameworkDomains.code,
        domainName: frameworkDomains.name,
        score: domainScores.score,
        status: assessments.status,
      })
      .from(domainScores)
      .innerJoin(assessments, eq(assessments.id, domainScores.assessmentId))
      .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
      .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
      .innerJoin(frameworks, eq(frameworks.id, assessmentPeriods.frameworkId))
      .innerJoin(frameworkDomains, eq(frameworkDomains.id, domainScores.domainId))
      .innerJoin(frameworkSections, eq(frameworkSections.id, frameworkDomains.sectionId))
      .where(where)
      .orderBy(asc(assessmentPeriods.assessedOn), asc(frameworks.code), asc(organisations.name), asc(organisations.id), asc(frameworkDomains.position), asc(assessments.id), asc(domainScores.domainId))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: count() })
      .from(domainScores)
      .innerJoin(assessments, eq(assessments.id, domainScores.assessmentId))
      .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
      .where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, status: r.status as (typeof reportedStatuses)[number] })), total: counted?.n ?? 0 };
}
