import { listDomains } from "@/db/queries/api-domains";
import { listFootprints, listOrganisationsByCode } from "@/db/queries/places";
import { listPlanProjects, pagePlanProjects } from "@/db/queries/portfolio";
import { pageOf } from "@/lib/api/endpoint";
import { listProjectsEndpoint } from "@/lib/api/endpoints/projects";
import { resolveFilter, resolveFilterAll } from "@/lib/api/filters";
import { route } from "@/lib/api/handle";
import { filterPlanProjects, planPeriodLabel, projectFootprints } from "@/lib/portfolio";

export const dynamic = "force-dynamic";

export const GET = route(listProjectsEndpoint, async ({ query }) => {
  const [footprints, organisations, domains] = await Promise.all([listFootprints(), listOrganisationsByCode({ code: query.owner }), listDomains()]);
  const footprint = resolveFilter(footprints, query.footprint, { param: "footprint", what: "footprint", codeOf: (f) => f.code });
  const owner = resolveFilter(organisations, query.owner, { param: "owner", what: "organisation", codeOf: (o) => o.odsCode });
  const domainIds = resolveFilterAll(domains, query.domain, { param: "domain", what: "domain", codeOf: (d) => d.code })?.map((d) => d.id);
  const codeOf = new Map(footprints.map((f) => [f.id, f.code]));
  const plain = { organisationId: owner?.id, stpPriority: query.priority, status: query.status, rag: query.rag, domainIds };
  // Where a project applies (its footprints, and its owners') is lib/portfolio's rule: a
  // footprint filter reads every project and filters as the capability plan does; without
  // one, the filters are plain columns and the page is read in SQL.
  const { page, footprintsOf } = footprint ? await filteredInMemory(footprint.id) : await pagedInSql();
  async function pagedInSql() {
    const { projects, total, footprintsOf } = await pagePlanProjects({ ...plain, limit: query.limit, offset: query.offset });
    return { page: { items: projects, total }, footprintsOf };
  }
  async function filteredInMemory(footprintId: string) {
    const { projects, footprintsOf } = await listPlanProjects();
    const shown = filterPlanProjects(projects, { footprintId, organisationId: owner?.id, stpPriority: query.priority }, footprintsOf).filter(
      (p) => (!query.status || p.status === query.status) && (!query.rag || p.rag === query.rag) && (!domainIds || domainIds.includes(p.domainId)),
    );
    return { page: pageOf(shown, query), footprintsOf };
  }
  return {
    total: page.total,
    items: page.items.map((p) => ({
      id: p.id,
      code: p.code,
      title: p.title,
      domainCode: p.domainCode,
      domainName: p.domainName,
      stpPriority: p.stpPriority,
      programme: p.programmeName,
      fromYear: p.fromYear,
      toYear: p.toYear,
      periodLabel: planPeriodLabel(p.fromYear, p.toYear),
      status: p.status,
      rag: p.rag,
      ragReason: p.ragReason,
      owners: p.owners,
      ownerNote: p.ownerNote,
      footprints: p.footprintIds.map((id) => codeOf.get(id) ?? id),
      appliesIn: [...projectFootprints(p, footprintsOf)].map((id) => codeOf.get(id) ?? id).sort(),
      capabilities: p.capabilities,
    })),
  };
});
