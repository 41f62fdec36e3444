import "server-only";
import { reportedStatuses } from "@/lib/assessment-workflow";
import { and, asc, eq, exists, inArray, sql, type SQL } from "drizzle-orm";
import type { CareSetting } from "@/lib/care-settings";
import { rowsOf } from "../result-rows";
import { getDb } from "../client";
import { assessmentPeriods, assessments, domainScores, nationalAverages, organisationFootprints, organisations } from "../schema";

// Drafts are work in progress: only submitted and approved scores are reported.

export interface OrganisationScores {
  id: string;
  name: string;
  shortName: string;
  odsCode: string | null;
  assessmentId: string;
  status: "draft" | "submitted" | "approved";
  scores: Record<string, number>;
}

/** Each organisation's reported scores in a period, optionally only those serving a footprint. */
export async function listReportedScoresByPeriod({
  periodId,
  careSetting,
  footprintId,
  systemId,
}: {
  periodId: string;
  /** Scores compare only within one care setting. */
  careSetting: CareSetting;
  footprintId?: string | null;
  /** Only this system's organisations (a footprint is within one system anyway). */
  systemId?: string | null;
}): Promise<OrganisationScores[]> {
  const db = await getDb();
  const inFootprint = footprintId
    ? exists(
        db
          .select()
          .from(organisationFootprints)
          .where(and(eq(organisationFootprints.organisationId, organisations.id), eq(organisationFootprints.footprintId, footprintId))),
      )
    : undefined;
  const rows = await db
    .select({
      organisation: { id: organisations.id, name: organisations.name, shortName: organisations.shortName, odsCode: organisations.odsCode },
      assessmentId: assessments.id,
      status: assessments.status,
      domainId: domainScores.domainId,
      score: domainScores.score,
    })
    .from(assessments)
    .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
    .innerJoin(domainScores, eq(domainScores.assessmentId, assessments.id))
    .where(
      and(
        eq(assessments.periodId, periodId),
        eq(assessments.careSetting, careSetting),
        inArray(assessments.status, [...reportedStatuses]),
        inFootprint,
        systemId ? eq(organisations.systemId, systemId) : undefined,
      ),
    )
    .orderBy(asc(organisations.name));
  const byOrg = new Map<string, OrganisationScores>();
  for (const r of rows) {
    let org = byOrg.get(r.organisation.id);
    if (!org) {
      org = { ...r.organisation, assessmentId: r.assessmentId, status: r.status, scores: {} };
      byOrg.set(org.id, org);
    }
    org.scores[r.domainId] = r.score;
  }
  return [...byOrg.values()];
}

/**
 * The national average per domain in a period and care setting: as published where it was
 * (the 2016 slides give one), else the mean of every organisation in England reported in
 * that setting (NHS England's DMA file has no national row: it is computed from all rows).
 */
export async function getNationalAveragesByPeriod({ periodId, careSetting }: { periodId: string; careSetting: CareSetting }): Promise<Record<string, number>> {
  const db = await getDb();
  // One query whichever it is, so that a page's query count does not depend on its data.
  const result = await db.execute(sql`
    with stored as (
      select ${nationalAverages.domainId} as domain_id, ${nationalAverages.score} as score from ${nationalAverages}
      where ${nationalAverages.periodId} = ${periodId} and ${nationalAverages.careSetting} = ${careSetting}
    )
    select domain_id, score from stored
    union all
    select ${domainScores.domainId}, avg(${domainScores.score})::float8
    from ${domainScores} join ${assessments} on ${assessments.id} = ${domainScores.assessmentId}
    where not exists (select 1 from stored)
      and ${assessments.periodId} = ${periodId} and ${assessments.careSetting} = ${careSetting}
      and ${inArray(assessments.status, [...reportedStatuses])}
    group by ${domainScores.domainId}`);
  return Object.fromEntries(rowsOf<{ domain_id: string; score: number | string }>(result).map((r) => [r.domain_id, Number(r.score)]));
}

/** Whether a period's national figure is published (stored) or worked out from every organisation's scores. */
export async function hasPublishedNationalAverages({ periodId, careSetting }: { periodId: string; careSetting: CareSetting }): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ domainId: nationalAverages.domainId })
    .from(nationalAverages)
    .where(and(eq(nationalAverages.periodId, periodId), eq(nationalAverages.careSetting, careSetting)))
    .limit(1);
  return row != null;
}

/** The median per domain of every organisation in England reported in a period and care setting. */
export async function getNationalMediansByPeriod({ periodId, careSetting }: { periodId: string; careSetting: CareSetting }): Promise<Record<string, number>> {
  const rows = await computeNational(periodId, careSetting, sql<number>`percentile_cont(0.5) within group (order by ${domainScores.score})`.mapWith(Number));
  return Object.fromEntries(rows.map((r) => [r.domainId, r.score]));
}

async function computeNational(periodId: string, careSetting: CareSetting, statistic: SQL<number>) {
  const db = await getDb();
  return db
    .select({ domainId: domainScores.domainId, score: statistic })
    .from(domainScores)
    .innerJoin(assessments, eq(assessments.id, domainScores.assessmentId))
    .where(and(eq(assessments.periodId, periodId), eq(assessments.careSetting, careSetting), inArray(assessments.status, [...reportedStatuses])))
    .groupBy(domainScores.domainId);
}

export interface AssessmentOverTime {
  assessmentId: string;
  periodId: string;
  periodName: string;
  assessedOn: string;
  frameworkId: string;
  careSetting: CareSetting;
  publishedOverall: number | null;
  status: "draft" | "submitted" | "approved";
  updatedAt: Date;
  scores: Record<string, number>;
}

/** Every assessment of one organisation, oldest period first, with its scores. */
export async function listAssessmentsByOrganisation({ organisationId }: { organisationId: string }): Promise<AssessmentOverTime[]> {
  const db = await getDb();
  const rows = await db
    .select({
      assessmentId: assessments.id,
      periodId: assessmentPeriods.id,
      periodName: assessmentPeriods.name,
      assessedOn: assessmentPeriods.assessedOn,
      frameworkId: assessmentPeriods.frameworkId,
      careSetting: assessments.careSetting,
      publishedOverall: assessments.publishedOverall,
      status: assessments.status,
      updatedAt: assessments.updatedAt,
      domainId: domainScores.domainId,
      score: domainScores.score,
    })
    .from(assessments)
    .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
    .leftJoin(domainScores, eq(domainScores.assessmentId, assessments.id))
    .where(eq(assessments.organisationId, organisationId))
    .orderBy(asc(assessmentPeriods.assessedOn));
  const byId = new Map<string, AssessmentOverTime>();
  for (const { domainId, score, ...a } of rows) {
    let entry = byId.get(a.assessmentId);
    if (!entry) {
      entry = { ...a, scores: {} };
      byId.set(a.assessmentId, entry);
    }
    if (domainId != null && score != null) entry.scores[domainId] = score;
  }
  return [...byId.values()];
}
