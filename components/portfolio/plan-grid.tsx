import type { PlanProject } from "@/db/queries/portfolio";
import { planPeriods } from "@/lib/portfolio";
import { PlanGridRows } from "./plan-grid-rows";

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
          <PlanGridRows
            periodKeys={periods.map((p) => p.key)}
            rows={domains.map((d) => ({
              id: d.id,
              code: d.code,
              name: d.name,
              cells: periods.map((period) =>
                projects
                  .filter((p) => p.domainId === d.id && p.fromYear === period.fromYear && p.toYear === period.toYear)
                  .map((p) => ({
                    id: p.id,
                    code: p.code,
                    title: p.title,
                    colour: p.owners.length ? ownerColour(Math.max(0, ownerOrder.indexOf(p.owners[0]!.id))) : "#d8dde0",
                    status: p.status,
                    owners: p.owners.length ? p.owners.map((o) => o.name).join(", ") : null,
                    programme: p.programmeName,
                    capabilities: p.capabilities.map((c) => [c.uc, c.role]),
                  })),
              ),
            }))}
          />
        </tbody>
      </table>
    </div>
  );
}
