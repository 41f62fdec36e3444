// Portfolio rules: project statuses, where a project applies, and how far each universal
// capability has got in a place, derived from the projects that enable (E) or support (S)
// it. Pure functions of plain data, so the capability matrix, the gap-to-delivery view and
// the tests agree.

import { formatFinancialYear } from "./financial-year";
import type { Rag } from "./rag";

export const projectStatuses = ["planned", "in_flight", "delivered", "paused", "stopped"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const projectStatusLabels: Record<ProjectStatus, string> = {
  planned: "Planned",
  in_flight: "In flight",
  delivered: "Delivered",
  paused: "Paused",
  stopped: "Stopped",
};

/** The STP digital priorities a project serves, as the capability plans label them. */
export const stpDigitalPriorities = [
  "Records sharing, care planning",
  "Provider digital maturity",
  "Whole system intelligence, childrens' sharing",
  "Patient facing technology",
] as const;

export { ragRatings } from "./rag";

export const capabilityRoles = ["E", "S"] as const;
export type CapabilityRole = (typeof capabilityRoles)[number];
export const capabilityRoleLabels: Record<CapabilityRole, string> = { E: "Enables", S: "Supports" };

export interface PortfolioProject {
  id: string;
  status: ProjectStatus;
  /** Footprints named on the project itself. */
  footprintIds: readonly string[];
  /** Owner organisations: a project applies wherever its owners serve. */
  ownerIds: readonly string[];
  capabilities: readonly { uc: number; role: CapabilityRole }[];
}

/** The footprints a project applies to: those it names, and those its owners serve. */
export function projectFootprints(project: Pick<PortfolioProject, "footprintIds" | "ownerIds">, footprintsOf: ReadonlyMap<string, readonly string[]>): Set<string> {
  const out = new Set(project.footprintIds);
  for (const owner of project.ownerIds) for (const f of footprintsOf.get(owner) ?? []) out.add(f);
  return out;
}

export const capabilityProgress = ["delivered", "in_progress", "planned", "nothing"] as const;
export type CapabilityProgress = (typeof capabilityProgress)[number];

export const capabilityProgressLabels: Record<CapabilityProgress, string> = {
  delivered: "Delivered",
  in_progress: "In progress",
  planned: "Planned",
  nothing: "Nothing planned",
};

/**
 * How far a universal capability has got, from the projects that touch it in a place:
 * delivered once a project that enables it is delivered; in progress while any project
 * that enables or supports it is in flight or paused, or a supporting one is delivered;
 * planned when the only such projects are planned; nothing otherwise. Stopped projects
 * count for nothing.
 */
export function capabilityProgressOf(projects: readonly Pick<PortfolioProject, "status" | "capabilities">[], uc: number): CapabilityProgress {
  let best: CapabilityProgress = "nothing";
  const rank: Record<CapabilityProgress, number> = { nothing: 0, planned: 1, in_progress: 2, delivered: 3 };
  for (const p of projects) {
    const link = p.capabilities.find((c) => c.uc === uc);
    if (!link || p.status === "stopped") continue;
    const progress: CapabilityProgress =
      p.status === "delivered" ? (link.role === "E" ? "delivered" : "in_progress") : p.status === "planned" ? "planned" : "in_progress";
    if (rank[progress] > rank[best]) best = progress;
  }
  return best;
}

/** The capability × footprint matrix: each cell's progress and the projects behind it. */
export function capabilityMatrix(
  projects: readonly PortfolioProject[],
  footprintIds: readonly string[],
  ucs: readonly number[],
  footprintsOf: ReadonlyMap<string, readonly string[]>,
): Map<number, Map<string, { progress: CapabilityProgress; projectIds: string[] }>> {
  const where = new Map(projects.map((p) => [p.id, projectFootprints(p, footprintsOf)]));
  const matrix = new Map<number, Map<string, { progress: CapabilityProgress; projectIds: string[] }>>();
  for (const uc of ucs) {
    const row = new Map<string, { progress: CapabilityProgress; projectIds: string[] }>();
    for (const f of footprintIds) {
      const here = projects.filter((p) => where.get(p.id)!.has(f) && p.capabilities.some((c) => c.uc === uc) && p.status !== "stopped");
      row.set(f, { progress: capabilityProgressOf(here, uc), projectIds: here.map((p) => p.id) });
    }
    matrix.set(uc, row);
  }
  return matrix;
}

export interface PlanFilter {
  footprintId?: string;
  organisationId?: string;
  stpPriority?: string;
}

/** The projects a plan filter keeps: in the footprint (named or through an owner), owned by the organisation, serving the priority. */
export function filterPlanProjects<P extends Pick<PortfolioProject, "footprintIds" | "ownerIds"> & { stpPriority: string }>(
  projects: readonly P[],
  filter: PlanFilter,
  footprintsOf: ReadonlyMap<string, readonly string[]>,
): P[] {
  return projects.filter(
    (p) =>
      (!filter.footprintId || projectFootprints(p, footprintsOf).has(filter.footprintId)) &&
      (!filter.organisationId || p.ownerIds.includes(filter.organisationId)) &&
      (!filter.stpPriority || p.stpPriority === filter.stpPriority),
  );
}

/** A plan column: the financial years its projects span, "2016/17" or "2017/18 – 2018/19". */
export function planPeriodLabel(fromYear: number, toYear: number): string {
  return fromYear === toYear ? formatFinancialYear(fromYear) : `${formatFinancialYear(fromYear)} – ${formatFinancialYear(toYear)}`;
}

/** The plan's columns: every distinct span of years, earliest first. */
export function planPeriods(projects: readonly { fromYear: number; toYear: number }[]): { key: string; fromYear: number; toYear: number; label: string }[] {
  const spans = new Map<string, { key: string; fromYear: number; toYear: number; label: string }>();
  for (const p of projects) {
    const key = `${p.fromYear}-${p.toYear}`;
    if (!spans.has(key)) spans.set(key, { key, fromYear: p.fromYear, toYear: p.toYear, label: planPeriodLabel(p.fromYear, p.toYear) });
  }
  return [...spans.values()].sort((a, b) => a.fromYear - b.fromYear || a.toYear - b.toYear);
}

/** The capability × organisation matrix: an organisation's progress comes from the projects it owns. */
export function capabilityMatrixByOwner(
  projects: readonly PortfolioProject[],
  organisationIds: readonly string[],
  ucs: readonly number[],
): Map<number, Map<string, { progress: CapabilityProgress; projectIds: string[] }>> {
  const matrix = new Map<number, Map<string, { progress: CapabilityProgress; projectIds: string[] }>>();
  for (const uc of ucs) {
    const row = new Map<string, { progress: CapabilityProgress; projectIds: string[] }>();
    for (const o of organisationIds) {
      const here = projects.filter((p) => p.ownerIds.includes(o) && p.capabilities.some((c) => c.uc === uc) && p.status !== "stopped");
      row.set(o, { progress: capabilityProgressOf(here, uc), projectIds: here.map((p) => p.id) });
    }
    matrix.set(uc, row);
  }
  return matrix;
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** How many projects fall under each value of a property, largest first, ties by label. */
export function countBy<P>(projects: readonly P[], keysOf: (p: P) => readonly { key: string; label: string }[]): CountRow[] {
  const counts = new Map<string, CountRow>();
  for (const p of projects) {
    for (const { key, label } of keysOf(p)) {
      const row = counts.get(key) ?? { key, label, count: 0 };
      row.count++;
      counts.set(key, row);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

const ragOrder: Record<Rag, number> = { red: 0, amber: 1, green: 2 };

/** Red then amber projects, for the board: the ones that need its attention, with their reasons. */
export function projectsNeedingAttention<P extends { rag: Rag | null; title: string; status: ProjectStatus }>(projects: readonly P[]): P[] {
  return projects
    .filter((p) => (p.rag === "red" || p.rag === "amber") && p.status !== "stopped" && p.status !== "delivered")
    .sort((a, b) => ragOrder[a.rag!] - ragOrder[b.rag!] || a.title.localeCompare(b.title));
}
