// The programme board pack: one document for a footprint (or the whole system) as at a
// chosen date. These rules decide what "as at" means for each section and put the
// sections together from plain data; db/queries/board-pack.ts fetches that data.

import type { Scale } from "./scale";
import type { TargetState } from "./as-at";
import { formatDate, isIsoDate } from "./dates";
import { buildHeatmap, type Heatmap } from "./heatmap";
import type { ScoredOrganisation, ScoresByDomain } from "./maturity";
import {
  capabilityMatrix,
  capabilityProgress,
  filterPlanProjects,
  projectsNeedingAttention,
  projectStatuses,
  type CapabilityProgress,
  type CapabilityRole,
  type ProjectStatus,
} from "./portfolio";
import { ragRatings, type Rag } from "./rag";
import type { TrajectoryStatus } from "./trajectory";
import { buildDomainTrajectories, goalRule, type DomainTrajectory, type ScoreRow } from "./trajectory-view";
import { conditionState, DUE_SOON_DAYS, type ConditionState } from "./workstream";

export const packSectionIds = ["heatmap", "trajectories", "capabilities", "projects", "reviews", "conditions"] as const;
export type PackSectionId = (typeof packSectionIds)[number];

export const packSectionTitles: Record<PackSectionId, string> = {
  heatmap: "Digital maturity heatmap",
  trajectories: "Trajectories",
  capabilities: "Universal capabilities",
  projects: "Red and amber projects",
  reviews: "Tollgate reviews awaiting a decision",
  conditions: "Review conditions",
};

/** What "as at" means for each section, in words for the page. */
export function asAtMeanings(asAt: string): Record<PackSectionId, string> {
  const day = formatDate(asAt);
  return {
    heatmap: `The latest assessment period dated on or before ${day} in which a provider here had submitted or approved scores by the end of that day, with the scores as they stood then.`,
    trajectories: `Scores reported and targets set by the end of ${day}, as they stood then; each status is judged on ${day}.`,
    capabilities: `Projects as they stood at the end of ${day}: a project changed since is shown as it was then, and one added since is left out.`,
    projects: `Ratings and reasons as they stood at the end of ${day}; delivered and stopped projects are left out.`,
    reviews: `Reviews requested by the end of ${day} and not decided by then.`,
    conditions: `Conditions set by the end of ${day} and not closed by then; overdue means due before ${day}, due soon within ${DUE_SOON_DAYS} days of it.`,
  };
}

/** The pack's date: blank means today; a real date no later than today; anything else today, with the reason. */
export function parsePackDate(asked: string | undefined, today: string): { asAt: string; error: string | null } {
  if (asked == null || asked.trim() === "") return { asAt: today, error: null };
  const value = asked.trim();
  if (!isIsoDate(value)) return { asAt: today, error: `Enter a real date like ${today}: showing the pack as at today instead` };
  if (value > today) return { asAt: today, error: "The pack cannot look ahead: enter today or a past date. Showing the pack as at today instead" };
  return { asAt: value, error: null };
}

/**
 * The period the heatmap shows as at a date: the latest one assessed on or before it in
 * which any of the providers has reported scores (as they stood then). Periods on the
 * same date: the one more providers reported in, then by code.
 */
export function heatmapPeriodAsAt<P extends { id: string; code: string; assessedOn: string }>(
  periods: readonly P[],
  reported: readonly Pick<ScoreRow, "periodId" | "organisationId">[],
  asAt: string,
): P | null {
  const reporters = new Map<string, Set<string>>();
  for (const r of reported) {
    const set = reporters.get(r.periodId) ?? new Set<string>();
    set.add(r.organisationId);
    reporters.set(r.periodId, set);
  }
  const candidates = periods.filter((p) => p.assessedOn <= asAt && (reporters.get(p.id)?.size ?? 0) > 0);
  candidates.sort(
    (a, b) => b.assessedOn.localeCompare(a.assessedOn) || reporters.get(b.id)!.size - reporters.get(a.id)!.size || a.code.localeCompare(b.code),
  );
  return candidates[0] ?? null;
}

