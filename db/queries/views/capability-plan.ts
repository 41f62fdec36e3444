import "server-only";
import { listPlanFilterOptions, listPlanProjects } from "../portfolio";
import { filterPlanProjects } from "@/lib/portfolio";

/**
 * The capability plan's projects and the filters chosen (by footprint code, owner
 * organisation id and STP priority), for the page and its downloads alike. Unknown choices
 * (an old link, a typed URL) fall back to everything rather than to nothing; `unknown`
 * names them, for callers that must refuse instead.
 */
export async function getCapabilityPlanView(params: { footprint?: string; organisation?: string; priority?: string }) {
  const [{ projects, footprintsOf }, options] = await Promise.all([listPlanProjects(), listPlanFilterOptions()]);
  const footprint = options.footprints.find((f) => f.code === params.footprint);
  const organisation = options.organisations.find((o) => o.id === params.organisation);
  const priority = options.priorities.find((p) => p === params.priority);
  const shown = filterPlanProjects(projects, { footprintId: footprint?.id, organisationId: organisation?.id, stpPriority: priority }, footprintsOf);
  const unknown = [
    ...(params.footprint && !footprint ? ["footprint"] : []),
    ...(params.organisation && !organisation ? ["organisation"] : []),
    ...(params.priority && !priority ? ["priority"] : []),
  ];
  return { projects, footprintsOf, options, footprint, organisation, priority, shown, unknown };
}
export type CapabilityPlanView = Awaited<ReturnType<typeof getCapabilityPlanView>>;
