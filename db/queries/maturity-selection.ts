import "server-only";
import { getFrameworkStructure, listFrameworkIdsWithTargets, listFrameworks, listPeriods, listPeriodsWithReportedCounts } from "./frameworks";
import { inCareSetting } from "@/lib/care-settings";
import { getOrganisationById, listFootprints } from "./places";
import { isUuid } from "@/lib/ids";
import { getSystemScope } from "./system-scope";
import { defaultPeriod, pickByCode } from "@/lib/maturity-selection";
import { scaleOf } from "@/lib/scale";
import type { SystemRequest } from "@/lib/system-scope";

/**
 * The choices a maturity page offers and the ones the URL selects, within one system. An
 * organisation the URL names (by id) is shown within its own system unless ?system= names
 * another; `organisation` is null then, or when it names none.
 */
export async function getMaturitySelection(
  params: {
    framework?: string;
    period?: string;
    footprint?: string;
    organisation?: string;
    setting?: string;
    /**
     * Which framework to show when the URL names none (nor a period of one): the newest the
     * system has set targets on, which the maturity pages plan against (the default), or
     * the newest of all (benchmarks: today's national assessment).
     */
    defaultFramework?: "newest" | "with-targets";
  } & SystemRequest,
) {
  const asked = params.organisation && isUuid(params.organisation) ? await getOrganisationById({ organisationId: params.organisation }) : null;
  const request = { ...params, organisationIds: asked ? [asked.id] : params.organisationIds };
  const [frameworks, { systems, system }, allFootprints] = await Promise.all([listFrameworks(), getSystemScope(request), listFootprints()]);
  const organisation = asked && asked.systemId === system?.id ? asked : null;
  const footprints = allFootprints.filter((f) => f.systemId === system?.id);
  const named = pickByCode(frameworks, params.framework) ?? (params.period ? await frameworkOfPeriod(frameworks, params.period) : undefined);
  const targeted = !named && params.defaultFramework !== "newest" && system ? await listFrameworkIdsWithTargets({ systemId: system.id }) : null;
  const framework = named ?? frameworks.find((f) => targeted?.has(f.id)) ?? frameworks[0];
  if (!framework) return null;
  const [structure, periods] = await Promise.all([
    getFrameworkStructure({ frameworkId: framework.id }),
    listPeriodsWithReportedCounts({ frameworkId: framework.id, systemId: system?.id }),
  ]);
  const period = pickByCode(periods, params.period) ?? defaultPeriod(periods);
  const footprint = pickByCode(footprints, params.footprint) ?? null;
  // Scores compare only within one care setting: a framework answered in several shows one at a time.
  const careSettings = framework.careSettings;
  const careSetting = careSettings.find((c) => c === params.setting) ?? careSettings[0] ?? "all";
  return {
    frameworks,
    framework,
    structure: inCareSetting(structure!, careSetting),
    scale: scaleOf(framework),
    careSettings,
    careSetting,
    periods,
    period: period ?? null,
    footprints,
    footprint,
    systems,
    system,
    organisation,
  };
}
/** A period's code names its framework too (/maturity?period=2016-BASELINE), unless two frameworks share it. */
async function frameworkOfPeriod<F extends { id: string }>(frameworks: readonly F[], periodCode: string): Promise<F | undefined> {
  const periods = (await listPeriods()).filter((p) => p.code === periodCode);
  return periods.length === 1 ? frameworks.find((f) => f.id === periods[0]!.frameworkId) : undefined;
}

export type MaturitySelection = NonNullable<Awaited<ReturnType<typeof getMaturitySelection>>>;