/**
 * The targets a footprint is judged against, domain by domain: its own where it has set
 * any for the domain, otherwise the system's (a footprint works to the system's
 * trajectory until it sets its own). Returned under the footprint's id, with the domains
 * that borrowed the system's.
 */
export function judgedTargets({
  domainIds,
  scopeId,
  own,
  fallback,
}: {
  domainIds: readonly string[];
  scopeId: string;
  own: readonly TargetState[];
  fallback: { scopeId: string; targets: readonly TargetState[] } | null;
}): { targets: TargetState[]; borrowedDomainIds: Set<string> } {
  const targets: TargetState[] = [];
  const borrowedDomainIds = new Set<string>();
  for (const domainId of domainIds) {
    const mine = own.filter((t) => t.scopeId === scopeId && t.domainId === domainId);
    if (mine.length > 0 || !fallback) {
      targets.push(...mine);
      continue;
    }
    const theirs = fallback.targets.filter((t) => t.scopeId === fallback.scopeId && t.domainId === domainId);
    if (theirs.length > 0) borrowedDomainIds.add(domainId);
    targets.push(...theirs.map((t) => ({ ...t, scopeId })));
  }
  return { targets, borrowedDomainIds };
}

/** Domains worth a chart: a planned path to draw, or more than one score to join. */
export function chartedTrajectories(trajectories: readonly DomainTrajectory[]): DomainTrajectory[] {
  return trajectories.filter((t) => t.targets.length > 0 || t.actuals.length > 1);
}

export function countTrajectoryStatuses(trajectories: readonly DomainTrajectory[]): Record<TrajectoryStatus, number> {
  const counts: Record<TrajectoryStatus, number> = { "off-track": 0, "at-risk": 0, "on-track": 0, "no-target": 0, "no-data": 0 };
  for (const t of trajectories) counts[t.assessment.status]++;
  return counts;
}

// ---- Projects as at a date ----

export interface PackProject {
  id: string;
  code: string;
  title: string;
  status: ProjectStatus;
  rag: Rag | null;
  ragReason: string | null;
  stpPriority: string;
  ownerIds: string[];
  owners: { id: string; name: string }[];
  footprintIds: string[];
  capabilities: { uc: number; role: CapabilityRole }[];
  /** True when the project has been changed since the date, so it is shown as it was. */
  changedSince: boolean;
}

/** A project's recorded change after the date: its creation, or an update with the state before it. */
/** The history's actions that keep a whole project snapshot before and after (db/commands/projects, project-owners). */
export const projectSnapshotActions = ["project.created", "project.updated", "project.co-owner.accepted", "project.co-owner.declined"];

export interface ProjectChange {
  projectId: string;
  action: string;
  at: Date;
  before: unknown;
}

type Snapshot = Pick<PackProject, "title" | "status" | "rag" | "ragReason" | "stpPriority" | "ownerIds" | "footprintIds" | "capabilities">;

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** The project's state from a history snapshot (db/commands/projects ProjectSnapshot); null if it is not one. */
function readSnapshot(value: unknown): Snapshot | null {
  if (!value || typeof value !== "object") return null;
  const s = value as Record<string, unknown>;
  const status = projectStatuses.find((x) => x === s.status);
  const rag = s.rag == null ? null : ragRatings.find((x) => x === s.rag);
  if (typeof s.title !== "string" || !status || rag === undefined || !isStringArray(s.ownerIds) || !isStringArray(s.footprintIds) || !Array.isArray(s.capabilities)) {
    return null;
  }
  const capabilities = s.capabilities.flatMap((c: unknown) => {
    const link = c as { uc?: unknown; role?: unknown } | null;
    return link && typeof link.uc === "number" && (link.role === "E" || link.role === "S") ? [{ uc: link.uc, role: link.role as CapabilityRole }] : [];
  });
  return {
    title: s.title,
    status,
    rag,
    ragReason: typeof s.ragReason === "string" ? s.ragReason : null,
    stpPriority: typeof s.stpPriority === "string" ? s.stpPriority : "",
    ownerIds: s.ownerIds,
    footprintIds: s.footprintIds,
    capabilities,
  };
}

