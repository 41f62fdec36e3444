import Link from "next/link";
import type { PackProject } from "@/lib/board-pack";
import { capabilityProgressLabels, capabilityRoleLabels, projectStatusLabels, type CapabilityProgress } from "@/lib/portfolio";

// As on the universal capabilities page; every tag carries its word, so print in black and white reads.
const progressColours: Record<CapabilityProgress, string> = {
  delivered: "nhsuk-tag--green",
  in_progress: "nhsuk-tag--blue",
  planned: "nhsuk-tag--grey",
  nothing: "nhsuk-tag--white",
};

/** The universal capabilities × the footprint (or every footprint), with the projects behind each row written out (paper has no drill-down). */
export function PackCapabilityMatrix({
  capabilities,
  columns,
  matrix,
  projects,
}: {
  capabilities: { number: number; title: string }[];
  columns: { id: string; code: string; name: string }[];
  matrix: Map<number, Map<string, { progress: CapabilityProgress; projectIds: string[] }>>;
  projects: PackProject[];
}) {
  const byId = new Map(projects.map((p) => [p.id, p]));
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Universal capability matrix (scrolls sideways)">
      <table className="nhsuk-table app-pack-matrix" data-testid="pack-uc-matrix">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Progress of each universal capability, and the projects that enable (E) or support (S) it</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Capability</th>
            {columns.map((c) => (
              <th scope="col" key={c.id}>
                {c.name}
              </th>
            ))}
            <th scope="col">Projects</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {capabilities.map((uc) => {
            const cells = columns.map((c) => ({ column: c, cell: matrix.get(uc.number)!.get(c.id)! }));
            const behind = [...new Set(cells.flatMap((c) => c.cell.projectIds))].map((id) => byId.get(id)!).sort((a, b) => a.title.localeCompare(b.title));
            return (
              <tr key={uc.number} data-uc={uc.number}>
                <th scope="row">
                  UC {uc.number}: {uc.title}
                </th>
                {cells.map(({ column, cell }) => (
                  <td key={column.id} data-column={column.code} data-progress={cell.progress}>
                    <strong className={`nhsuk-tag ${progressColours[cell.progress]}`}>{capabilityProgressLabels[cell.progress]}</strong>
                  </td>
                ))}
                <td data-testid="uc-projects">
                  {behind.length === 0 ? (
                    <span className="app-muted">None</span>
                  ) : (
                    <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-bottom-0">
                      {behind.map((p) => {
                        const role = p.capabilities.find((c) => c.uc === uc.number)!.role;
                        return (
                          <li key={p.id}>
                            <Link href={`/portfolio/projects/${p.id}`}>{p.title}</Link> ({role}: {capabilityRoleLabels[role].toLowerCase()}; {projectStatusLabels[p.status].toLowerCase()})
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
