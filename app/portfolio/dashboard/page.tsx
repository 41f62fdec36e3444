import type { Metadata } from "next";
import Link from "next/link";
import { RagLabel } from "@/components/rag-label";
import { CountTable } from "@/components/portfolio/count-table";
import { SystemForm } from "@/components/system-select";
import { listMilestonesDue, listPlanProjects } from "@/db/queries/portfolio";
import { getSystemScope } from "@/db/queries/system-scope";
import { firstParam } from "@/lib/maturity-selection";
import { londonDate } from "@/lib/as-at";
import { requireUser } from "@/lib/auth/session";
import { addDays, formatDate } from "@/lib/dates";
import { countBy, projectsNeedingAttention, projectStatusLabels } from "@/lib/portfolio";
import { ragLabels } from "@/lib/rag";

export const metadata: Metadata = { title: "Portfolio dashboard" };

const MILESTONE_WINDOW_DAYS = 90;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PortfolioDashboardPage({ searchParams }: Props) {
  const user = await requireUser();
  const today = londonDate();
  const by = addDays(today, MILESTONE_WINDOW_DAYS);
  const scope = await getSystemScope({ system: firstParam((await searchParams).system), organisationIds: user.organisationIds });
  const systemId = scope.system?.id;
  const [{ projects }, milestones] = await Promise.all([listPlanProjects({ systemId }), listMilestonesDue({ by, systemId })]);
  const attention = projectsNeedingAttention(projects);
  // Domains in the framework's order, as everywhere else in the app.
  const positionOf = new Map(projects.map((p) => [p.domainCode, p.domainPosition]));
  const byDomain = countBy(projects, (p) => [{ key: p.domainCode, label: p.domainName }]).sort((a, b) => positionOf.get(a.key)! - positionOf.get(b.key)!);

  return (
    <>
      <span className="nhsuk-caption-l">Portfolio</span>
      <h1>Portfolio dashboard</h1>
      <p className="nhsuk-lede-text">{projects.length} projects across {scope.system?.name ?? "the partnership"}.</p>
      <SystemForm scope={scope} label="Choose the system" />
      <p className="app-no-print">
        <Link href="/board-pack">Programme board pack</Link>: these red and amber projects with the maturity heatmap, trajectories, universal capabilities and tollgate reviews, for a footprint and date, ready to print.
      </p>
      <h2>Red and amber projects ({attention.length})</h2>
      {attention.length === 0 ? (
        <p>No project in flight or planned is rated red or amber.</p>
      ) : (
        <table className="nhsuk-table" data-testid="attention">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Red and amber projects, red first, with their reasons</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Project</th>
              <th scope="col">RAG</th>
              <th scope="col">Why</th>
              <th scope="col">Owners</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {attention.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link href={`/portfolio/projects/${p.id}`}>{p.title}</Link>
                </th>
                <td>
                  <RagLabel rag={p.rag!} />
                </td>
                <td>{p.ragReason}</td>
                <td>{p.owners.map((o) => o.name).join(", ") || "Not recorded"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Milestones due in the next {MILESTONE_WINDOW_DAYS} days, and overdue</h2>
      {milestones.length === 0 ? (
        <p>No milestone is due.</p>
      ) : (
        <ul className="nhsuk-list" data-testid="milestones">
          {milestones.map((m) => (
            <li key={m.id}>
              {formatDate(m.dueOn)}
              {m.dueOn < today ? " (overdue)" : ""}: {m.title}, <Link href={`/portfolio/projects/${m.projectId}`}>{m.projectTitle}</Link>
            </li>
          ))}
        </ul>
      )}
      <h2>The portfolio in numbers</h2>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <CountTable testId="by-status" caption="By status" heading="Status" rows={countBy(projects, (p) => [{ key: p.status, label: projectStatusLabels[p.status] }])} />
          <CountTable testId="by-rag" caption="By RAG" heading="RAG" rows={countBy(projects, (p) => [p.rag ? { key: p.rag, label: ragLabels[p.rag] } : { key: "none", label: "Not rated" }])} />
          <CountTable testId="by-priority" caption="By STP digital priority" heading="Priority" rows={countBy(projects, (p) => [{ key: p.stpPriority, label: p.stpPriority }])} />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <CountTable testId="by-domain" caption="By maturity domain" heading="Domain" rows={byDomain} />
          <CountTable
            testId="by-owner"
            caption="By owner (a shared project counts for each owner)"
            heading="Owner"
            rows={countBy(projects, (p) => (p.owners.length ? p.owners.map((o) => ({ key: o.id, label: o.name })) : [{ key: "none", label: "Owner not recorded" }]))}
          />
        </div>
      </div>
    </>
  );
}
