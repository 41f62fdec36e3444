import Link from "next/link";
import { RagLabel } from "@/components/rag-label";
import type { PackProject } from "@/lib/board-pack";
import { projectStatusLabels } from "@/lib/portfolio";

/** Red then amber projects with their reasons, as they stood at the pack's date. */
export function PackAttentionTable({ projects, scopeLabel }: { projects: PackProject[]; scopeLabel: string }) {
  if (projects.length === 0) return <p data-testid="no-attention">No project in flight, planned or paused in {scopeLabel} was rated red or amber.</p>;
  return (
    <table className="nhsuk-table" data-testid="pack-attention">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">Red and amber projects in {scopeLabel}, red first, with their reasons</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Project</th>
          <th scope="col">RAG</th>
          <th scope="col">Why</th>
          <th scope="col">Status</th>
          <th scope="col">Owners</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {projects.map((p) => (
          <tr key={p.id} data-project={p.code}>
            <th scope="row">
              <Link href={`/portfolio/projects/${p.id}`}>{p.title}</Link>
              {p.changedSince && <span className="app-muted nhsuk-body-s app-block">Changed since: shown as it was then.</span>}
            </th>
            <td>
              <RagLabel rag={p.rag!} />
            </td>
            <td>{p.ragReason}</td>
            <td>{projectStatusLabels[p.status]}</td>
            <td>{p.owners.map((o) => o.name).join(", ") || "Not recorded"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
