import "server-only";
import { and, asc, eq, exists, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { assessmentPeriods, assessments, domainScores, nationalAverages, organisationFootprints, organisations } from "../schema";

// Drafts are work in progress: only submitted and approved scores are reported.
const reportedStatuses = ["submitted", "approved"] as const;

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
  footprintId,
  systemId,
}: {
  periodId: string;
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
    .where(and(eq(assessments.periodId, periodId), inArray(assessments.status, [...reportedStatuses]), inFootprint, systemId ? eq(organisations.systemId, systemId) : undefined))
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

export async function getNationalAveragesByPeriod({ periodId }: { periodId: string }): Promise<Record<string, number>> {
  const db = await getDb();
  const rows = await db.select().from(nationalAverages).where(eq(nationalAverages.periodId, periodId));
  return Object.fromEntries(rows.map((r) => [r.domainId, r.score]));
}

export interface AssessmentOverTime {
  assessmentId: string;
  periodId: string;
  periodName: string;
  assessedOn: string;
  frameworkId: string;
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
