import "server-only";
import { reportedStatuses } from "@/lib/assessment-workflow";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { assessments, domainScores, organisations } from "../schema";
import type { PeerResult } from "@/lib/benchmark-view";
import type { CareSetting } from "@/lib/care-settings";

/**
 * Every organisation's reported result in England for one period and care setting: the
 * peers NHS England publishes the data for. Drafts are never among them.
 */
export async function listPeerResults({ periodId, careSetting }: { periodId: string; careSetting: CareSetting }): Promise<PeerResult[]> {
  const db = await getDb();
  const rows = await db
    .select({
      assessmentId: assessments.id,
      organisationId: organisations.id,
      name: organisations.name,
      shortName: organisations.shortName,
      odsCode: organisations.odsCode,
      systemId: organisations.systemId,
      attributedSystemId: assessments.systemId,
      publishedOverall: assessments.publishedOverall,
    })
    .from(assessments)
    .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
    .where(and(eq(assessments.periodId, periodId), eq(assessments.careSetting, careSetting), inArray(assessments.status, [...reportedStatuses])))
    .orderBy(asc(organisations.name));
  const scores = rows.length
    ? await db
        .select({ assessmentId: domainScores.assessmentId, domainId: domainScores.domainId, score: domainScores.score })
        .from(domainScores)
        .where(inArray(domainScores.assessmentId, rows.map((r) => r.assessmentId)))
    : [];
  const byAssessment = new Map<string, Record<string, number>>();
  for (const s of scores) {
    const entry = byAssessment.get(s.assessmentId) ?? {};
    entry[s.domainId] = s.score;
    byAssessment.set(s.assessmentId, entry);
  }
  return rows.map(({ assessmentId, ...r }) => ({ ...r, scores: byAssessment.get(assessmentId) ?? {} }));
}
