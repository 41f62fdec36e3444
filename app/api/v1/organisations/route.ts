import { listFootprints, pageOrganisations } from "@/db/queries/places";
import { listOrganisationsEndpoint } from "@/lib/api/endpoints/organisations";
import { resolveFilter } from "@/lib/api/filters";
import { route } from "@/lib/api/handle";
import { organisationTypeLabels } from "@/lib/organisation-types";

export const dynamic = "force-dynamic";

export const GET = route(listOrganisationsEndpoint, async ({ query }) => {
  const footprints = await listFootprints();
  const footprint = resolveFilter(footprints, query.footprint, { param: "footprint", what: "footprint", codeOf: (f) => f.code });
  const byId = new Map(footprints.map((f) => [f.id, f]));
  const page = await pageOrganisations({ footprintId: footprint?.id, type: query.type, limit: query.limit, offset: query.offset });
  return {
    total: page.total,
    items: page.items.map((o) => ({
      id: o.id,
      odsCode: o.odsCode,
      name: o.name,
      shortName: o.shortName,
      type: o.type,
      typeLabel: organisationTypeLabels[o.type],
      footprints: o.footprintIds.flatMap((id) => {
        const f = byId.get(id);
        return f ? [{ id: f.id, code: f.code, name: f.name }] : [];
      }),
    })),
  };
});
