import "server-only";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { assessmentPeriods, assessments, frameworks, organisations } from "../schema";
import type { AssessmentStatus } from "@/lib/assessment-workflow";

/**
 * Assessments with their organisation, framework and period, latest period first, for the
 * API: all that match the filters, whoever may see them (the caller filters drafts with
 * lib/permissions canSeeAssessment).
 */
export async function listAssessmentsWithContext({
  assessmentId,
  organisationId,
  periodIds,
  frameworkId,
  status,
}: {
  assessmentId?: string;
  organisationId?: string;
  periodIds?: readonly string[];
  frameworkId?: string;
  status?: AssessmentStatus;
} = {}) {
  const db = await getDb();
  const where: (SQL | undefined)[] = [
    assessmentId ? eq(assessments.id, assessmentId) : undefined,
    organisationId ? eq(assessments.organisationId, organisationId) : undefined,
    periodIds ? inArray(assessments.periodId, [...periodIds]) : undefined,
    frameworkId ? eq(assessmentPeriods.frameworkId, frameworkId) : undefined,
    status ? eq(assessments.status, status) : undefined,
  ];
  return db
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
    .where(and(...where))
    .orderBy(desc(assessmentPeriods.assessedOn), asc(organisations.name), asc(assessments.id));
}
export type AssessmentWithContext = Awaited<ReturnType<typeof listAssessmentsWithContext>>[number];
