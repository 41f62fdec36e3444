import { getFrameworkStructure, listFrameworks } from "@/db/queries/frameworks";
import { listFootprints, listOrganisations, listSystems } from "@/db/queries/places";
import { getTrajectoryData, listSectionGoals, type TrajectoryScope } from "@/db/queries/trajectories";
import { pageOf } from "@/lib/api/endpoint";
import { listTargetsEndpoint } from "@/lib/api/endpoints/targets";
import { resolveFilter, resolveFilterAll } from "@/lib/api/filters";
import { route } from "@/lib/api/handle";
import { targetRows } from "@/lib/api/target-rows";
import { buildDomainTrajectories, goalRule } from "@/lib/trajectory-view";

export const dynamic = "force-dynamic";

export const GET = route(listTargetsEndpoint, async ({ query }) => {
  const [frameworks, footprints, organisations, systems] = await Promise.all([listFrameworks(), listFootprints(), listOrganisations(), listSystems()]);
  const framework = resolveFilter(frameworks, query.framework, { param: "framework", what: "framework", codeOf: (f) => f.code });
  const footprint = resolveFilter(footprints, query.footprint, { param: "footprint", what: "footprint", codeOf: (f) => f.code });
  const organisation = resolveFilter(organisations, query.organisation, { param: "organisation", what: "organisation", codeOf: (o) => o.odsCode });
  const structures = (await Promise.all((framework ? [framework] : frameworks).map((f) => getFrameworkStructure({ frameworkId: f.id })))).flatMap((s) => (s ? [s] : []));
  const domainIds = resolveFilterAll(
    structures.flatMap((s) => s.domains),
    query.domain,
    { param: "domain", what: "domain", codeOf: (d) => d.code },
  )?.map((d) => d.id);
  const system = systems[0];
  if (!system) return { items: [], total: 0 };
  // Judged on the same day as the trajectories page judges today's figures.
  const judgedOn = new Date().toISOString().slice(0, 10);

  const wanted = (level: TrajectoryScope["type"], id: string) =>
    (!query.level || query.level === level) &&
    (!footprint || (level === "footprint" && id === footprint.id)) &&
    (!organisation || (level === "organisation" && id === organisation.id));

  const perFramework = await Promise.all(
    structures.map(async (structure) => {
      const frameworkDomainIds = structure.domains.map((d) => d.id);
      // The system's data holds its own targets and its organisations'; footprints' come with theirs.
      const systemData = await getTrajectoryData({ frameworkId: structure.id, domainIds: frameworkDomainIds, scope: { type: "system", id: system.id } });
      const organisationIds = new Set(systemData.targets.filter((t) => t.scope === "organisation").map((t) => t.scopeId));
      const scopes = [
        { level: "system" as const, id: system.id, code: system.code, name: system.name },
        ...footprints.map((f) => ({ level: "footprint" as const, id: f.id, code: f.code, name: f.name })),
        ...organisations.filter((o) => organisationIds.has(o.id)).map((o) => ({ level: "organisation" as const, id: o.id, code: o.odsCode, name: o.name })),
      ].filter((s) => wanted(s.level, s.id));
      const perScope = await Promise.all(
        scopes.map(async (scope) => {
          const trajectoryScope = { type: scope.level, id: scope.id };
          const [data, goals] = await Promise.all([
            scope.level === "system" ? systemData : getTrajectoryData({ frameworkId: structure.id, domainIds: frameworkDomainIds, scope: trajectoryScope }),
            listSectionGoals({ scope: trajectoryScope }),
          ]);
          if (!data.targets.some((t) => t.scopeId === scope.id)) return [];
          // As the trajectories page builds them for the scope.
          const trajectories = buildDomainTrajectories({
            domainIds: frameworkDomainIds,
            rows: data.rows,
            national: data.national,
            targets: data.targets,
            scopeId: scope.id,
            organisationIds: new Set(data.providerIds),
            asAt: judgedOn,
            goal: goalRule(goals, structure.sections),
          });
          return targetRows({
            scope,
            framework: structure,
            domains: structure.domains.filter((d) => !domainIds || domainIds.includes(d.id)),
            targets: data.targets,
            trajectories,
            judgedOn,
          });
        }),
      );
      return perScope.flat();
    }),
  );
  const rows = perFramework.flat().filter((r) => !query.status || r.trajectory.status === query.status);
  return pageOf(rows, query);
});