/**
 * The portfolio as it stood at a moment, from today's projects and the changes recorded
 * after that moment: a project whose first later change is its creation did not exist
 * yet; one whose first later change is an update was as that update found it; one with no
 * later change is as it is now.
 */
export function projectsAsAt(
  projects: readonly Omit<PackProject, "owners" | "changedSince">[],
  changesAfter: readonly ProjectChange[],
  organisationNames: ReadonlyMap<string, string>,
): PackProject[] {
  const first = new Map<string, ProjectChange>();
  for (const c of [...changesAfter].sort((a, b) => a.at.getTime() - b.at.getTime())) if (!first.has(c.projectId)) first.set(c.projectId, c);
  const ownersOf = (ids: readonly string[]) =>
    ids.map((id) => ({ id, name: organisationNames.get(id) ?? "Unknown organisation" })).sort((a, b) => a.name.localeCompare(b.name));
  return projects.flatMap((p) => {
    const change = first.get(p.id);
    if (change?.action === "project.created") return [];
    const was = change ? readSnapshot(change.before) : null;
    const state = was ?? p;
    return [{ ...p, ...state, owners: ownersOf(state.ownerIds), changedSince: was != null }];
  });
}

// ---- Tollgate reviews and conditions as at a date ----

export interface AgendaCondition {
  id: string;
  description: string;
  owner: string;
  dueOn: string;
  closedAt: Date | null;
}

export interface AgendaReview<C extends AgendaCondition = AgendaCondition> {
  id: string;
  workstreamId: string;
  workstreamName: string;
  phase: number;
  requestedAt: Date;
  heldOn: string | null;
  decision: string | null;
  decidedAt: Date | null;
  conditions: C[];
}

/** A workstream applies to a footprint when it names it, or names none (it is the whole system's). */
export function workstreamApplies(workstreamFootprintIds: readonly string[], footprintId: string | null): boolean {
  return footprintId == null || workstreamFootprintIds.length === 0 || workstreamFootprintIds.includes(footprintId);
}

const conditionOrder: Record<ConditionState, number> = { overdue: 0, due_soon: 1, open: 2, closed: 3 };

/**
 * The board's agenda as at a moment, rebuilt from the reviews' own timestamps: reviews
 * requested by then and not yet decided (with what was decided later, if anything), and
 * conditions set by then and not closed by then, judged on the date. A workstream the
 * board had stopped by then has no open conditions (they lapse with it).
 */
export function agendaAsAt<R extends AgendaReview>({
  reviews,
  until,
  asAt,
  applies = () => true,
}: {
  /** Every review there is (pending and decided); duplicates by id are ignored. */
  reviews: readonly R[];
  until: Date;
  /** The date the conditions are judged on (the date of `until` in England). */
  asAt: string;
  applies?: (workstreamId: string) => boolean;
}) {
  const unique = [...new Map(reviews.map((r) => [r.id, r])).values()].filter((r) => applies(r.workstreamId));
  const by = (at: Date | null) => at != null && at.getTime() <= until.getTime();
  const awaiting = unique
    .filter((r) => by(r.requestedAt) && !by(r.decidedAt))
    .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime())
    .map((r) => ({ ...r, decidedLater: r.decision && r.decidedAt ? { decision: r.decision, heldOn: r.heldOn } : null }));
  const decided = unique.filter((r) => r.decision && by(r.decidedAt));
  const stopped = new Set(decided.filter((r) => r.decision === "stop").map((r) => r.workstreamId));
  const conditions = decided
    .filter((r) => !stopped.has(r.workstreamId))
    .flatMap((r) =>
      r.conditions.map((c) => ({
        ...c,
        workstreamId: r.workstreamId,
        workstreamName: r.workstreamName,
        phase: r.phase,
        setOn: r.heldOn,
        closedLater: c.closedAt != null && !by(c.closedAt),
        state: conditionState({ dueOn: c.dueOn, closedAt: by(c.closedAt) ? c.closedAt : null }, asAt),
      })),
    )
    .filter((c) => c.state !== "closed")
    .sort((a, b) => conditionOrder[a.state] - conditionOrder[b.state] || a.dueOn.localeCompare(b.dueOn) || a.workstreamName.localeCompare(b.workstreamName));
  return { awaiting, conditions };
}
export type PackAgenda<R extends AgendaReview> = ReturnType<typeof agendaAsAt<R>>;

