import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryTable } from "@/components/history-table";
import { CloseConditionForm } from "@/components/workstreams/forms/close-condition-form";
import { DeliverableForm } from "@/components/workstreams/forms/deliverable-form";
import { LeadForm } from "@/components/workstreams/forms/lead-form";
import { RequestReviewForm } from "@/components/workstreams/forms/request-review-form";
import { ReviewDateForm } from "@/components/workstreams/forms/review-date-form";
import { TollgateDecisionForm } from "@/components/workstreams/forms/tollgate-decision-form";
import { ItemsTable } from "@/components/workstreams/items-table";
import { LifecycleStrip } from "@/components/workstreams/lifecycle-strip";
import { RagTag } from "@/components/workstreams/rag-tag";
import { ReviewRecord } from "@/components/workstreams/review-record";
import { WorkstreamStatusTag } from "@/components/workstreams/workstream-status-tag";
import { listAuditEntriesByEntity } from "@/db/queries/audit";
import { getWorkstreamById, listBoardMembers, listCcios } from "@/db/queries/workstreams";
import { londonDate } from "@/lib/as-at";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { isDone } from "@/lib/tollgate";
import { firstParam } from "@/lib/maturity-selection";
import { conditionState, confirmationFor, deliverableStatusLabels, workstreamRag } from "@/lib/workstream";

