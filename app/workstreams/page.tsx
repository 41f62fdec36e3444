import type { Metadata } from "next";
import Link from "next/link";
import { LifecycleStrip } from "@/components/workstreams/lifecycle-strip";
import { RagTag } from "@/components/workstreams/rag-tag";
import { WorkstreamStatusTag } from "@/components/workstreams/workstream-status-tag";
import { SystemForm } from "@/components/system-select";
import { getSystemScope } from "@/db/queries/system-scope";
import { listWorkstreamOverview } from "@/db/queries/workstreams";
import { firstParam } from "@/lib/maturity-selection";
import { londonDate } from "@/lib/as-at";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { conditionState, workstreamRag } from "@/lib/workstream";

export const metadata: Metadata = { title: "Workstreams" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WorkstreamsPage({ searchParams }: Props) {
  const user = await requireUser();
  const today = londonDate();
  const scope = await getSystemScope({ system: firstParam((await searchParams).system), organisationIds: user.organisationIds });
  const rows = await listWorkstreamOverview({ systemId: scope.system?.id });
  return (
    <>
      <h1>Workstreams</h1>
      <p className="nhsuk-lede-text">
        The digital workstreams, where each stands in its lifecycle, and what the programme board has asked of them. Each phase ends with a tollgate
        review at the board; the last is the closure review.
      </p>
      <SystemForm scope={scope} label="Choose the system" />
      <ul className="nhsuk-list">
        <li>
          <Link href="/workstreams/board">Board view: reviews awaiting a decision, conditions due, recent decisions</Link>
        </li>
        <li>
          <Link href="/workstreams/alignment">Alignment of the workstreams with the STP goals</Link>
        </li>
      </ul>
      {rows.length === 0 ? (
        <p>There are no workstreams yet.</p>
      ) : (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Workstreams table">
          <table className="nhsuk-table" data-testid="workstreams">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Workstreams, their phase, RAG, lead, next review and open conditions</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Workstream</th>
                <th scope="col">Lifecycle</th>
                <th scope="col">RAG</th>
                <th scope="col">Lead</th>
                <th scope="col">Next review</th>
                <th scope="col">Open conditions</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {rows.map((w) => {
                const rating = workstreamRag(w, today);
                const overdue = w.openConditions.filter((c) => conditionState(c, today) === "overdue").length;
                return (
                  <tr key={w.id} data-workstream={w.code}>
                    <th scope="row">
                      <Link href={`/workstreams/${w.id}`}>{w.name}</Link>
                    </th>
                    <td className="app-lifecycle-cell">
                      <LifecycleStrip phases={w.phases} current={w.phase} status={w.status} label={`${w.name} lifecycle`} />
                      <span data-testid="phase">
                        Phase {w.phase} of {w.phases.length}: {w.phaseName}
                      </span>{" "}
                      <WorkstreamStatusTag status={w.status} />
                    </td>
                    <td>
                      <RagTag rating={rating} />
                      <p className="nhsuk-body-s nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">{rating.reason}</p>
                    </td>
                    <td>{w.leadName ?? <span className="app-muted">No lead named</span>}</td>
                    <td>{w.nextReviewOn ? formatDate(w.nextReviewOn) : <span className="app-muted">Not set</span>}</td>
                    <td data-testid="open-conditions">
                      {w.openConditions.length}
                      {overdue > 0 && <strong className="nhsuk-tag nhsuk-tag--red app-tag-small">{overdue} overdue</strong>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
