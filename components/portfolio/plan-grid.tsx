import Link from "next/link";
import type { PlanProject } from "@/db/queries/portfolio";
import { capabilityRoleLabels, planPeriods, projectStatusLabels, type ProjectStatus } from "@/lib/portfolio";

const statusColours: Record<ProjectStatus, string> = {
  planned: "nhsuk-tag--grey",
  in_flight: "nhsuk-tag--blue",
  delivered: "nhsuk-tag--green",
  paused: "nhsuk-tag--yellow",
  stopped: "nhsuk-tag--red",
};

// Owners are told apart by a coloured edge and always by name: colour is never the only cue.
const ownerColours = ["#005eb8", "#007f3b", "#8a1538", "#ed8b00", "#330072", "#00a499", "#ae2573", "#41b6e6", "#78be20", "#425563", "#ffb81c"];

export function ownerColour(ownerIndex: number): string {
  return ownerColours[ownerIndex % ownerColours.length]!;
}

/** The capability plan: maturity domains as rows, periods as columns, a card per project. */
export function PlanGrid({ projects, ownerOrder }: { projects: PlanProject[]; ownerOrder: readonly string[] }) {
  const periods = planPeriods(projects);
  const domains = [...new Map(projects.map((p) => [p.domainId, { id: p.domainId, code: p.domainCode, name: p.domainName, position: p.domainPosition }])).values()].sort(
    (a, b) => a.position - b.position,
  );
  if (projects.length === 0) return <p>No project matches this choice.</p>;
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Capability plan">
      <table className="nhsuk-table app-plan" data-testid="plan">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Projects by maturity domain and period</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Domain</th>
            {periods.map((p) => (
              <th scope="col" key={p.key}>
                {p.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {domains.map((d) => (
            <tr key={d.id} data-domain={d.code}>
              <th scope="row">{d.name}</th>
              {periods.map((period) => {
                const cards = projects.filter((p) => p.domainId === d.id && p.fromYear === period.fromYear && p.toYear === period.toYear);
                return (
                  <td key={period.key}>
                    {cards.length === 0 ? (
                      <span className="app-muted">None</span>
                    ) : (
                      <ul className="app-plan__cards">
                        {cards.map((p) => {
                          const colour = p.owners.length ? ownerColour(Math.max(0, ownerOrder.indexOf(p.owners[0]!.id))) : "#d8dde0";
                          return (
                            <li key={p.id} className="app-plan__card" style={{ borderLeftColor: colour }} data-project={p.code}>
                              <Link className="app-plan__title" href={`/portfolio/projects/${p.id}`}>
                                {p.title}
                              </Link>
                              <span className="app-plan__meta">
                                <strong className={`nhsuk-tag ${statusColours[p.status]} app-tag-small`}>{projectStatusLabels[p.status]}</strong>{" "}
                                {p.owners.length ? p.owners.map((o) => o.name).join(", ") : <span className="app-muted">Owner not recorded</span>}
                                {p.programmeName && <> · {p.programmeName}</>}
                              </span>
                              {p.capabilities.length > 0 && (
                                <span className="app-plan__ucs">
                                  {p.capabilities.map((c) => (
                                    <abbr key={c.uc} className="app-uc-badge" title={`${capabilityRoleLabels[c.role]} universal capability ${c.uc}`}>
                                      UC{c.uc} {c.role}
                                    </abbr>
                                  ))}
                                </span>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
