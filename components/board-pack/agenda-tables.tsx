import Link from "next/link";
import { ConditionStateTag } from "@/components/workstreams/condition-state-tag";
import type { AgendaReview, PackAgenda } from "@/lib/board-pack";
import { formatDate } from "@/lib/dates";
import { londonDate } from "@/lib/as-at";
import { decisionLabels, DUE_SOON_DAYS } from "@/lib/workstream";
import type { Decision } from "@/lib/tollgate";

type Review = AgendaReview & { reviewName: string; phaseName: string; attempt: number; requestedBy: string | null };


/** Reviews awaiting the board's decision at the pack's date: what the board had before it then. */
export function PackReviewsTable({
  awaiting,
  deliverables,
}: {
  awaiting: PackAgenda<Review>["awaiting"];
  /** Today's deliverables of the reviews still pending now (deliverables are frozen once a review is requested). */
  deliverables: ReadonlyMap<string, { ready: number; notRequired: number; total: number }>;
}) {
  if (awaiting.length === 0) return <p data-testid="no-reviews">No tollgate review was awaiting a decision.</p>;
  return (
    <table className="nhsuk-table" data-testid="pack-reviews">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">Tollgate reviews awaiting the board&apos;s decision, longest waiting first</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Workstream</th>
          <th scope="col">Review</th>
          <th scope="col">Requested</th>
          <th scope="col">Deliverables or later decision</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {awaiting.map((r) => {
          const items = deliverables.get(r.id);
          return (
            <tr key={r.id}>
              <th scope="row">
                <Link href={`/workstreams/${r.workstreamId}`}>{r.workstreamName}</Link>
              </th>
              <td>
                {r.reviewName}
                {r.attempt > 1 ? ` (review ${r.attempt})` : ""}, phase {r.phase} {r.phaseName}
              </td>
              <td>
                {formatDate(londonDate(r.requestedAt))}
                {r.requestedBy ? ` by ${r.requestedBy}` : ""}
              </td>
              <td>
                {r.decidedLater
                  ? `Decided later: ${decisionLabels[r.decidedLater.decision as Decision] ?? r.decidedLater.decision}${r.decidedLater.heldOn ? ` at the meeting of ${formatDate(r.decidedLater.heldOn)}` : ""}.`
                  : items
                    ? `${items.ready} of ${items.total} ready${items.notRequired > 0 ? `, ${items.notRequired} not required` : ""}.`
                    : "–"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Conditions open at the pack's date, overdue first. */
export function PackConditionsTable({ conditions }: { conditions: PackAgenda<Review>["conditions"] }) {
  const overdue = conditions.filter((c) => c.state === "overdue").length;
  const dueSoon = conditions.filter((c) => c.state === "due_soon").length;
  return (
    <>
      <p data-testid="condition-counts">
        {conditions.length === 0
          ? "No review condition was open."
          : `${conditions.length} open: ${overdue} overdue, ${dueSoon} due within ${DUE_SOON_DAYS} days.`}
      </p>
      {conditions.length > 0 && (
        <table className="nhsuk-table" data-testid="pack-conditions">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Open review conditions, overdue first, then soonest due</caption>
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
              <tr key={c.id} data-state={c.state}>
                <th scope="row">
                  <Link href={`/workstreams/${c.workstreamId}`}>{c.workstreamName}</Link>
                </th>
                <td>
                  {c.description}{" "}
                  <span className="app-muted">
                    (set at the phase {c.phase} review{c.setOn ? ` on ${formatDate(c.setOn)}` : ""}
                    {c.closedLater ? "; closed since" : ""})
                  </span>
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
    </>
  );
}
