import "server-only";
import { and, asc, eq, exists, isNotNull } from "drizzle-orm";
import { getDb } from "../client";
import { assessmentPeriods, assessments, domainScores, frameworkDomains, frameworks, organisationFootprints, organisations } from "../schema";

export interface DomainScoreWithCodes {
  assessmentId: string;
  organisationId: string;
  status: "draft" | "submitted" | "approved";
  odsCode: string;
  frameworkCode: string;
  periodCode: string;
  domainCode: string;
  score: number;
}

/**
 * Every domain score of organisations that have an ODS code, with the codes people and
 * imports use, optionally for one framework, period, footprint (organisations serving it)
 * or organisation: by organisation, framework, period date and domain order. Whatever the
 * status: who may see drafts is for the caller (lib/permissions canSeeAssessment).
 */
export async function listDomainScoresWithCodes(filter: { frameworkId?: string; periodId?: string; footprintId?: string; organisationId?: string; systemId?: string } = {}): Promise<DomainScoreWithCodes[]> {
  const db = await getDb();
  const rows = await db
    .select({
      assessmentId: assessments.id,
      organisationId: assessments.organisationId,
      status: assessments.status,
      odsCode: organisations.odsCode,
      frameworkCode: frameworks.code,
      periodCode: assessmentPeriods.code,
      domainCode: frameworkDomains.code,
      score: domainScores.score,
    })
    .from(domainScores)
    .innerJoin(assessments, eq(assessments.id, domainScores.assessmentId))
    .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
    .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
    .innerJoin(frameworks, eq(frameworks.id, assessmentPeriods.frameworkId))
    .innerJoin(frameworkDomains, eq(frameworkDomains.id, domainScores.domainId))
    .where(
      and(
        isNotNull(organisations.odsCode),
        filter.frameworkId ? eq(assessmentPeriods.frameworkId, filter.frameworkId) : undefined,
        filter.periodId ? eq(assessments.periodId, filter.periodId) : undefined,
        filter.organisationId ? eq(assessments.organisationId, filter.organisationId) : undefined,
        filter.systemId ? eq(organisations.systemId, filter.systemId) : undefined,
        filter.footprintId
          ? exists(
              db
                .select()
                .from(organisationFootprints)
                .where(and(eq(organisationFootprints.organisationId, organisations.id), eq(organisationFootprints.footprintId, filter.footprintId))),
            )
          : undefined,
      ),
    )
    .orderBy(asc(organisations.odsCode), asc(frameworks.code), asc(assessmentPeriods.assessedOn), asc(frameworkDomains.position));
  return rows.map((r) => ({ ...r, odsCode: r.odsCode! }));
}
