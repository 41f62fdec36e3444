"use client";

import { useActionState } from "react";
import { requestReviewAction } from "@/app/workstreams/actions";
import { FormFeedback } from "@/components/forms/form-feedback";
import type { ActionState } from "@/lib/auth/action";

/** The lead asks the board for the phase's tollgate review. */
export function RequestReviewForm({ workstreamId, version, reviewName }: { workstreamId: string; version: number; reviewName: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(requestReviewAction, null);
  return (
    <form action={action}>
      <FormFeedback state={state} />
      <input type="hidden" name="workstreamId" value={workstreamId} />
      <input type="hidden" name="version" value={version} />
      <button className="nhsuk-button" type="submit" disabled={pending}>
        Request the {reviewName.toLowerCase()}
      </button>
    </form>
  );
}
