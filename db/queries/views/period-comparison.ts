import "server-only";
import { listPeerResults } from "../benchmarks";
import { getMaturitySelection } from "../maturity-selection";
import { listSystems } from "../places";
import { pickByCode } from "@/lib/maturity-selection";
import { comparePeriods } from "@/lib/period-comparison";
import type { SystemRequest } from "@/lib/system-scope";

/** Two periods of a framework side by side in one care setting: by default the two latest. */
export async function getPeriodComparisonView(params: { framework?: string; setting?: string; from?: string; to?: string } & SystemRequest) {
  const selection = await getMaturitySelection({ ...params, defaultFramework: "newest" });
  if (!selection?.system || selection.periods.length < 2) return null;
  // Periods come newest first.
  const to = pickByCode(selection.periods, params.to) ?? selection.periods[0]!;
  const from = pickByCode(selection.periods, params.from) ?? selection.periods.find((p) => p.assessedOn < to.assessedOn) ?? selection.periods[1]!;
  const [before, after, systems] = await Promise.all([
    listPeerResults({ periodId: from.id, careSetting: selection.careSetting }),
    listPeerResults({ periodId: to.id, careSetting: selection.careSetting }),
    listSystems(),
  ]);
  const system = selection.system;
  const lineage = new Set([system.id, ...systems.filter((s) => s.successorId === system.id).map((s) => s.id)]);
  const own = new Set([...before, ...after].filter((p) => lineage.has(p.systemId) || (p.attributedSystemId != null && lineage.has(p.attributedSystemId))).map((p) => p.organisationId));
  return { selection, from, to, scale: selection.scale, ...comparePeriods({ domains: selection.structure.domains, before, after, isOwn: (id) => own.has(id) }) };
}