// ---- The whole pack ----

export interface PackInput<O extends ScoredOrganisation, R extends AgendaReview> {
  asAt: string;
  until: Date;
  domainIds: readonly string[];
  scale: Scale;
  sections: readonly { id: string; domains: readonly { id: string }[] }[];
  scope: { type: "system" | "footprint"; id: string };
  systemId: string;
  heatmap: { organisations: readonly O[]; national: ScoresByDomain };
  trajectory: {
    providerIds: readonly string[];
    rows: readonly ScoreRow[];
    national: readonly { date: string; domainId: string; score: number }[];
    targets: readonly TargetState[];
    /** The system's targets, when the scope is a footprint (to judge domains it has no targets for). */
    systemTargets: readonly TargetState[] | null;
  };
  goals: readonly { sectionId: string; threshold: number; tolerance: number; financialYear: number; description: string }[];
  systemGoals: readonly { sectionId: string; threshold: number; tolerance: number; financialYear: number; description: string }[];
  projects: readonly Omit<PackProject, "owners" | "changedSince">[];
  projectChangesAfter: readonly ProjectChange[];
  organisationNames: ReadonlyMap<string, string>;
  footprintsOf: ReadonlyMap<string, readonly string[]>;
  /** The matrix's columns: the chosen footprint, or every footprint of the system. */
  capabilityColumns: readonly { id: string; code: string; name: string }[];
  ucs: readonly number[];
  reviews: readonly R[];
  workstreamFootprints: ReadonlyMap<string, readonly string[]>;
}

/** Every section's content, as at the pack's date. */
export function assembleBoardPack<O extends ScoredOrganisation, R extends AgendaReview>(input: PackInput<O, R>) {
  const { asAt, domainIds, scope } = input;
  const footprintId = scope.type === "footprint" ? scope.id : null;

  const heatmap: Heatmap<O> = buildHeatmap(domainIds, input.heatmap.organisations, input.heatmap.national, input.scale);

  const { targets, borrowedDomainIds } = judgedTargets({
    domainIds,
    scopeId: scope.id,
    own: input.trajectory.targets,
    fallback: input.trajectory.systemTargets ? { scopeId: input.systemId, targets: input.trajectory.systemTargets } : null,
  });
  const ownGoal = goalRule(input.goals, input.sections);
  const goal = ownGoal ?? goalRule(input.systemGoals, input.sections);
  const trajectories = buildDomainTrajectories({
    scale: input.scale,
    domainIds,
    rows: input.trajectory.rows,
    national: input.trajectory.national,
    targets,
    scopeId: scope.id,
    organisationIds: new Set(input.trajectory.providerIds),
    asAt,
    goal,
  });

  const portfolio = projectsAsAt(input.projects, input.projectChangesAfter, input.organisationNames);
  const here = footprintId ? filterPlanProjects(portfolio, { footprintId }, input.footprintsOf) : portfolio;
  const matrix = capabilityMatrix(
    portfolio,
    input.capabilityColumns.map((c) => c.id),
    input.ucs,
    input.footprintsOf,
  );

  const agenda = agendaAsAt({
    reviews: input.reviews,
    until: input.until,
    asAt,
    applies: (workstreamId) => workstreamApplies(input.workstreamFootprints.get(workstreamId) ?? [], footprintId),
  });

  return {
    heatmap,
    trajectories,
    borrowedDomainIds,
    goal,
    goalBorrowed: ownGoal == null && goal != null && scope.type === "footprint",
    projects: portfolio,
    changedSince: here.filter((p) => p.changedSince).length,
    attention: projectsNeedingAttention(here),
    matrix,
    agenda,
  };
}
export type BoardPack<O extends ScoredOrganisation, R extends AgendaReview> = ReturnType<typeof assembleBoardPack<O, R>>;

