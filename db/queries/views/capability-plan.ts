import "server-only";
import { listPlanFilterOptions, listPlanProjects } from "../portfolio";
import { getSystemScope } from "../system-scope";
import { filterPlanProjects } from "@/lib/portfolio";
import type { SystemRequest } from "@/lib/system-scope";

/**
 * The capability plan's projects in one system and the filters chosen (by footprint code,
 * owner organisation id and STP priority), for the page and its downloads alike. Unknown
 * choices (an old link, a typed URL) fall back to everything rather than to nothing;
 * `unknown` names them, for callers that must refuse instead.
 */
export async function getCapabilityPlanView(params: { footprint?: string; organisation?: string; priority?: string } & SystemRequest) {
  const scope = await getSystemScope(params);
  const { system } = scope;
  const systemId = system?.id;
  const [{ projects, footprintsOf }, options] = await Promise.all([listPlanProjects({ systemId }), listPlanFilterOptions({ systemId })]);
  const footprint = options.footprints.find((f) => f.code === params.footprint);
  const organisation = options.organisations.find((o) => o.id === params.organisation);
  const priority = options.priorities.find((p) => p === params.priority);
  const shown = filterPlanProjects(projects, { footprintId: footprint?.id, organisationId: organisation?.id, stpPriority: priority }, footprintsOf);
  const unknown = [
    ...(params.system && system?.code !== params.system ? ["system"] : []),
    ...(params.footprint && !footprint ? ["footprint"] : []),
    ...(params.organisation && !organisation ? ["organisation"] : []),
    ...(params.priority && !priority ? ["priority"] : []),
  ];
  return { systems: scope.systems, system, projects, footprintsOf, options, footprint, organisation, priority, shown, unknown };
}
export type CapabilityPlanView = Awaited<ReturnType<typeof getCapabilityPlanView>>;
