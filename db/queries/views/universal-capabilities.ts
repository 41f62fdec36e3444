import "server-only";
import { listCapabilitiesWithTranches, listPlanFilterOptions, listPlanProjects } from "../portfolio";
import { getSystemScope } from "../system-scope";
import { capabilityMatrix, capabilityMatrixByOwner } from "@/lib/portfolio";
import type { SystemRequest } from "@/lib/system-scope";

/** One system's universal capability matrix, by footprint or by owner organisation, for the page and its downloads alike. */
export async function getUniversalCapabilitiesView({ byOwner, ...request }: { byOwner: boolean } & SystemRequest) {
  const { systems, system } = await getSystemScope(request);
  const systemId = system?.id;
  const [{ projects, footprintsOf }, options, { capabilities, tranches }] = await Promise.all([
    listPlanProjects({ systemId }),
    listPlanFilterOptions({ systemId }),
    listCapabilitiesWithTranches({ systemId }),
  ]);
  const columns = byOwner ? options.organisations.map((o) => ({ id: o.id, key: o.id, name: o.name })) : options.footprints.map((f) => ({ id: f.id, key: f.code, name: f.name }));
  const ucs = capabilities.map((c) => c.number);
  const matrix = byOwner ? capabilityMatrixByOwner(projects, columns.map((c) => c.id), ucs) : capabilityMatrix(projects, columns.map((c) => c.id), ucs, footprintsOf);
  return { systems, system, projects, capabilities, tranches, byOwner, columns, matrix };
}
export type UniversalCapabilitiesView = Awaited<ReturnType<typeof getUniversalCapabilitiesView>>;
