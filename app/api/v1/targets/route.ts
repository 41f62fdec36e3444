import { scaleOf } from "@/lib/scale";
import { getFrameworkStructure, listFrameworks, type FrameworkStructure } from "@/db/queries/frameworks";
import { listFootprints, listOrganisationsByCode, listOrganisationsByIds, listSystems } from "@/db/queries/places";
import { countTargetsByScope } from "@/db/queries/target-counts";
import { getCurrentTrajectoryDataForScopes, listSectionGoalsForScopes, type TrajectoryScope } from "@/db/queries/trajectories";
import { groupBy } from "@/lib/group-by";
import { listTargetsEndpoint } from "@/lib/api/endpoints/targets";
import { resolveFilter, resolveFilterAll } from "@/lib/api/filters";
import { route } from "@/lib/api/handle";
import { pageWindow } from "@/lib/api/page-window";
import { targetRows } from "@/lib/api/target-rows";
import { buildDomainTrajectories, goalRule } from "@/lib/trajectory-view";

export const dynamic = "force-dynamic";

type Scope = { level: TrajectoryScope["type"]; id: string; code: string | null; name: string };

export const GET = route(listTargetsEndpoint, async ({ query }) => {
  const [frameworks, footprints, named, systems] = await Promise.all([listFrameworks(), listFootprints(), listOrganisationsByCode({ code: query.organisation }), listSystems()]);
  const framework = resolveFilter(frameworks, query.framework, { param: "framework", what: "framework", codeOf: (f) => f.code });
  const footprint = resolveFilter(footprints, query.footprint, { param: "footprint", what: "footprint", codeOf: (f) => f.code });
  const organisation = resolveFilter(named, query.organisation, { param: "organisation", what: "organisation", codeOf: (o) => o.odsCode });
  const structures = (await Promise.all((framework ? [framework] : frameworks).map((f) => getFrameworkStructure({ frameworkId: f.id })))).flatMap((s) => (s ? [s] : []));
  const domainIds =
    resolveFilterAll(
      structures.flatMap((s) => s.domains),
      query.domain,
      { param: "domain", what: "domain", codeOf: (d) => d.code },
    )?.map((d) => d.id) ?? structures.flatMap((s) => s.domains.map((d) => d.id));
  // Judged on the same day as the trajectories page judges today's figures.
  const judgedOn = new Date().toISOString().slice(0, 10);

  const wanted = (s: Scope) =>
    (!query.level || query.level === s.level) &&
    (!footprint || (s.level === "footprint" && s.id === footprint.id)) &&
    (!organisation || (s.level === "organisation" && s.id === organisation.id));
  // Every scope with targets, per framework, and how many: known in one query, so that only
  // the scopes on the page asked for have their trajectories built (a national data set has
  // hundreds). A status filter needs every scope's trajectories, so it builds them all.
  const counts = await countTargetsByScope({ domainIds });
  const organisations = await listOrganisationsByIds({ ids: [...new Set([...counts.keys()].map((k) => k.split("|")[1]!))] });
  const allScopes: Scope[] = [
    ...systems.map((s) => ({ level: "system" as const, id: s.id, code: s.code, name: s.name })),
    ...footprints.map((f) => ({ level: "footprint" as const, id: f.id, code: f.code, name: f.name })),
    ...organisations.map((o) => ({ level: "organisation" as const, id: o.id, code: o.odsCode, name: o.name })),
  ].filter(wanted);
  const groups = structures.flatMap((structure) =>
    allScopes.flatMap((scope) => {
      const n = counts.get(`${structure.id}|${scope.id}`) ?? 0;
      return n > 0 ? [{ structure, scope, n }] : [];
    }),
  );
  if (query.status) {
    // The status is the trajectory rules' judgement (lib/trajectory), not a column: every
    // scope with targets is judged, in a few queries per framework, then filtered and paged.
    const rows = (await judge(groups, domainIds, judgedOn)).flat().filter((r) => r.trajectory.status === query.status);
    return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
  }
  const { slices, total } = pageWindow(
    groups.map((g) => g.n),
    query,
  );
  const built = await judge(
    slices.map((s) => groups[s.index]!),
    domainIds,
    judgedOn,
  );
  return { items: slices.flatMap((s, i) => built[i]!.slice(s.skip, s.skip + s.take)), total };
});

type Group = { structure: FrameworkStructure; scope: Scope };

/** Each group's targets, each with its domain's trajectory as the trajectories page builds it: the same few queries per framework however many scopes. */
async function judge(chosen: readonly Group[], domainIds: string[], judgedOn: string) {
  const built = new Map<Group, ReturnType<typeof targetRows>>();
  await Promise.all(
    [...groupBy(chosen, (g) => g.structure.id).values()].map(async (same) => {
      const structure = same[0]!.structure;
      const frameworkDomainIds = structure.domains.map((d) => d.id);
      const scopes = same.map((g) => ({ type: g.scope.level, id: g.scope.id }));
      const [data, goals] = await Promise.all([
        // Targets are per domain; the actuals they are judged by are the framework's first care setting's.
        getCurrentTrajectoryDataForScopes({ frameworkId: structure.id, careSetting: structure.careSettings[0] ?? "all", domainIds: frameworkDomainIds, scopes }),
        listSectionGoalsForScopes({ scopes }),
      ]);
      for (const g of same) {
        const scopeData = data.get(g.scope.id)!;
        const trajectories = buildDomainTrajectories({
          scale: scaleOf(structure),
          domainIds: frameworkDomainIds,
          rows: scopeData.rows,
          national: scopeData.national,
          targets: scopeData.targets,
          scopeId: g.scope.id,
          organisationIds: new Set(scopeData.providerIds),
          asAt: judgedOn,
          goal: goalRule(goals.get(g.scope.id) ?? [], structure.sections),
        });
        built.set(
          g,
          targetRows({
            scope: g.scope,
            framework: structure,
            domains: structure.domains.filter((d) => domainIds.includes(d.id)),
            targets: scopeData.targets,
            trajectories,
            judgedOn,
          }),
        );
      }
    }),
  );
  return chosen.map((g) => built.get(g)!);
}
