import "server-only";
import { getFrameworkStructure, listFrameworks, listPeriodsWithReportedCounts } from "./frameworks";
import { listFootprints } from "./places";
import { getSystemScope } from "./system-scope";
import { defaultPeriod, pickByCode } from "@/lib/maturity-selection";
import { systemOfPlace, type SystemRequest } from "@/lib/system-scope";

/** The choices a maturity page offers and the ones the URL selects, within one system. */
export async function getMaturitySelection(params: { framework?: string; period?: string; footprint?: string } & SystemRequest) {
  const [frameworks, scope, allFootprints] = await Promise.all([listFrameworks(), getSystemScope(params), listFootprints()]);
  const { systems } = scope;
  const system = systemOfPlace(systems, scope.system, params.system, pickByCode(allFootprints, params.footprint)?.systemId);
  const footprints = allFootprints.filter((f) => f.systemId === system?.id);
  const framework = pickByCode(frameworks, params.framework) ?? frameworks[0];
  if (!framework) return null;
  const [structure, periods] = await Promise.all([
    getFrameworkStructure({ frameworkId: framework.id }),
    listPeriodsWithReportedCounts({ frameworkId: framework.id, systemId: system?.id }),
  ]);
  const period = pickByCode(periods, params.period) ?? defaultPeriod(periods);
  const footprint = pickByCode(footprints, params.footprint) ?? null;
  return { frameworks, framework, structure: structure!, periods, period: period ?? null, footprints, footprint, systems, system };
}
export type MaturitySelection = NonNullable<Awaited<ReturnType<typeof getMaturitySelection>>>;
