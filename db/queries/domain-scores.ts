import "server-only";
import { and, asc, eq, exists, isNotNull, sql } from "drizzle-orm";
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

export type DomainScoreFilter = { frameworkId?: string; periodId?: string; footprintId?: string; organisationId?: string; systemId?: string };

/** Rows a page of the national scores download holds: a few megabytes at most. */
export const DOMAIN_SCORE_PAGE_SIZE = 5_000;

/**
 * Every domain score of organisations that have an ODS code, with the codes people and
 * imports use, optionally for one framework, period, footprint (organisations serving it)
 * or organisation: by organisation, framework, period date and domain order. Whatever the
 * status: who may see drafts is for the caller (lib/permissions canSeeAssessment).
 */
export async function listDomainScoresWithCodes(filter: DomainScoreFilter = {}): Promise<DomainScoreWithCodes[]> {
  const out: DomainScoreWithCodes[] = [];
  for await (const page of pagesOfDomainScoresWithCodes(filter)) out.push(...page);
  return out;
}

/**
 * The same rows a page at a time (keyset paging on the sort order, so each page is one
 * indexed query and never an OFFSET past the rows before): a download of every score in
 * England streams through a bounded amount of memory.
 */
export async function* pagesOfDomainScoresWithCodes(filter: DomainScoreFilter = {}, pageSize = DOMAIN_SCORE_PAGE_SIZE): AsyncGenerator<DomainScoreWithCodes[]> {
  let after: Awaited<ReturnType<typeof pageOfDomainScores>>[number] | undefined;
  for (;;) {
    const rows = await pageOfDomainScores(filter, pageSize, after);
    if (rows.length > 0) yield rows.map(({ position: _p, domainId: _d, assessedOn: _a, ...r }) => ({ ...r, odsCode: r.odsCode! }));
    if (rows.length < pageSize) return;
    after = rows.at(-1);
  }
}

async function pageOfDomainScores(
  filter: DomainScoreFilter,
  limit: number,
  after?: { odsCode: string | null; frameworkCode: string; assessedOn: string; position: number; assessmentId: string; domainId: string },
) {
  const db = await getDb();
  // The sort key, ended by ids so that it is unique (one organisation may have an assessment per care setting).
  const key = sql`(${organisations.odsCode}, ${frameworks.code}, ${assessmentPeriods.assessedOn}, ${frameworkDomains.position}, ${assessments.id}, ${domainScores.domainId})`;
  return db
    .select({
      assessedOn: assessmentPeriods.assessedOn,
      position: frameworkDomains.position,
      domainId: domainScores.domainId,
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
        after
          ? sql`${key} > (${after.odsCode}, ${after.frameworkCode}, ${after.assessedOn}::date, ${after.position}::integer, ${after.assessmentId}::uuid, ${after.domainId}::uuid)`
          : undefined,
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
    .orderBy(asc(organisations.odsCode), asc(frameworks.code), asc(assessmentPeriods.assessedOn), asc(frameworkDomains.position), asc(assessments.id), asc(domainScores.domainId))
    .limit(limit);
}
