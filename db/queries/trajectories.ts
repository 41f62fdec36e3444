import "server-only";
import { reportedStatuses } from "@/lib/assessment-workflow";
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
import { groupBy } from "@/lib/group-by";

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
  if (!asAt) return (await getCurrentTrajectoryDataForScopes({ frameworkId, careSetting, domainIds, scopes: [scope] })).get(scope.id)!;
  const db = await getDb();
  const providerIds = await providerIdsInScope(scope);
  const scopeIds = [scope.id, ...providerIds];
  const national = db
    .select({ date: assessmentPeriods.assessedOn, domainId: nationalAverages.domainId, score: nationalAverages.score })
    .from(nationalAverages)
    .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, nationalAverages.periodId))
    .where(and(eq(assessmentPeriods.frameworkId, frameworkId), eq(nationalAverages.careSetting, careSetting)))
    .orderBy(asc(assessmentPeriods.assessedOn));
  // A place with no organisations then had no data to judge its targets by.
  if (providerIds.length === 0) return { providerIds, rows: [], national: await national, targets: [] };

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
  return (await listSectionGoalsForScopes({ scopes: [scope] })).get(scope.id) ?? [];
}

/** The section goals of many systems and footprints (organisations have none), by scope id: one query. */
export async function listSectionGoalsForScopes({ scopes }: { scopes: readonly TrajectoryScope[] }) {
  const db = await getDb();
  const systemIds = scopes.filter((s) => s.type === "system").map((s) => s.id);
  const footprintIds = scopes.filter((s) => s.type === "footprint").map((s) => s.id);
  if (systemIds.length === 0 && footprintIds.length === 0) return new Map<string, (typeof sectionGoals.$inferSelect)[]>();
  const rows = await db
    .select()
    .from(sectionGoals)
    .where(or(systemIds.length ? inArray(sectionGoals.systemId, systemIds) : undefined, footprintIds.length ? inArray(sectionGoals.footprintId, footprintIds) : undefined));
  return groupBy(rows, (g) => (g.systemId ?? g.footprintId)!);
}

/**
 * Today's trajectory data for many scopes of one framework at once (the targets API judges
 * every scope with targets to filter them by status), in the same few queries whatever
 * the number of scopes: each scope's providers, their reported scores, the targets of the
 * scopes and their providers, and the national averages.
 */
export async function getCurrentTrajectoryDataForScopes({
  frameworkId,
  careSetting,
  domainIds,
  scopes,
}: {
  frameworkId: string;
  careSetting: CareSetting;
  domainIds: string[];
  scopes: readonly TrajectoryScope[];
}): Promise<Map<string, TrajectoryData>> {
  const db = await getDb();
  const ofType = (type: TrajectoryScope["type"]) => scopes.filter((s) => s.type === type).map((s) => s.id);
  const [footprintIds, systemIds] = [ofType("footprint"), ofType("system")];
  const [inFootprints, inSystems] = await Promise.all([
    footprintIds.length === 0
      ? []
      : db.select({ scopeId: organisationFootprints.footprintId, id: organisationFootprints.organisationId }).from(organisationFootprints).where(inArray(organisationFootprints.footprintId, footprintIds)),
    systemIds.length === 0 ? [] : db.select({ scopeId: organisations.systemId, id: organisations.id }).from(organisations).where(inArray(organisations.systemId, systemIds)),
  ]);
  const providersOf = new Map<string, string[]>(scopes.map((s) => [s.id, s.type === "organisation" ? [s.id] : []]));
  for (const r of [...inFootprints, ...inSystems]) if (r.scopeId) providersOf.get(r.scopeId)?.push(r.id);
  const allProviders = [...new Set([...providersOf.values()].flat())];
  const allScopeIds = [...new Set([...scopes.map((s) => s.id), ...allProviders])];

  const [rows, current, nationalRows] = await Promise.all([
    allProviders.length === 0
      ? []
      : db
          .select({ organisationId: assessments.organisationId, periodId: assessments.periodId, date: assessmentPeriods.assessedOn, domainId: domainScores.domainId, score: domainScores.score })
          .from(assessments)
          .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, assessments.periodId))
          .innerJoin(domainScores, eq(domainScores.assessmentId, assessments.id))
          .where(
            and(
              eq(assessmentPeriods.frameworkId, frameworkId),
              eq(assessments.careSetting, careSetting),
              inArray(assessments.organisationId, allProviders),
              inArray(assessments.status, [...reportedStatuses]),
            ),
          ),
    allScopeIds.length === 0 ? [] : db.select().from(targets).where(targetsOfScopes(allScopeIds, domainIds)),
    db
      .select({ date: assessmentPeriods.assessedOn, domainId: nationalAverages.domainId, score: nationalAverages.score })
      .from(nationalAverages)
      .innerJoin(assessmentPeriods, eq(assessmentPeriods.id, nationalAverages.periodId))
      .where(and(eq(assessmentPeriods.frameworkId, frameworkId), eq(nationalAverages.careSetting, careSetting)))
      .orderBy(asc(assessmentPeriods.assessedOn)),
  ]);
  const rowsOf = groupBy(rows, (r) => r.organisationId);
  const targetsOf = groupBy(current.map(currentTarget), (t) => t.scopeId);
  return new Map(
    scopes.map((scope) => {
      const providerIds = providersOf.get(scope.id) ?? [];
      // A place with no organisations yet still has its targets (listed, with no data to
      // judge them by); an organisation is its own provider.
      const scopeIds = [...new Set([scope.id, ...providerIds])];
      return [
        scope.id,
        {
          providerIds,
          rows: providerIds.flatMap((id) => rowsOf.get(id) ?? []),
          national: nationalRows,
          targets: scopeIds.flatMap((id) => targetsOf.get(id) ?? []),
        },
      ];
    }),
  );
}
