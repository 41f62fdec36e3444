import { listCapabilitiesWithTranches, listPlanFilterOptions, listPlanProjects } from "@/db/queries/portfolio";
import { listOrganisations } from "@/db/queries/places";
import { pageOf } from "@/lib/api/endpoint";
import { listCapabilitiesEndpoint } from "@/lib/api/endpoints/capabilities";
import { resolveFilter } from "@/lib/api/filters";
import { route } from "@/lib/api/handle";
import { badRequest } from "@/lib/errors";
import { capabilityMatrix, capabilityMatrixByOwner, capabilityProgressLabels } from "@/lib/portfolio";

export const dynamic = "force-dynamic";

// The columns and the matrix exactly as /portfolio/capabilities builds them.
export const GET = route(listCapabilitiesEndpoint, async ({ query }) => {
  const [{ projects, footprintsOf }, options, { capabilities }, organisations] = await Promise.all([
    listPlanProjects(),
    listPlanFilterOptions(),
    listCapabilitiesWithTranches(),
    listOrganisations(),
  ]);
  const byOwner = query.by === "organisation";
  if (byOwner && query.footprint !== undefined) throw badRequest("footprint filters by=footprint; with by=organisation use organisation.", { footprint: "Use organisation with by=organisation" });
  if (!byOwner && query.organisation !== undefined) throw badRequest("organisation filters by=organisation; with by=footprint use footprint.", { organisation: "Use footprint with by=footprint" });
  const odsOf = new Map(organisations.map((o) => [o.id, o.odsCode]));
  const allColumns = byOwner
    ? options.organisations.map((o) => ({ id: o.id, code: odsOf.get(o.id) ?? null, name: o.name }))
    : options.footprints.map((f) => ({ id: f.id, code: f.code, name: f.name }));
  const only = byOwner
    ? resolveFilter(allColumns, query.organisation, { param: "organisation", what: "owner organisation", codeOf: (c) => c.code })
    : resolveFilter(allColumns, query.footprint, { param: "footprint", what: "footprint", codeOf: (c) => c.code });
  const columns = only ? [only] : allColumns;
  const ucs = capabilities.filter((c) => query.uc === undefined || c.number === query.uc);
  if (query.uc !== undefined && ucs.length === 0) throw badRequest(`There is no universal capability ${query.uc}.`, { uc: `There is no universal capability ${query.uc}` });
  const numbers = ucs.map((c) => c.number);
  const matrix = byOwner ? capabilityMatrixByOwner(projects, columns.map((c) => c.id), numbers) : capabilityMatrix(projects, columns.map((c) => c.id), numbers, footprintsOf);
  const rows = ucs.flatMap((uc) =>
    columns.map((c) => {
      const cell = matrix.get(uc.number)!.get(c.id)!;
      return {
        uc: uc.number,
        title: uc.title,
        by: query.by,
        columnId: c.id,
        columnCode: c.code,
        columnName: c.name,
        progress: cell.progress,
        progressLabel: capabilityProgressLabels[cell.progress],
        projectIds: cell.projectIds,
      };
    }),
  );
  return pageOf(rows, query);
});
