import type { Metadata } from "next";
import Link from "next/link";
import { FootprintSelect, FrameworkSelect } from "@/components/maturity/selection-fields";
import { TrajectoryStatusTag } from "@/components/trajectories/trajectory-status-tag";
import { getMaturitySelection } from "@/db/queries/maturity-selection";
import { listOrganisations } from "@/db/queries/places";
import { listPlanProjects } from "@/db/queries/portfolio";
import { getTrajectoryData, type TrajectoryScope } from "@/db/queries/trajectories";
import { londonDate } from "@/lib/as-at";
import { requireUser } from "@/lib/auth/session";
import { gapToDelivery } from "@/lib/gap-to-delivery";
import { formatScore } from "@/lib/scale";
import { firstParam } from "@/lib/maturity-selection";
import { filterPlanProjects, projectStatusLabels } from "@/lib/portfolio";
import { buildDomainTrajectories } from "@/lib/trajectory-view";

export const metadata: Metadata = { title: "Gap to delivery" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GapToDeliveryPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  const selection = await getMaturitySelection({
    framework: firstParam(params.framework),
    footprint: firstParam(params.footprint),
    organisation: firstParam(params.organisation),
    system: firstParam(params.system),
    organisationIds: user.organisationIds,
  });
  if (!selection?.system) return <h1>No maturity framework has been set up yet</h1>;
  const { structure, footprint, system, organisation, scale, careSetting } = selection;
  const [organisations, plan] = await Promise.all([listOrganisations({ systemId: system.id }), listPlanProjects({ systemId: system.id })]);
  const scope: TrajectoryScope = organisation ? { type: "organisation", id: organisation.id } : footprint ? { type: "footprint", id: footprint.id } : { type: "system", id: system.id };
  const place = organisation?.name ?? footprint?.name ?? system.name;
  const domainIds = structure.domains.map((d) => d.id);
  const data = await getTrajectoryData({ frameworkId: structure.id, careSetting, domainIds, scope });
  const trajectories = buildDomainTrajectories({
    scale,
    domainIds,
    rows: data.rows,
    national: data.national,
    targets: data.targets,
    scopeId: scope.id,
    organisationIds: new Set(data.providerIds),
    asAt: londonDate(),
  });
  // The projects that count here: an organisation's own, or those applying in the footprint, or all.
  const here = organisation
    ? plan.projects.filter((p) => p.ownerIds.includes(organisation.id))
    : filterPlanProjects(plan.projects, { footprintId: footprint?.id }, plan.footprintsOf);
  const rows = gapToDelivery(trajectories, here);
  const domains = new Map(structure.domains.map((d) => [d.id, d]));
  const status = new Map(trajectories.map((t) => [t.domainId, t.assessment.status]));
  const unaddressed = rows.filter((r) => r.projects.length === 0);

  return (
    <>
      <span className="nhsuk-caption-l">Portfolio</span>
      <h1>Gap to delivery: {place}</h1>
      <p className="nhsuk-lede-text">
        Each maturity domain where {place} is below the national average or not on course for its target, with the projects that should close the gap.
      </p>
      <form method="get" className="app-selection-form" aria-label="Choose the place">
        <FrameworkSelect selection={selection} />
        <FootprintSelect selection={selection} />
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="organisation">
            Organisation
          </label>
          <select className="nhsuk-select" id="organisation" name="organisation" defaultValue={organisation?.id ?? ""}>
            <option value="">The whole footprint</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show
        </button>
      </form>
      <p data-testid="gap-summary">
        {rows.length === 0
          ? `No domain is below national or off course in ${place}.`
          : `${rows.length} domain${rows.length === 1 ? " has a gap" : "s have a gap"}; ${unaddressed.length} of them ${unaddressed.length === 1 ? "has" : "have"} no project at all.`}
      </p>
      {rows.length > 0 && (
        <table className="nhsuk-table" data-testid="gaps">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Domains with a gap, and the projects raising them in {place}</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Domain</th>
              <th scope="col">Latest score</th>
              <th scope="col">National</th>
              <th scope="col">Trajectory</th>
              <th scope="col">Projects raising it</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map(({ gap, projects }) => (
              <tr key={gap.domainId} data-domain={domains.get(gap.domainId)?.code} data-unaddressed={projects.length === 0 || undefined}>
                <th scope="row">
                  {domains.get(gap.domainId)?.name}
                  <span className="nhsuk-body-s app-muted app-block nhsuk-u-margin-bottom-0">
                    {gap.reasons.join("; ")}
                  </span>
                </th>
                <td>{formatScore(gap.latest, scale)}</td>
                <td>{formatScore(gap.national, scale)}</td>
                <td>
                  <TrajectoryStatusTag status={status.get(gap.domainId) ?? "no-data"} />
                </td>
                <td>
                  {projects.length === 0 ? (
                    <strong className="nhsuk-tag nhsuk-tag--red">No project</strong>
                  ) : (
                    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                      {projects.map((p) => (
                        <li key={p.id}>
                          <Link href={`/portfolio/projects/${p.id}`}>{p.title}</Link> ({projectStatusLabels[p.status].toLowerCase()})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="nhsuk-body-s">
        A domain has a gap when its latest score, rounded, is below the national average, or when its trajectory is off track or at risk (the rules are on the{" "}
        <Link href="/trajectories">trajectories page</Link>). Projects count where they name the footprint or their owners serve it; stopped projects do not count.
      </p>
    </>
  );
}
