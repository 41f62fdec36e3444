import "server-only";
import { and, asc, count, desc, eq, inArray, ne, or } from "drizzle-orm";
import { getDb } from "../client";
import { assessmentPeriods, assessments, frameworks, organisations } from "../schema";
import type { AssessmentStatus } from "@/lib/assessment-workflow";

/** Which assessments the API lists: drafts only as lib/permissions draftsVisibleTo allows. */
type AssessmentFilter = {
  assessmentId?: string;
  organisationId?: string;
  periodIds?: readonly string[];
  frameworkId?: string;
  status?: AssessmentStatus;
  /** lib/permissions draftsVisibleTo: which drafts the caller may see. Required, so that no caller forgets it. */
  drafts: "all" | readonly string[];
};

function assessmentWhere({ assessmentId, organisationId, periodIds, frameworkId, status, drafts }: AssessmentFilter) {
  return and(
    assessmentId ? eq(assessments.id, assessmentId) : undefined,
    organisationId ? eq(assessments.organisationId, organisationId) : undefined,
    periodIds ? inArray(assessments.periodId, [...periodIds]) : undefined,
    frameworkId ? eq(assessmentPeriods.frameworkId, frameworkId) : undefined,
    status ? eq(assessments.status, status) : undefined,
    drafts === "all" ? undefined : drafts.length ? or(ne(assessments.status, "draft"), inArray(assessments.organisationId, [...drafts])) : ne(assessments.status, "draft"),
  );
}

/** One page of listAssessmentsWithContext, paged in SQL, and how many match in all. */
export async function pageAssessmentsWithContext(filter: AssessmentFilter & { limit: number; offset: number }) {
  const db = await getDb();
  const [items, [counted]] = await Promise.all([
    listAssessmentsWithContext(filter),
    db
      .select({ n: count() })
      .from(assessments)
      .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
      .where(assessmentWhere(filter)),
  ]);
  return { items, total: counted?.n ?? 0 };
}

/** Assessments with their organisation, framework and period, latest period first (a page of them, given limit). */
export async function listAssessmentsWithContext(filter: AssessmentFilter & { limit?: number; offset?: number }) {
  const db = await getDb();
  const query = db
    .select({
      id: assessments.id,
      status: assessments.status,
      version: assessments.version,
      organisationId: assessments.organisationId,
      createdAt: assessments.createdAt,
      updatedAt: assessments.updatedAt,
      submittedAt: assessments.submittedAt,
      approvedAt: assessments.approvedAt,
      organisation: { id: organisations.id, odsCode: organisations.odsCode, name: organisations.name },
      framework: { id: frameworks.id, code: frameworks.code },
      period: { id: assessmentPeriods.id, code: assessmentPeriods.code, name: assessmentPeriods.name, assessedOn: assessmentPeriods.assessedOn },
    })
    .from(assessments)
    .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
    .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
    .innerJoin(frameworks, eq(frameworks.id, assessmentPeriods.frameworkId))
    .where(assessmentWhere(filter))
    .orderBy(desc(assessmentPeriods.assessedOn), asc(organisations.name), asc(assessments.id));
  return filter.limit === undefined ? query : query.limit(filter.limit).offset(filter.offset ?? 0);
}
export type AssessmentWithContext = Awaited<ReturnType<typeof listAssessmentsWithContext>>[number];
