"use client";

import { useActionState } from "react";
import { discardImportAction } from "@/app/imports/actions";
import { FormFeedback } from "@/components/forms/form-feedback";

export function DiscardForm({ jobId }: { jobId: string }) {
  const [state, action, pending] = useActionState(discardImportAction, null);
  return (
    <form action={action}>
      <FormFeedback state={state} />
      <input type="hidden" name="jobId" value={jobId} />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={pending}>
        Discard this file
      </button>
    </form>
  );
}
