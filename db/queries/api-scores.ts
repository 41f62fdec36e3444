import "server-only";
import { reportedStatuses } from "@/lib/assessment-workflow";
import { and, asc, eq, exists, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { rowsOf } from "../result-rows";
import { assessmentPeriods, assessments, domainScores, frameworkDomains, frameworkSections, frameworks, organisationFootprints, organisations } from "../schema";

// Drafts are work in progress: only submitted and approved scores are reported (as on the heatmap).

/**
 * One page of reported scores in long format (organisation × period × domain), and how
 * many rows match in all: paged in SQL, so a BI tool can walk a large history. Rows come by
 * period date, framework, organisation and assessment, each assessment's scores in the
 * framework's domain order.
 *
 * Sorting every matching score to cut out one page costs the national data set's 296,000
 * rows on each request. So the page is found among assessments instead (a twentieth as
 * many): each one's number of matching scores, their running total in the same order (which
 * is also the exact total), and then only the scores of the assessments the page overlaps.
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
  const domainFilter = domainIds ? sql` and ${inArray(domainScores.domainId, [...domainIds])}` : sql``;
  const where = and(
    ...([
      inArray(assessments.status, [...reportedStatuses]),
      frameworkId ? eq(assessmentPeriods.frameworkId, frameworkId) : undefined,
      periodIds ? inArray(assessments.periodId, [...periodIds]) : undefined,
      organisationId ? eq(assessments.organisationId, organisationId) : undefined,
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
  // Both reads see one snapshot: a status or score changed between them would otherwise
  // shift the slice, or bring a draft's rows into the page.
  return db.transaction(
    async (tx) => {
      // Each matching assessment's count of matching scores, and where its rows start in the list.
      const [window] = rowsOf<{ total: number; page: { id: string; start: number }[] | null }>(
        await tx.execute(sql`
          with counted as materialized (
            select ${assessments.id} as id, ${assessmentPeriods.assessedOn} as assessed_on, ${frameworks.code} as framework, ${organisations.name} as organisation, ${organisations.id} as organisation_id,
              (select count(*) from ${domainScores} where ${domainScores.assessmentId} = ${assessments.id}${domainFilter})::int as n
            from ${assessments}
            join ${assessmentPeriods} on ${assessmentPeriods.id} = ${assessments.periodId}
            join ${frameworks} on ${frameworks.id} = ${assessmentPeriods.frameworkId}
            join ${organisations} on ${organisations.id} = ${assessments.organisationId}
            where ${where}
          ), placed as materialized (
            select id, n, (sum(n) over (order by assessed_on, framework, organisation, organisation_id, id rows unbounded preceding) - n)::int as start
            from counted where n > 0
          )
          select coalesce(sum(n), 0)::int as total,
            json_agg(json_build_object('id', id, 'start', start) order by start) filter (where start < ${offset + limit}::bigint and start + n > ${offset}::bigint) as page
          from placed`),
      );
      const page = window?.page ?? [];
      const total = window?.total ?? 0;
      if (page.length === 0) return { rows: [], total };
      const rows = await tx
        .select({
          assessmentId: assessments.id,
          organisationId: organisations.id,
          odsCode: organisations.odsCode,
          organisation: organisations.name,
          framework: frameworks.code,
          period: assessmentPeriods.code,
          periodName: assessmentPeriods.name,
          assessedOn: assessmentPeriods.assessedOn,
          careSetting: assessments.careSetting,
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
        .where(and(inArray(assessments.id, page.map((a) => a.id)), domainIds ? inArray(domainScores.domainId, [...domainIds]) : undefined))
        .orderBy(asc(assessmentPeriods.assessedOn), asc(frameworks.code), asc(organisations.name), asc(organisations.id), asc(assessments.id), asc(frameworkDomains.position), asc(domainScores.domainId));
      // The rows of the overlapped assessments start at the first one's place in the whole list.
      const from = offset - page[0]!.start;
      return { rows: rows.slice(from, from + limit).map((r) => ({ ...r, status: r.status as (typeof reportedStatuses)[number] })), total };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
