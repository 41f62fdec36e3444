import "server-only";
import type { CareSetting } from "@/lib/care-settings";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { listAssessmentHistoryAsAt } from "./as-at";
import { getDb } from "../client";
import { assessments, auditLog, organisations, workstreamFootprints } from "../schema";
import { getNationalAveragesByPeriod, listReportedScoresByPeriod, type OrganisationScores } from "./maturity";
import { getMaturitySelection } from "./maturity-selection";
import type { SystemRequest } from "@/lib/system-scope";
import { listOrganisations } from "./places";
import { listCapabilitiesWithTranches, listPlanProjects } from "./portfolio";
import { getTrajectoryData, listSectionGoals } from "./trajectories";
import { getBoardAgenda } from "./workstreams";
import { assessmentsAsAt, endOfDay } from "@/lib/as-at";
import { heatmapPeriodAsAt, projectSnapshotActions, type ProjectChange } from "@/lib/board-pack";

// Every decision ever recorded: conditions and stops decided long ago still shape the
// agenda as at a later date.
const EVERY_DECISION = "0001-01-01";

/**
 * Each provider's reported scores in a period as they stood at a moment, rebuilt from the
 * change history (as the trajectories' "as at" view is), with the status they had then.
 */
async function listReportedScoresAsAt({
  periodId,
  careSetting,
  organisationIds,
  until,
}: {
  periodId: string;
  careSetting: CareSetting;
  organisationIds: readonly string[];
  until: Date;
}): Promise<OrganisationScores[]> {
  if (organisationIds.length === 0) return [];
  const db = await getDb();
  const [keys, events] = await Promise.all([
    db
      .select({ assessmentId: assessments.id, id: organisations.id, name: organisations.name, shortName: organisations.shortName, odsCode: organisations.odsCode })
      .from(assessments)
      .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
      .where(and(eq(assessments.periodId, periodId), eq(assessments.careSetting, careSetting), inArray(assessments.organisationId, [...organisationIds])))
      .orderBy(asc(organisations.name)),
    listAssessmentHistoryAsAt({ periodId, careSetting, organisationIds, until }),
  ]);
  const states = assessmentsAsAt(events);
  return keys.flatMap(({ assessmentId, ...organisation }) => {
    const state = states.get(assessmentId);
    if (!state || (state.status !== "submitted" && state.status !== "approved")) return [];
    return [{ ...organisation, assessmentId, status: state.status, scores: state.scores }];
  });
}

/** Project creations and updates recorded after a moment, oldest first (updates carry the state before them). */
async function listProjectChangesAfter({ after }: { after: Date }): Promise<ProjectChange[]> {
  const db = await getDb();
  const rows = await db
    .select({ projectId: auditLog.entityId, action: auditLog.action, at: auditLog.at, before: auditLog.before })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "project"), inArray(auditLog.action, projectSnapshotActions), gt(auditLog.at, after)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows;
}

async function listWorkstreamFootprints(): Promise<Map<string, string[]>> {
  const db = await getDb();
  const rows = await db.select().from(workstreamFootprints);
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.workstreamId, [...(out.get(r.workstreamId) ?? []), r.footprintId]);
  return out;
}

/**
 * Everything the board pack shows for a footprint (by code; none for the whole system) as
 * at a date (no later than today), composed from the pages' own queries: the same number
 * of queries whatever the number of projects, reviews or scores. Today's figures come from
 * the tables; a past date's from the change history.
 */
export async function getBoardPackData({ footprint: footprintCode, asAt, today, ...request }: { footprint?: string; asAt: string; today: string } & SystemRequest) {
  const selection = await getMaturitySelection({ footprint: footprintCode, ...request });
  if (!selection?.system) return null;
  const { structure, footprint, system, periods, footprints, careSetting, scale } = selection;
  const past = asAt < today;
  const until = endOfDay(asAt);
  const history = past ? asAt : null;
  const domainIds = structure.domains.map((d) => d.id);
  const systemScope = { type: "system" as const, id: system.id };
  const scope: { type: "system" | "footprint"; id: string } = footprint ? { type: "footprint", id: footprint.id } : systemScope;

  const [trajectory, systemTrajectory, goals, systemGoals, plan, capabilities, organisationList, projectChangesAfter, agenda, workstreamPlaces] = await Promise.all([
    getTrajectoryData({ frameworkId: structure.id, careSetting, domainIds, scope, asAt: history }),
    footprint ? getTrajectoryData({ frameworkId: structure.id, careSetting, domainIds, scope: systemScope, asAt: history }) : null,
    listSectionGoals({ scope }),
    footprint ? listSectionGoals({ scope: systemScope }) : [],
    listPlanProjects({ systemId: system.id }),
    listCapabilitiesWithTranches({ systemId: system.id }),
    listOrganisations({ systemId: system.id }),
    listProjectChangesAfter({ after: until }),
    getBoardAgenda({ decidedSince: EVERY_DECISION, systemId: system.id }),
    listWorkstreamFootprints(),
  ]);

  const period = heatmapPeriodAsAt(periods, trajectory.rows, asAt);
  const [national, scored] = period
    ? await Promise.all([
        getNationalAveragesByPeriod({ periodId: period.id, careSetting }),
        past
          ? listReportedScoresAsAt({ periodId: period.id, careSetting, organisationIds: trajectory.providerIds, until })
          : listReportedScoresByPeriod({ periodId: period.id, careSetting, footprintId: footprint?.id, systemId: system.id }),
      ])
    : [{}, []];

  return {
    // What lib/board-pack assembleBoardPack needs…
    asAt,
    until,
    domainIds,
    scale,
    sections: structure.sections,
    scope,
    systemId: system.id,
    heatmap: { organisations: scored, national },
    trajectory: { ...trajectory, systemTargets: systemTrajectory?.targets ?? null },
    goals,
    systemGoals,
    projects: plan.projects,
    projectChangesAfter,
    organisationNames: new Map(organisationList.map((o) => [o.id, o.name])),
    footprintsOf: plan.footprintsOf,
    capabilityColumns: footprint ? [footprint] : footprints.filter((f) => f.systemId === system.id),
    ucs: capabilities.capabilities.map((c) => c.number),
    reviews: [...agenda.pending, ...agenda.recent],
    workstreamFootprints: workstreamPlaces,
    // …and what the page shows beside it.
    selection,
    structure,
    system,
    footprint,
    period,
    capabilities: capabilities.capabilities,
    pendingDeliverables: new Map(agenda.pending.map((r) => [r.id, { ready: r.ready, notRequired: r.notRequired, total: r.deliverables.length }])),
  };
}
export type BoardPackData = NonNullable<Awaited<ReturnType<typeof getBoardPackData>>>;