export const metadata: Metadata = { title: "Workstream" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WorkstreamPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const ws = await getWorkstreamById({ workstreamId: id });
  if (!ws) notFound();
  const today = londonDate();
  const subject = { leadUserId: ws.leadUserId };
  const finished = ws.status === "stopped" || ws.status === "closed";
  const mayEdit = can(user, "workstream.edit", subject) && !finished;
  const mayRequest = can(user, "tollgate.request", subject);
  const mayDecide = can(user, "tollgate.decide", subject);
  const mayClose = can(user, "condition.close", subject) && ws.status !== "stopped";
  const mayAssign = can(user, "workstream.assign-lead", subject) && !finished;
  const [members, ccios, history] = await Promise.all([
    mayDecide && ws.pendingReview ? listBoardMembers() : [],
    mayAssign ? listCcios() : [],
    listAuditEntriesByEntity({ entityType: "workstream", entityId: id, includeRefusals: can(user, "history.view"), limit: 200 }),
  ]);
  const phase = ws.phases.find((p) => p.number === ws.phase);
  const outstanding = ws.deliverables.filter((d) => !isDone({ id: d.id, status: d.status }));
  const rating = workstreamRag({ ...ws, deliverablesOutstanding: outstanding.length }, today);
  const reviewName = phase?.reviewName ?? "Tollgate Review";
  const lastDecided = ws.reviews.find((r) => r.decision != null);
  const confirmation = confirmationFor(firstParam((await searchParams).done), { status: ws.status, phase: ws.phase, phaseName: phase?.name, lastDecision: lastDecided?.decision ?? null });

  return (
    <>
      <span className="nhsuk-caption-l">Workstream</span>
      <h1>{ws.name}</h1>
      {confirmation && (
        <div className="nhsuk-inset-text" role="status" data-testid="confirmation">
          <p>{confirmation}</p>
        </div>
      )}
      <LifecycleStrip phases={ws.phases} current={ws.phase} status={ws.status} label={`${ws.lifecycleName}: where ${ws.name} stands`} wide />
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Phase</dt>
          <dd className="nhsuk-summary-list__value" data-testid="current-phase">
            Phase {ws.phase} of {ws.phases.length}: {phase?.name} <WorkstreamStatusTag status={ws.status} />
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">RAG</dt>
          <dd className="nhsuk-summary-list__value">
            <RagTag rating={rating} /> {rating.reason}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Lead</dt>
          <dd className="nhsuk-summary-list__value">
            {ws.leadName ?? "No lead named"}
            {mayAssign && <LeadForm workstreamId={ws.id} version={ws.version} leadUserId={ws.leadUserId} ccios={ccios} />}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Footprints</dt>
          <dd className="nhsuk-summary-list__value">{ws.footprints.map((f) => f.name).join(", ") || "None named"}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Next tollgate review</dt>
          <dd className="nhsuk-summary-list__value" data-testid="next-review">
            {ws.nextReviewOn ? formatDate(ws.nextReviewOn) : "Not set"}
            {mayEdit && ws.status === "active" && <ReviewDateForm workstreamId={ws.id} version={ws.version} nextReviewOn={ws.nextReviewOn} />}
          </dd>
        </div>
      </dl>

      <h2>Vision</h2>
      <p>{ws.vision}</p>

      <h2 id="current-phase">
        {ws.status === "closed" ? "Lifecycle complete" : `Current phase: ${ws.phase} ${phase?.name ?? ""}`}
      </h2>
      {phase && ws.status !== "closed" && (
        <>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">
              <h3 className="nhsuk-heading-s">Aims</h3>
              <ul>
                {phase.aims.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </div>
            <div className="nhsuk-grid-column-one-half">
              <h3 className="nhsuk-heading-s">Questions the outputs answer</h3>
              <ul>
                {phase.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </div>
          </div>
          <p>
            <strong>Goal of the phase:</strong> {phase.goal}. The phase closes with the {reviewName.toLowerCase()} at the programme board.
          </p>
          <table className="nhsuk-table" data-testid="deliverables">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Deliverables of phase {ws.phase}</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Deliverable</th>
                <th scope="col">Status</th>
                <th scope="col">Note</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {ws.deliverables.map((d) => (
                <tr key={d.id} data-deliverable={d.name}>
                  <th scope="row">{d.name}</th>
                  <td data-testid="deliverable-status">
                    {deliverableStatusLabels[d.status]}
                    {d.status === "not_required" && d.reason ? `: ${d.reason}` : ""}
                  </td>
                  <td>{d.note}</td>
                  <td>
                    {d.evidenceUrl ? (
                      <a href={d.evidenceUrl} rel="noopener noreferrer">
                        Evidence<span className="nhsuk-u-visually-hidden"> for {d.name}</span>
                      </a>
                    ) : (
                      <span className="app-muted">None</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {mayEdit && ws.status === "active" && (
            <div className="app-no-print">
              {ws.deliverables.map((d) => (
                <details className="nhsuk-details" key={d.id}>
                  <summary className="nhsuk-details__summary">
                    <span className="nhsuk-details__summary-text">Update {d.name}</span>
                  </summary>
                  <div className="nhsuk-details__text">
                    <DeliverableForm deliverable={d} />
                  </div>
                </details>
              ))}
            </div>
          )}
          {ws.status === "active" && mayRequest && (
            <div className="app-no-print" data-testid="request-review">
              {outstanding.length === 0 ? (
                <RequestReviewForm workstreamId={ws.id} version={ws.version} reviewName={reviewName} />
              ) : (
                <div className="nhsuk-inset-text">
                  <p>
                    The {reviewName.toLowerCase()} can be requested when every deliverable is ready or marked not required. Still to do:{" "}
                    {outstanding.map((d) => d.name).join(", ")}.
                  </p>
                </div>
              )}
            </div>
          )}
          {ws.status === "review_requested" && ws.pendingReview && (
            <div className="nhsuk-card" data-testid="pending-review">
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-card__heading">{reviewName} awaiting the board&apos;s decision</h3>
                <p>
                  Requested on {formatDate(londonDate(ws.pendingReview.requestedAt))} by {ws.pendingReview.requestedBy}. The deliverables are frozen until the board
                  decides.
                </p>
                {mayDecide && <TollgateDecisionForm reviewId={ws.pendingReview.id} reviewName={reviewName} members={members} today={today} />}
              </div>
            </div>
          )}
        </>
      )}

      <h2>Review conditions</h2>
      {ws.status === "stopped" && ws.openConditions.length > 0 && (
        <p>These conditions lapsed when the board stopped the workstream: they are no longer tracked on the board view.</p>
      )}
      {ws.openConditions.length === 0 ? (
        <p>No open conditions.</p>
      ) : (
        <table className="nhsuk-table" data-testid="conditions">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Open review conditions</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Condition</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              {mayClose && <th scope="col">Close</th>}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {ws.openConditions.map((c) => {
              const s = conditionState(c, today);
              return (
                <tr key={c.id} className={`app-condition--${s}`}>
                  <td>{c.description}</td>
                  <td>{c.owner}</td>
                  <td>
                    {formatDate(c.dueOn)}
                    {s === "overdue" && <strong className="nhsuk-tag nhsuk-tag--red app-tag-small">Overdue</strong>}
                    {s === "due_soon" && <strong className="nhsuk-tag nhsuk-tag--yellow app-tag-small">Due soon</strong>}
                  </td>
                  {mayClose && (
                    <td>
                      <CloseConditionForm conditionId={c.id} description={c.description} />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2>Objectives and requirements</h2>
      <ItemsTable caption="Key objectives" items={ws.objectives} editable={mayEdit} />
      {ws.requirementsPreamble && <p>{ws.requirementsPreamble}</p>}
      <ItemsTable caption="Key requirements" items={ws.requirements} editable={mayEdit} />

      <h2>STP goals served</h2>
      {ws.goals.length === 0 ? (
        <p>No STP goals recorded.</p>
      ) : (
        <dl className="nhsuk-summary-list">
          {ws.goals.map((g) => (
            <div className="nhsuk-summary-list__row" key={g.code}>
              <dt className="nhsuk-summary-list__key">{g.name}</dt>
              <dd className="nhsuk-summary-list__value">
                <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                  {g.examples.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p>
        <Link href="/workstreams/alignment">All workstreams against the STP goals</Link>
      </p>

      <h2>Tollgate reviews</h2>
      {ws.reviews.length === 0 ? <p>No tollgate review has been requested yet.</p> : ws.reviews.map((r) => <ReviewRecord key={r.id} review={r} today={today} />)}

      <h2>Change history</h2>
      <HistoryTable entries={history} caption={`Changes to ${ws.name}`} />
    </>
  );
}
