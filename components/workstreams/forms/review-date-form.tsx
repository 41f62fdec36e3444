"use client";

import { useActionState } from "react";
import { setReviewDateAction } from "@/app/workstreams/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/auth/action";

/** When the lead plans to bring the phase to its tollgate review. */
export function ReviewDateForm({ workstreamId, version, nextReviewOn }: { workstreamId: string; version: number; nextReviewOn: string | null }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setReviewDateAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate key={state ? JSON.stringify(state) : "initial"} className="app-inline-form">
      <FormFeedback state={state} />
      <input type="hidden" name="workstreamId" value={workstreamId} />
      <input type="hidden" name="version" value={version} />
      <div className={groupClass(state, "nextReviewOn")}>
        <label className="nhsuk-label" htmlFor="nextReviewOn">
          Planned tollgate review date
        </label>
        <FieldError state={state} field="nextReviewOn" />
        <input className="nhsuk-input nhsuk-input--width-10" id="nextReviewOn" name="nextReviewOn" type="date" defaultValue={typed?.nextReviewOn ?? nextReviewOn ?? ""} aria-describedby={describedBy(state, "nextReviewOn")} />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit" disabled={pending}>
        Save review date
      </button>
    </form>
  );
}
