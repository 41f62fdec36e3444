import "server-only";
import type { CareSetting } from "@/lib/care-settings";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { getDb } from "../client";
import {
  assessmentPeriods,
  assessments,
  domainScores,
  nationalAverages,
  organisationFootprints,
  organisations,
  sectionGoals,
  targets,
} from "../schema";
import { assessmentsAsAt, endOfDay, type TargetState } from "@/lib/as-at";
import { listAssessmentHistoryAsAt, listTargetsAsAt } from "./as-at";
import type { ScoreRow } from "@/lib/trajectory-view";

export type TrajectoryScope = { type: "system" | "footprint" | "organisation"; id: string };

/** The providers whose scores make up a scope's summary. */
async function providerIdsInScope(scope: TrajectoryScope): Promise<string[]> {
  const db = await getDb();
  if (scope.type === "organisation") return [scope.id];
  if (scope.type === "footprint") {
    const rows = await db.select({ id: organisationFootprints.organisationId }).from(organisationFootprints).where(eq(organisationFootprints.footprintId, scope.id));
    return rows.map((r) => r.id);
  }
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.systemId, scope.id));
  return rows.map((r) => r.id);
}

export interface TrajectoryData {
  providerIds: string[];
  rows: ScoreRow[];
  national: { date: string; domainId: string; score: number }[];
  /** Versions are known only for the present: editing happens now, not in the past. */
  targets: (TargetState & { version?: number })[];
}

/**
 * Reported scores of the providers in a scope across a framework's periods, and the
 * targets of the scope and of those providers: as they are now, or, given `asAt`, as they
 * stood at the end of that day, reconstructed from the change history.
 */
export async function getTrajectoryData({
  frameworkId,
  domainIds,
  scope,
  asAt,
  careSetting,
}: {
  frameworkId: string;
  /** Scores compare only within one care setting. */
  careSetting: CareSetting;
  domainIds: string[];
  scope: TrajectoryScope;
  asAt?: string | null;
}): Promise<TrajectoryData> {
  const db = await getDb();
  const providerIds = await providerIdsInScope(scope);
  const scopeIds = [scope.id, ...providerIds];
  const national = db
    .select({ date: assessmentPeriods.assessedOn, domainId: nationalAverages.domainId, score: nationalAverages.score })
    .from(nationalAverages)
    .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, nationalAverages.periodId))
    .where(and(eq(assessmentPeriods.frameworkId, frameworkId), eq(nationalAverages.careSetting, careSetting)))
    .orderBy(asc(assessmentPeriods.assessedOn));
  if (providerIds.length === 0) {
    // A place with no organisations yet still has its targets (listed, with no data to judge them by).
    const own = asAt ? [] : await db.select().from(targets).where(targetsOfScopes([scope.id], domainIds));
    return { providerIds, rows: [], national: await national, targets: own.map(currentTarget) };
  }

  if (!asAt) {
    const [rows, current, nationalRows] = await Promise.all([
      db
        .select({ organisationId: assessments.organisationId, periodId: assessments.periodId, date: assessmentPeriods.assessedOn, domainId: domainScores.domainId, score: domainScores.score })
        .from(assessments)
        .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
        .innerJoin(domainScores, eq(domainScores.assessmentId, assessments.id))
        .where(
          and(
            eq(assessmentPeriods.frameworkId, frameworkId),
            eq(assessments.careSetting, careSetting),
            inArray(assessments.organisationId, providerIds),
            inArray(assessments.status, ["submitted", "approved"]),
          ),
        ),
      db.select().from(targets).where(targetsOfScopes(scopeIds, domainIds)),
      national,
    ]);
    return {
      providerIds,
      rows,
      national: nationalRows,
      targets: current.map(currentTarget),
    };
  }

  // A date means the end of that day; a full timestamp (tests, audits) that very moment.
  const until = asAt.length > 10 ? new Date(asAt) : endOfDay(asAt);
  const [keys, events, targetsThen, nationalRows] = await Promise.all([
    db
      .select({ id: assessments.id, organisationId: assessments.organisationId, periodId: assessments.periodId, date: assessmentPeriods.assessedOn })
      .from(assessments)
      .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
      .where(and(eq(assessmentPeriods.frameworkId, frameworkId), eq(assessments.careSetting, careSetting), inArray(assessments.organisationId, providerIds))),
    listAssessmentHistoryAsAt({ frameworkId, careSetting, organisationIds: providerIds, until }),
    listTargetsAsAt({ scopeIds, domainIds, until }),
    national,
  ]);
  const states = assessmentsAsAt(events);
  const rows: ScoreRow[] = keys.flatMap((k) => {
    const state = states.get(k.id);
    if (!state || (state.status !== "submitted" && state.status !== "approved")) return [];
    return Object.entries(state.scores).map(([domainId, score]) => ({ organisationId: k.organisationId, periodId: k.periodId, date: k.date, domainId, score }));
  });
  return { providerIds, rows, national: nationalRows, targets: targetsThen };
}

function currentTarget(t: typeof targets.$inferSelect): TrajectoryData["targets"][number] {
  return { id: t.id, scope: t.scope, scopeId: (t.systemId ?? t.footprintId ?? t.organisationId)!, domainId: t.domainId, financialYear: t.financialYear, score: t.score, version: t.version };
}

function targetsOfScopes(ids: string[], domainIds: string[]) {
  return and(
    or(inArray(targets.systemId, ids), inArray(targets.footprintId, ids), inArray(targets.organisationId, ids)),
    inArray(targets.domainId, domainIds),
  );
}

export async function listSectionGoals({ scope }: { scope: TrajectoryScope }) {
  const db = await getDb();
  if (scope.type === "organisation") return [];
  return db
    .select()
    .from(sectionGoals)
    .where(scope.type === "system" ? eq(sectionGoals.systemId, scope.id) : eq(sectionGoals.footprintId, scope.id));
}
