import { getFrameworkStructure, listFrameworks, listPeriods } from "@/db/queries/frameworks";
import { getNationalAveragesByPeriod, listReportedScoresByPeriod } from "@/db/queries/maturity";
import { listFootprints, listOrganisations, listSystems } from "@/db/queries/places";
import { pageOf } from "@/lib/api/endpoint";
import { listSummariesEndpoint } from "@/lib/api/endpoints/summaries";
import { resolveFilter, resolveFilterAll } from "@/lib/api/filters";
import { route } from "@/lib/api/handle";
import { summaryRows } from "@/lib/api/summary-rows";

export const dynamic = "force-dynamic";

export const GET = route(listSummariesEndpoint, async ({ query }) => {
  const [frameworks, allPeriods, footprints, organisations, systems] = await Promise.all([
    listFrameworks(),
    listPeriods(),
    listFootprints(),
    listOrganisations(),
    listSystems(),
  ]);
  const framework = resolveFilter(frameworks, query.framework, { param: "framework", what: "framework", codeOf: (f) => f.code });
  const structures = (await Promise.all((framework ? [framework] : frameworks).map((f) => getFrameworkStructure({ frameworkId: f.id })))).flatMap((s) => (s ? [s] : []));
  const inScope = allPeriods.filter((p) => structures.some((s) => s.id === p.frameworkId));
  const periods = (resolveFilterAll(inScope, query.period, { param: "period", what: "assessment period", codeOf: (p) => p.code }) ?? inScope)
    .slice()
    .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  const footprint = resolveFilter(footprints, query.footprint, { param: "footprint", what: "footprint", codeOf: (f) => f.code });
  const organisation = resolveFilter(organisations, query.organisation, { param: "organisation", what: "organisation", codeOf: (o) => o.odsCode });
  const domainIds = resolveFilterAll(
    structures.flatMap((s) => s.domains),
    query.domain,
    { param: "domain", what: "domain", codeOf: (d) => d.code },
  )?.map((d) => d.id);
  const footprintsOf = new Map(organisations.map((o) => [o.id, o.footprintIds]));
  const systemOf = new Map(organisations.map((o) => [o.id, o.systemId]));
  const perPeriod = await Promise.all(
    periods.map(async (period) => {
      const structure = structures.find((s) => s.id === period.frameworkId)!;
      const settings = await Promise.all(
        structure.careSettings.map(async (careSetting) => {
          const [reported, national] = await Promise.all([listReportedScoresByPeriod({ periodId: period.id, careSetting }), getNationalAveragesByPeriod({ periodId: period.id, careSetting })]);
          return { careSetting, reported, national };
        }),
      );
      const sectionCode = new Map(structure.sections.map((s) => [s.id, s.code]));
      const domains = structure.domains.map((d) => ({ id: d.id, code: d.code, name: d.name, sectionCode: sectionCode.get(d.sectionId)! }));
      // Each system's summary from its own organisations, then its footprints' and organisations'.
      return settings.flatMap(({ careSetting, reported, national }) =>
        systems.flatMap((system) =>
          summaryRows({
            framework: structure,
            period,
            careSetting,
            domains,
            system,
            footprints: footprints.filter((f) => f.systemId === system.id),
            organisations: reported.filter((o) => systemOf.get(o.id) === system.id).map((o) => ({ ...o, footprintIds: footprintsOf.get(o.id) ?? [] })),
            national,
          }),
        ),
      );
    }),
  );
  const rows = perPeriod.flat().filter(
    (r) =>
      (!query.level || r.level === query.level) &&
      (!footprint || (r.level === "footprint" && r.scopeId === footprint.id) || (r.level === "organisation" && footprintsOf.get(r.scopeId)?.includes(footprint.id))) &&
      (!organisation || (r.level === "organisation" && r.scopeId === organisation.id)) &&
      (!domainIds || domainIds.includes(r.domainId)),
  );
  return pageOf(rows, query);
});
