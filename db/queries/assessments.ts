import "server-only";
import { reportedStatuses } from "@/lib/assessment-workflow";
import { aliasedTable, and, desc, eq, inArray, lt } from "drizzle-orm";
import { getDb } from "../client";
import { assessmentPeriods, assessments, domainScores, organisations, users } from "../schema";

const updatedBy = aliasedTable(users, "updated_by");

export async function getAssessmentById({ assessmentId }: { assessmentId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({
      assessment: assessments,
      organisation: { id: organisations.id, name: organisations.name, shortName: organisations.shortName, odsCode: organisations.odsCode },
      period: assessmentPeriods,
      updatedByName: updatedBy.name,
    })
    .from(assessments)
    .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
    .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
    .leftJoin(updatedBy, eq(updatedBy.id, assessments.updatedById))
    .where(eq(assessments.id, assessmentId));
  if (!row) return null;
  const scores = await db.select().from(domainScores).where(eq(domainScores.assessmentId, assessmentId));
  return { ...row, scores: Object.fromEntries(scores.map((s) => [s.domainId, s.score])) as Record<string, number> };
}
export type AssessmentDetail = NonNullable<Awaited<ReturnType<typeof getAssessmentById>>>;

/**
 * The organisation's most recent reported scores on the same framework before a period:
 * what a CIO starts a reassessment from.
 */
export async function getPreviousReportedScores({
  organisationId,
  frameworkId,
  before,
}: {
  organisationId: string;
  frameworkId: string;
  before: string;
}): Promise<{ periodName: string; scores: Record<string, number> } | null> {
  const db = await getDb();
  const [previous] = await db
    .select({ id: assessments.id, periodName: assessmentPeriods.name })
    .from(assessments)
    .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
    .where(
      and(
        eq(assessments.organisationId, organisationId),
        eq(assessmentPeriods.frameworkId, frameworkId),
        lt(assessmentPeriods.assessedOn, before),
        inArray(assessments.status, [...reportedStatuses]),
      ),
    )
    .orderBy(desc(assessmentPeriods.assessedOn))
    .limit(1);
  if (!previous) return null;
  const scores = await db.select().from(domainScores).where(eq(domainScores.assessmentId, previous.id));
  return { periodName: previous.periodName, scores: Object.fromEntries(scores.map((s) => [s.domainId, s.score])) };
}

export interface AssessmentListItem {
  id: string;
  status: "draft" | "submitted" | "approved";
  version: number;
  updatedAt: Date;
  organisationId: string;
  organisationName: string;
  periodName: string;
  assessedOn: string;
}

export async function listAssessments({
  statuses,
  organisationIds,
  systemId,
}: {
  statuses?: ("draft" | "submitted" | "approved")[];
  organisationIds?: readonly string[];
  /** Only this system's organisations'. */
  systemId?: string;
} = {}): Promise<AssessmentListItem[]> {
  if (organisationIds && organisationIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({
      id: assessments.id,
      status: assessments.status,
      version: assessments.version,
      updatedAt: assessments.updatedAt,
      organisationId: organisations.id,
      organisationName: organisations.name,
      periodName: assessmentPeriods.name,
      assessedOn: assessmentPeriods.assessedOn,
    })
    .from(assessments)
    .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
    .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
    .where(
      and(
        statuses ? inArray(assessments.status, statuses) : undefined,
        organisationIds ? inArray(assessments.organisationId, [...organisationIds]) : undefined,
        systemId ? eq(organisations.systemId, systemId) : undefined,
      ),
    )
    .orderBy(desc(assessmentPeriods.assessedOn), organisations.name);
}
