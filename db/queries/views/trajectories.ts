import "server-only";
import { getMaturitySelection } from "../maturity-selection";
import { listOrganisations } from "../places";
import { getTrajectoryData, listSectionGoals, type TrajectoryScope } from "../trajectories";
import { systemParams, type SystemRequest } from "@/lib/system-scope";
import { buildDomainTrajectories, goalRule, organisationTrajectories, parseAsAt, summaryDomainIds } from "@/lib/trajectory-view";

/**
 * What the trajectories page shows for a scope (the system, a footprint or one
 * organisation) as it is today or as it stood at a past date: for the page and its
 * downloads alike. Null when no framework or system has been set up.
 */
export async function getTrajectoriesView(params: { framework?: string; footprint?: string; organisation?: string; setting?: string; asAt?: string; today: string } & SystemRequest) {
  const asAt = parseAsAt(params.asAt, params.today);
  const selection = await getMaturitySelection({
    framework: params.framework,
    footprint: params.footprint,
    organisation: params.organisation,
    setting: params.setting,
    system: params.system,
    organisationIds: params.organisationIds,
  });
  if (!selection?.system) return null;
  const { structure, footprint, system, organisation, scale, careSetting } = selection;
  const scope: TrajectoryScope = organisation
    ? { type: "organisation", id: organisation.id }
    : footprint
      ? { type: "footprint", id: footprint.id }
      : { type: "system", id: system.id };
  const scopeLabel = organisation?.shortName ?? footprint?.name ?? system.name;
  const domainIds = structure.domains.map((d) => d.id);
  // The organisations one may pick are the system's: one of another system is not in its trajectories.
  const [data, goals, organisations] = await Promise.all([
    getTrajectoryData({ frameworkId: structure.id, careSetting, domainIds, scope, asAt }),
    listSectionGoals({ scope }),
    listOrganisations({ systemId: system.id }),
  ]);

  const goal = goalRule(goals, structure.sections);
  const judgedOn = asAt ?? params.today;
  const trajectories = buildDomainTrajectories({
    scale,
    domainIds,
    rows: data.rows,
    national: data.national,
    targets: data.targets,
    scopeId: scope.id,
    organisationIds: new Set(data.providerIds),
    asAt: judgedOn,
    goal,
  });
  const reporting = new Set(data.rows.map((r) => r.organisationId));
  const summaryIds = summaryDomainIds(domainIds, data.targets, scope.id);
  const summaries =
    scope.type === "organisation"
      ? []
      : organisationTrajectories({
          scale,
          organisationIds: data.providerIds.filter((id) => reporting.has(id)),
          domainIds: summaryIds,
          rows: data.rows,
          targets: data.targets,
          scopeId: scope.id,
          asAt: judgedOn,
        });
  return {
    selection,
    structure,
    scale,
    careSetting,
    footprint,
    system,
    organisation,
    organisations,
    scope,
    scopeLabel,
    asAt,
    judgedOn,
    data,
    goal,
    trajectories,
    summaryIds,
    summaries,
    domains: new Map(structure.domains.map((d) => [d.id, d])),
    /** The scope in the page's own URL terms, for links that keep it. */
    scopeParams: {
      ...systemParams(selection),
      framework: structure.code,
      ...(selection.careSettings.length > 1 ? { setting: careSetting } : {}),
      ...(footprint ? { footprint: footprint.code } : {}),
      ...(organisation ? { organisation: organisation.id } : {}),
    },
  };
}
export type TrajectoriesView = NonNullable<Awaited<ReturnType<typeof getTrajectoriesView>>>;
