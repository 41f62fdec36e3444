import { listReportedScoreRows } from "@/db/queries/api-scores";
import { listFrameworks, listPeriods } from "@/db/queries/frameworks";
import { listDomains } from "@/db/queries/api-domains";
import { listFootprints, listOrganisationsByCode } from "@/db/queries/places";
import { listScoresEndpoint } from "@/lib/api/endpoints/scores";
import { resolveFilter, resolveFilterAll } from "@/lib/api/filters";
import { route } from "@/lib/api/handle";

export const dynamic = "force-dynamic";

export const GET = route(listScoresEndpoint, async ({ query }) => {
  const [frameworks, periods, footprints, organisations, domains] = await Promise.all([
    listFrameworks(),
    listPeriods(),
    listFootprints(),
    listOrganisationsByCode({ code: query.organisation }),
    listDomains(),
  ]);
  const framework = resolveFilter(frameworks, query.framework, { param: "framework", what: "framework", codeOf: (f) => f.code });
  const inFramework = <T extends { frameworkId: string }>(items: T[]) => (framework ? items.filter((i) => i.frameworkId === framework.id) : items);
  const periodMatches = resolveFilterAll(inFramework(periods), query.period, { param: "period", what: "assessment period", codeOf: (p) => p.code });
  const domainMatches = resolveFilterAll(inFramework(domains), query.domain, { param: "domain", what: "domain", codeOf: (d) => d.code });
  const footprint = resolveFilter(footprints, query.footprint, { param: "footprint", what: "footprint", codeOf: (f) => f.code });
  const organisation = resolveFilter(organisations, query.organisation, { param: "organisation", what: "organisation", codeOf: (o) => o.odsCode });
  const { rows, total } = await listReportedScoreRows({
    frameworkId: framework?.id,
    periodIds: periodMatches?.map((p) => p.id),
    domainIds: domainMatches?.map((d) => d.id),
    footprintId: footprint?.id,
    organisationId: organisation?.id,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows, total };
});
