"use client";

import { useActionState } from "react";
import { closeConditionAction } from "@/app/workstreams/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/auth/action";

/** Closes a review condition, saying how it was met. */
export function CloseConditionForm({ conditionId, description }: { conditionId: string; description: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(closeConditionAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  const id = `condition-${conditionId}-note`;
  return (
    <form action={action} noValidate key={state ? JSON.stringify(state) : "initial"} className="app-inline-form">
      <FormFeedback state={state} fieldIds={{ closureNote: id }} />
      <input type="hidden" name="conditionId" value={conditionId} />
      <div className={groupClass(state, "closureNote")}>
        <label className="nhsuk-label" htmlFor={id}>
          How it was met<span className="nhsuk-u-visually-hidden">: {description}</span>
        </label>
        <FieldError state={state} field="closureNote" inputId={id} />
        <input className="nhsuk-input" id={id} name="closureNote" defaultValue={typed?.closureNote ?? ""} aria-describedby={describedBy(state, "closureNote", id)} />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" disabled={pending}>
        Close condition<span className="nhsuk-u-visually-hidden">: {description}</span>
      </button>
    </form>
  );
}
