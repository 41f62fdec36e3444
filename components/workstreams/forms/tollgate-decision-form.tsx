"use client";

import { useActionState } from "react";
import { decideReviewAction } from "@/app/workstreams/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/auth/action";
import { decisions } from "@/lib/tollgate";
import { decisionLabels } from "@/lib/workstream";

interface Props {
  reviewId: string;
  reviewName: string;
  members: { id: string; name: string }[];
  today: string;
}

const CONDITION_ROWS = 5;

/** A board member records the review: the meeting, who was there and what each recommended, the decision and why. */
export function TollgateDecisionForm({ reviewId, reviewName, members, today }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(decideReviewAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  const ticked = new Set(state && !state.ok ? (state.lists?.attendees ?? []) : []);
  return (
    <form action={action} noValidate key={state ? JSON.stringify(state) : "initial"} data-testid="decision-form">
      <FormFeedback state={state} />
      <input type="hidden" name="reviewId" value={reviewId} />
      <div className={groupClass(state, "heldOn")}>
        <label className="nhsuk-label" htmlFor="heldOn">
          Date of the board meeting
        </label>
        <FieldError state={state} field="heldOn" />
        <input className="nhsuk-input nhsuk-input--width-10" id="heldOn" name="heldOn" type="date" max={today} defaultValue={typed?.heldOn ?? today} aria-describedby={describedBy(state, "heldOn")} />
      </div>

      <div className={groupClass(state, "attendees")}>
        <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(state, "attendees")}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Board members present, and what each recommended</legend>
          <FieldError state={state} field="attendees" />
          <div id="attendees">
            {members.map((m) => {
              const rec = `recommendation.${m.id}`;
              return (
                <div key={m.id} className="app-inline-form">
                  <div className="nhsuk-checkboxes__item nhsuk-u-margin-bottom-3">
                    <input className="nhsuk-checkboxes__input" id={`attendee-${m.id}`} name="attendees" type="checkbox" value={m.id} defaultChecked={ticked.has(m.id)} />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`attendee-${m.id}`}>
                      {m.name}
                    </label>
                  </div>
                  <div className={groupClass(state, rec)}>
                    <label className="nhsuk-label" htmlFor={rec}>
                      Recommendation<span className="nhsuk-u-visually-hidden"> of {m.name}</span>
                    </label>
                    <FieldError state={state} field={rec} />
                    <select className="nhsuk-select" id={rec} name={rec} defaultValue={typed?.[rec] ?? ""} aria-describedby={describedBy(state, rec)}>
                      <option value="">Choose</option>
                      {decisions.map((d) => (
                        <option key={d} value={d}>
                          {decisionLabels[d]}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>

      <div className={groupClass(state, "decision")}>
        <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(state, "decision")}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">The board&apos;s decision at the {reviewName.toLowerCase()}</legend>
          <FieldError state={state} field="decision" />
          <div className="nhsuk-radios" id="decision">
            {decisions.map((d) => (
              <div className="nhsuk-radios__item" key={d}>
                <input className="nhsuk-radios__input" id={`decision-${d}`} name="decision" type="radio" value={d} defaultChecked={typed?.decision === d} />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`decision-${d}`}>
                  {decisionLabels[d]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>

      <div className={groupClass(state, "reasons")}>
        <label className="nhsuk-label" htmlFor="reasons">
          Reasons for the decision
        </label>
        <FieldError state={state} field="reasons" />
        <textarea className="nhsuk-textarea" id="reasons" name="reasons" rows={4} defaultValue={typed?.reasons ?? ""} aria-describedby={describedBy(state, "reasons")} />
      </div>

      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Conditions (only when proceeding with conditions)</legend>
        <p className="nhsuk-hint">Each condition needs a description, an owner and a due date. Leave unused rows blank.</p>
        {Array.from({ length: CONDITION_ROWS }, (_, i) => {
          const f = (field: string) => `conditions.${i}.${field}`;
          return (
            <div key={i} className="app-inline-form" data-testid={`condition-row-${i + 1}`}>
              <div className={groupClass(state, f("description"))}>
                <label className="nhsuk-label" htmlFor={f("description")}>
                  Condition {i + 1}
                </label>
                <FieldError state={state} field={f("description")} />
                <input className="nhsuk-input" id={f("description")} name={f("description")} defaultValue={typed?.[f("description")] ?? ""} aria-describedby={describedBy(state, f("description"))} />
              </div>
              <div className={groupClass(state, f("owner"))}>
                <label className="nhsuk-label" htmlFor={f("owner")}>
                  Owner<span className="nhsuk-u-visually-hidden"> of condition {i + 1}</span>
                </label>
                <FieldError state={state} field={f("owner")} />
                <input className="nhsuk-input nhsuk-input--width-20" id={f("owner")} name={f("owner")} defaultValue={typed?.[f("owner")] ?? ""} aria-describedby={describedBy(state, f("owner"))} />
              </div>
              <div className={groupClass(state, f("dueOn"))}>
                <label className="nhsuk-label" htmlFor={f("dueOn")}>
                  Due<span className="nhsuk-u-visually-hidden"> date of condition {i + 1}</span>
                </label>
                <FieldError state={state} field={f("dueOn")} />
                <input className="nhsuk-input nhsuk-input--width-10" id={f("dueOn")} name={f("dueOn")} type="date" defaultValue={typed?.[f("dueOn")] ?? ""} aria-describedby={describedBy(state, f("dueOn"))} />
              </div>
            </div>
          );
        })}
      </fieldset>

      <button className="nhsuk-button" type="submit" disabled={pending}>
        Record the decision
      </button>
    </form>
  );
}