/** How many cells of the capability matrix are at each stage. */
export function countCapabilityProgress(matrix: ReadonlyMap<number, ReadonlyMap<string, { progress: CapabilityProgress }>>): Record<CapabilityProgress, number> {
  const counts = Object.fromEntries(capabilityProgress.map((p) => [p, 0])) as Record<CapabilityProgress, number>;
  for (const row of matrix.values()) for (const cell of row.values()) counts[cell.progress]++;
  return counts;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The cover's headlines, one per section, from the assembled pack. */
export function packGlance<O extends ScoredOrganisation, R extends AgendaReview>(
  pack: BoardPack<O, R>,
  { periodName, columns }: { periodName: string | null; columns: number },
): { section: PackSectionId; text: string }[] {
  const reported = pack.heatmap.rows.length;
  const compared = pack.heatmap.domainSummaries.filter((s) => s.mean != null && s.national != null);
  const meanAbove = compared.filter((s) => s.mean! > s.national!).length;
  const statuses = countTrajectoryStatuses(pack.trajectories);
  const goalMisses = pack.goal ? pack.trajectories.filter((t) => t.goal && t.goal.meets !== true).length : 0;
  const progress = countCapabilityProgress(pack.matrix);
  const cells = [...pack.matrix.values()].reduce((n, row) => n + row.size, 0);
  const red = pack.attention.filter((p) => p.rag === "red").length;
  const overdue = pack.agenda.conditions.filter((c) => c.state === "overdue").length;
  const dueSoon = pack.agenda.conditions.filter((c) => c.state === "due_soon").length;
  return [
    {
      section: "heatmap",
      text:
        reported === 0 || !periodName
          ? "No provider had reported scores by then."
          : `${plural(reported, "provider")} reported in ${periodName}; their mean is above national in ${meanAbove} of ${plural(compared.length, "domain")}.`,
    },
    {
      section: "trajectories",
      text:
        `${statuses["off-track"]} off track, ${statuses["at-risk"]} at risk, ${statuses["on-track"]} on track` +
        `${statuses["no-target"] > 0 ? `, ${statuses["no-target"]} without a target` : ""}${statuses["no-data"] > 0 ? `, ${statuses["no-data"]} without scores` : ""}` +
        `${pack.goal ? `; ${goalMisses} of ${plural(pack.goal.domainIds.size, "domain")} not projected to meet the goal` : ""}.`,
    },
    {
      section: "capabilities",
      text: `${columns > 1 ? `Across ${cells} capability and footprint pairs` : `Of the ${plural(cells, "universal capability", "universal capabilities")}`}: ${progress.delivered} delivered, ${progress.in_progress} in progress, ${progress.planned} planned, ${progress.nothing} with nothing planned.`,
    },
    { section: "projects", text: `${plural(red, "red project")} and ${plural(pack.attention.length - red, "amber project")}.` },
    { section: "reviews", text: `${plural(pack.agenda.awaiting.length, "tollgate review")} awaiting a decision.` },
    { section: "conditions", text: `${plural(overdue, "review condition")} overdue, ${dueSoon} due within ${DUE_SOON_DAYS} days.` },
  ];
}
