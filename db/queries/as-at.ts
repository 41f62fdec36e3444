import "server-only";
import type { CareSetting } from "@/lib/care-settings";
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { assessmentPeriods, assessments, auditLog } from "../schema";
import { targetsAsAt, type HistoryEvent, type TargetState } from "@/lib/as-at";

// What the change history said at a past moment, read so that the database does the
// narrowing: only the history of the assessments and targets asked for, and of each
// score and target only its latest change by then (DISTINCT ON), never the whole
// nation's history sorted in JavaScript.

/** The assessments a reconstruction is about: a framework's or a period's, in one care setting, of these organisations. */
export interface AssessmentFilter {
  careSetting: CareSetting;
  organisationIds: readonly string[];
  frameworkId?: string;
  periodId?: string;
}

function assessmentIdsAsText({ careSetting, organisationIds, frameworkId, periodId }: AssessmentFilter, db: Awaited<ReturnType<typeof getDb>>) {
  return db
    .select({ id: sql<string>`${assessments.id}::text` })
    .from(assessments)
    .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
    .where(
      and(
        eq(assessments.careSetting, careSetting),
        inArray(assessments.organisationId, [...organisationIds]),
        frameworkId ? eq(assessmentPeriods.frameworkId, frameworkId) : undefined,
        periodId ? eq(assessments.periodId, periodId) : undefined,
      ),
    );
}

/**
 * The history lib/as-at assessmentsAsAt needs for these assessments up to a moment: every
 * change of their status (and imports), and each domain score's latest change by then
 * (an earlier change of a score is overridden by the later one whatever came between).
 */
export async function listAssessmentHistoryAsAt({ until, ...filter }: AssessmentFilter & { until: Date }): Promise<HistoryEvent[]> {
  if (filter.organisationIds.length === 0) return [];
  const db = await getDb();
  const ids = assessmentIdsAsText(filter, db);
  const columns = { at: auditLog.at, action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, after: auditLog.after };
  const organisationIds = [...filter.organisationIds];
  const [statuses, scores] = await Promise.all([
    db
      .select(columns)
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "assessment"), lte(auditLog.at, until), inArray(auditLog.organisationId, organisationIds), inArray(auditLog.entityId, ids)))
      .orderBy(asc(auditLog.at), asc(auditLog.id)),
    db
      .selectDistinctOn([auditLog.entityId], columns)
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, "domain_score"),
          eq(auditLog.action, "score.changed"),
          lte(auditLog.at, until),
          inArray(auditLog.organisationId, organisationIds),
          inArray(sql`split_part(${auditLog.entityId}, ':', 1)`, ids),
        ),
      )
      .orderBy(auditLog.entityId, desc(auditLog.at), desc(auditLog.id)),
  ]);
  return [...statuses, ...scores];
}

/** A target event's own field, from after (a setting) or before (a removal). */
const targetField = (key: string): SQL<string> => sql<string>`coalesce(${auditLog.after} ->> ${key}, ${auditLog.before} ->> ${key})`;

/**
 * The targets of these scopes (system, footprint or organisation ids) for these domains as
 * they stood at a moment: each target's latest change by then, kept if it was a setting.
 */
export async function listTargetsAsAt({ scopeIds, domainIds, until }: { scopeIds: readonly string[]; domainIds: readonly string[]; until: Date }): Promise<TargetState[]> {
  if (scopeIds.length === 0 || domainIds.length === 0) return [];
  const db = await getDb();
  const latest = await db
    .selectDistinctOn([auditLog.entityId], { at: auditLog.at, action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "target"), lte(auditLog.at, until), inArray(targetField("scopeId"), [...scopeIds]), inArray(targetField("domainId"), [...domainIds])))
    .orderBy(auditLog.entityId, desc(auditLog.at), desc(auditLog.id));
  return targetsAsAt(latest);
}
