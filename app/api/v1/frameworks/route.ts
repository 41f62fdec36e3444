import { getFrameworkStructure, listFrameworks, listPeriods } from "@/db/queries/frameworks";
import { pageOf } from "@/lib/api/endpoint";
import { listFrameworksEndpoint } from "@/lib/api/endpoints/frameworks";
import { route } from "@/lib/api/handle";

export const dynamic = "force-dynamic";

export const GET = route(listFrameworksEndpoint, async ({ query }) => {
  const [frameworks, periods] = await Promise.all([listFrameworks(), listPeriods()]);
  const page = pageOf(frameworks, query);
  const structures = await Promise.all(page.items.map((f) => getFrameworkStructure({ frameworkId: f.id })));
  return {
    total: page.total,
    items: structures.flatMap((s) =>
      s
        ? [
            {
              id: s.id,
              code: s.code,
              name: s.name,
              version: s.version,
              publishedOn: s.publishedOn,
              scaleMin: s.scaleMin,
              scaleMax: s.scaleMax,
              scoreDecimals: s.scoreDecimals,
              unit: s.unit,
              careSettings: s.careSettings,
              sections: s.sections.map((section) => ({
                id: section.id,
                code: section.code,
                name: section.name,
                position: section.position,
                domains: section.domains.map((d) => ({ id: d.id, code: d.code, name: d.name, shortName: d.shortName, position: d.position })),
              })),
              periods: periods
                .filter((p) => p.frameworkId === s.id)
                .map((p) => ({ id: p.id, code: p.code, name: p.name, assessedOn: p.assessedOn, isOpen: p.isOpen })),
            },
          ]
        : [],
    ),
  };
});
