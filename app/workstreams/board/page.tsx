import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/print-button";
import { ReviewRecord } from "@/components/workstreams/review-record";
import { DownloadLinks } from "@/components/export/download-links";
import { SystemSelect } from "@/components/system-select";
import { systemParams } from "@/lib/system-scope";
import { getBoardView } from "@/db/queries/views/board-view";
import { ConditionStateTag } from "@/components/workstreams/condition-state-tag";
import { londonDate } from "@/lib/as-at";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { firstParam } from "@/lib/maturity-selection";
import { deliverableStatusLabels, DUE_SOON_DAYS } from "@/lib/workstream";

export const metadata: Metadata = { title: "Programme board view" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BoardViewPage({ searchParams }: Props) {
  const user = await requireUser();
  const today = londonDate();
  const query = await searchParams;
  const { systems, system, since, sinceError, agenda, conditions } = await getBoardView({
    since: firstParam(query.since),
    today,
    system: firstParam(query.system),
    organisationIds: user.organisationIds,
  });
  const overdue = conditions.filter((c) => c.state === "overdue").length;
  const dueSoon = conditions.filter((c) => c.state === "due_soon").length;

  return (
    <>
      <span className="nhsuk-caption-l">Workstreams</span>
      <h1>Programme board view</h1>
      <p className="app-print-only">Printed {formatDate(today)}. Decisions shown since {formatDate(since)}.</p>
      <div className="app-no-print">
        <form method="get" className="app-selection-form">
          <SystemSelect scope={{ systems, system }} />
          <div className={sinceError ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group"}>
            <label className="nhsuk-label" htmlFor="since">
              Show decisions made since
            </label>
            {sinceError && (
              <span className="nhsuk-error-message" id="since-error">
                <span className="nhsuk-u-visually-hidden">Error:</span> {sinceError}
              </span>
            )}
            <input className="nhsuk-input nhsuk-input--width-10" id="since" name="since" type="date" max={today} defaultValue={since} aria-describedby={sinceError ? "since-error" : undefined} />
          </div>
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Show
          </button>
        </form>
        <PrintButton label="Print the board view" />
        <p className="nhsuk-body-s">
          For a meeting&apos;s papers, the <Link href="/board-pack">programme board pack</Link> adds the maturity heatmap, trajectories, universal capabilities and red and amber projects, for a footprint and date.
        </p>
        <DownloadLinks name="board-view" filters={{ ...systemParams({ systems, system }), since }} what="the reviews awaiting a decision, the reviews planned, the open conditions and the decisions since the date chosen" />
      </div>

      <section className="app-board-section" aria-labelledby="awaiting">
        <h2 id="awaiting">Reviews awaiting a decision ({agenda.pending.length})</h2>
        {agenda.pending.length === 0 ? (
          <p>No tollgate review is awaiting a decision.</p>
        ) : (
          <table className="nhsuk-table" data-testid="awaiting">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Tollgate reviews awaiting the board&apos;s decision</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Workstream</th>
                <th scope="col">Review</th>
                <th scope="col">Requested</th>
                <th scope="col">Deliverables</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {agenda.pending.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link href={`/workstreams/${r.workstreamId}#current-phase`}>{r.workstreamName}</Link>
                  </th>
                  <td>
                    {r.reviewName}, phase {r.phase} {r.phaseName}
                  </td>
                  <td>
                    {formatDate(londonDate(r.requestedAt))} by {r.requestedBy}
                  </td>
                  <td>
                    {r.ready} ready{r.notRequired > 0 ? `, ${r.notRequired} not required` : ""}
                    <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0" aria-label={`Deliverables of ${r.workstreamName}`}>
                      {r.deliverables.map((d) => (
                        <li key={d.id}>
                          <strong>{d.name}</strong>: {deliverableStatusLabels[d.status].toLowerCase()}
                          {d.status === "not_required" && d.reason ? ` (${d.reason})` : ""}
                          {d.note ? `. ${d.note}` : ""}
                          {d.evidenceUrl && (
                            <>
                              {" "}
                              <a href={d.evidenceUrl} rel="noopener noreferrer">
                                Evidence<span className="nhsuk-u-visually-hidden"> for {d.name}</span>
                              </a>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="app-board-section" aria-labelledby="planned">
        <h2 id="planned">Reviews planned ({agenda.planned.length})</h2>
        {agenda.planned.length === 0 ? (
          <p>No workstream has a tollgate review date planned.</p>
        ) : (
          <table className="nhsuk-table" data-testid="planned">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Tollgate reviews planned by the workstream leads, soonest first</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Workstream</th>
                <th scope="col">Phase</th>
                <th scope="col">Lead</th>
                <th scope="col">Planned for</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {agenda.planned.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link href={`/workstreams/${p.id}`}>{p.name}</Link>
                  </th>
                  <td>{p.phase}</td>
                  <td>{p.leadName ?? "No lead named"}</td>
                  <td>
                    {formatDate(p.nextReviewOn)}
                    {p.nextReviewOn < today && <strong className="nhsuk-tag nhsuk-tag--red app-tag-small">Date passed</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="app-board-section" aria-labelledby="conditions">
        <h2 id="conditions">
          Open conditions ({overdue} overdue, {dueSoon} due within {DUE_SOON_DAYS} days)
        </h2>
        {conditions.length === 0 ? (
          <p>No review conditions are open.</p>
        ) : (
          <table className="nhsuk-table" data-testid="board-conditions">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Open review conditions, soonest due first</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Workstream</th>
                <th scope="col">Condition</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {conditions.map((c) => (
                <tr key={c.id} className={`app-condition--${c.state}`}>
                  <th scope="row">
                    <Link href={`/workstreams/${c.workstreamId}`}>{c.workstreamName}</Link>
                  </th>
                  <td>
                    {c.description} <span className="app-muted">(set at the phase {c.phase} review{c.setOn ? ` on ${formatDate(c.setOn)}` : ""})</span>
                  </td>
                  <td>{c.owner}</td>
                  <td>
                    {formatDate(c.dueOn)} <ConditionStateTag state={c.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="app-board-section" aria-labelledby="decided">
        <h2 id="decided">
          Decisions since {formatDate(since)} ({agenda.recent.length})
        </h2>
        {agenda.recent.length === 0 ? <p>No decisions were recorded in this period.</p> : agenda.recent.map((r) => <ReviewRecord key={r.id} review={r} today={today} showWorkstream />)}
      </section>
    </>
  );
}
