import "server-only";
import { listPeerResults } from "../benchmarks";
import { getMaturitySelection } from "../maturity-selection";
import { listSystems } from "../places";
import { buildBenchmarks } from "@/lib/benchmark-view";
import type { SystemRequest } from "@/lib/system-scope";

/** The peer benchmarks page: every organisation in England in one care setting and period, the system's picked out. */
export async function getBenchmarksView(params: { framework?: string; period?: string; setting?: string } & SystemRequest) {
  const selection = await getMaturitySelection({ ...params, defaultFramework: "newest" });
  if (!selection?.period || !selection.system) return { selection, data: null };
  const { structure, period, careSetting, system, scale } = selection;
  // The ICB's own assessment is a setting of its own: shown beside its providers, never among them.
  const [peers, icbResults, systems] = await Promise.all([
    listPeerResults({ periodId: period.id, careSetting }),
    careSetting !== "icb" && selection.careSettings.includes("icb") ? listPeerResults({ periodId: period.id, careSetting: "icb" }) : Promise.resolve(null),
    listSystems(),
  ]);
  // A system's history: results filed under the systems it succeeded count as its own.
  const lineage = new Set([system.id, ...systems.filter((s) => s.successorId === system.id).map((s) => s.id)]);
  const inSystem = (p: { systemId: string; attributedSystemId: string | null }) => lineage.has(p.systemId) || (p.attributedSystemId != null && lineage.has(p.attributedSystemId));
  const icb = icbResults?.find((r) => inSystem(r)) ?? null;
  return {
    selection,
    data: {
      structure,
      period,
      careSetting,
      scale,
      system,
      predecessors: systems.filter((s) => s.successorId === system.id),
      successor: systems.find((s) => s.id === system.successorId) ?? null,
      benchmarks: buildBenchmarks({ domains: structure.domains, peers, isOwn: inSystem }),
      icb,
    },
  };
}
export type BenchmarksView = NonNullable<Awaited<ReturnType<typeof getBenchmarksView>>["data"]>;
