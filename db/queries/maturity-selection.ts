import "server-only";
import { getFrameworkStructure, listFrameworks, listPeriodsWithReportedCounts } from "./frameworks";
import { listFootprints, listSystems } from "./places";
import { defaultPeriod, pickByCode } from "@/lib/maturity-selection";

/** The choices a maturity page offers and the ones the URL selects. */
export async function getMaturitySelection(params: { framework?: string; period?: string; footprint?: string }) {
  const [frameworks, footprints, systems] = await Promise.all([listFrameworks(), listFootprints(), listSystems()]);
  const framework = pickByCode(frameworks, params.framework) ?? frameworks[0];
  if (!framework) return null;
  const [structure, periods] = await Promise.all([
    getFrameworkStructure({ frameworkId: framework.id }),
    listPeriodsWithReportedCounts({ frameworkId: framework.id }),
  ]);
  const period = pickByCode(periods, params.period) ?? defaultPeriod(periods);
  const footprint = pickByCode(footprints, params.footprint) ?? null;
  return { frameworks, framework, structure: structure!, periods, period: period ?? null, footprints, footprint, system: systems[0] ?? null };
}
export type MaturitySelection = NonNullable<Awaited<ReturnType<typeof getMaturitySelection>>>;
