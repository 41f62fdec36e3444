import type { ReviewDetail } from "@/db/queries/workstreams";
import { londonDate } from "@/lib/as-at";
import { formatDate } from "@/lib/dates";
import { conditionState, decisionLabels } from "@/lib/workstream";

const decisionColours = { proceed: "nhsuk-tag--green", proceed_with_conditions: "nhsuk-tag--yellow", rework: "nhsuk-tag--orange", stop: "nhsuk-tag--red" } as const;

/** One tollgate review as the minutes would record it. */
export function ReviewRecord({ review, today, headingLevel = 3, showWorkstream = false }: { review: ReviewDetail; today: string; headingLevel?: 2 | 3 | 4; showWorkstream?: boolean }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section
      className="app-review"
      data-testid="review"
      // A region's name must be unique on the page: a phase reviewed again after rework is its second attempt.
      aria-label={`${review.reviewName}, phase ${review.phase} ${review.phaseName}${review.attempt > 1 ? `, attempt ${review.attempt}` : ""}${showWorkstream ? `, ${review.workstreamName}` : ""}`}
    >
      <Heading className="nhsuk-heading-s">
        {showWorkstream && <>{review.workstreamName}: </>}
        {review.reviewName}, phase {review.phase} {review.phaseName}
        {review.attempt > 1 ? ` (attempt ${review.attempt})` : ""}{" "}
        {review.decision ? (
          <strong className={`nhsuk-tag ${decisionColours[review.decision]}`} data-decision={review.decision}>
            {decisionLabels[review.decision]}
          </strong>
        ) : (
          <strong className="nhsuk-tag nhsuk-tag--purple">Awaiting decision</strong>
        )}
      </Heading>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Requested</dt>
          <dd className="nhsuk-summary-list__value">
            {formatDate(londonDate(review.requestedAt))} by {review.requestedBy ?? "unknown"}
          </dd>
        </div>
        {review.decision && (
          <>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Board meeting</dt>
              <dd className="nhsuk-summary-list__value">
                {review.heldOn ? formatDate(review.heldOn) : ""}; recorded by {review.decidedBy ?? "unknown"}
              </dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Members present</dt>
              <dd className="nhsuk-summary-list__value">
                <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                  {review.attendees.map((a) => (
                    <li key={a.userId}>
                      {a.name}: recommended {decisionLabels[a.recommendation].toLowerCase()}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Reasons</dt>
              <dd className="nhsuk-summary-list__value" data-testid="reasons">
                {review.reasons}
              </dd>
            </div>
          </>
        )}
        {review.conditions.length > 0 && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Conditions</dt>
            <dd className="nhsuk-summary-list__value">
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                {review.conditions.map((c) => {
                  const s = conditionState(c, today);
                  return (
                    <li key={c.id}>
                      {c.description} ({c.owner}, due {formatDate(c.dueOn)}):{" "}
                      {s === "closed"
                        ? `closed${c.closedAt ? ` on ${formatDate(londonDate(c.closedAt))}` : ""}${c.closedBy ? ` by ${c.closedBy}` : ""}: “${c.closureNote ?? ""}”`
                        : s === "overdue"
                          ? <strong>overdue</strong>
                          : "open"}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
