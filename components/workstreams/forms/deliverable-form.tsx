"use client";

import { useActionState } from "react";
import { updateDeliverableAction } from "@/app/workstreams/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/auth/action";
import { deliverableStatuses, type DeliverableStatus } from "@/lib/tollgate";
import { deliverableStatusLabels } from "@/lib/workstream";

interface Props {
  deliverable: { id: string; name: string; status: DeliverableStatus; reason: string | null; note: string; evidenceUrl: string | null; version: number };
}

/** The lead's update of one deliverable: status, why not required, a note, the evidence link. */
export function DeliverableForm({ deliverable: d }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateDeliverableAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  const id = (field: string) => `deliverable-${d.id}-${field}`;
  const status = typed?.status ?? d.status;
  return (
    <form action={action} noValidate key={state ? JSON.stringify(state) : "initial"}>
      <FormFeedback state={state} fieldIds={{ status: id("status"), reason: id("reason"), note: id("note"), evidenceUrl: id("evidenceUrl") }} />
      <input type="hidden" name="deliverableId" value={d.id} />
      <input type="hidden" name="version" value={d.version} />
      <div className={groupClass(state, "status")}>
        <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(state, "status", id("status"))}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Status of {d.name}</legend>
          <FieldError state={state} field="status" inputId={id("status")} />
          <div className="nhsuk-radios nhsuk-radios--inline" id={id("status")}>
            {deliverableStatuses.map((s) => (
              <div className="nhsuk-radios__item" key={s}>
                <input className="nhsuk-radios__input" id={id(`status-${s}`)} name="status" type="radio" value={s} defaultChecked={status === s} />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={id(`status-${s}`)}>
                  {deliverableStatusLabels[s]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={groupClass(state, "reason")}>
        <label className="nhsuk-label" htmlFor={id("reason")}>
          Why it is not required <span className="app-muted">(only if not required)</span>
        </label>
        <FieldError state={state} field="reason" inputId={id("reason")} />
        <textarea className="nhsuk-textarea" id={id("reason")} name="reason" rows={2} defaultValue={typed?.reason ?? d.reason ?? ""} aria-describedby={describedBy(state, "reason", id("reason"))} />
      </div>
      <div className={groupClass(state, "note")}>
        <label className="nhsuk-label" htmlFor={id("note")}>
          Note
        </label>
        <FieldError state={state} field="note" inputId={id("note")} />
        <textarea className="nhsuk-textarea" id={id("note")} name="note" rows={2} defaultValue={typed?.note ?? d.note} aria-describedby={describedBy(state, "note", id("note"))} />
      </div>
      <div className={groupClass(state, "evidenceUrl")}>
        <label className="nhsuk-label" htmlFor={id("evidenceUrl")}>
          Link to the evidence document
        </label>
        <div className="nhsuk-hint" id={id("evidenceUrl-hint")}>
          A full web address, like https://future.nhs.uk/…
        </div>
        <FieldError state={state} field="evidenceUrl" inputId={id("evidenceUrl")} />
        <input
          className="nhsuk-input"
          id={id("evidenceUrl")}
          name="evidenceUrl"
          type="url"
          defaultValue={typed?.evidenceUrl ?? d.evidenceUrl ?? ""}
          aria-describedby={[id("evidenceUrl-hint"), describedBy(state, "evidenceUrl", id("evidenceUrl"))].filter(Boolean).join(" ")}
        />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={pending}>
        Save<span className="nhsuk-u-visually-hidden"> {d.name}</span>
      </button>
    </form>
  );
}
