"use client";

import { useActionState } from "react";
import { decideAssessmentAction } from "@/app/assessments/actions";
import { ErrorSummary } from "./error-summary";
import type { ActionState } from "@/lib/auth/action";

type Choice = "approve" | "return" | "reopen";
const labels: Record<Choice, string> = { approve: "Approve", return: "Return for changes", reopen: "Reopen for changes" };

export function DecisionForm({ assessmentId, version, choices }: { assessmentId: string; version: number; choices: Choice[] }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(decideAssessmentAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate key={failed ? JSON.stringify(failed) : "initial"}>
      {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} />}
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="version" value={version} />
      <div className={`nhsuk-form-group${failed?.fieldErrors.reason ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label" htmlFor="reason">
          Reason or comment {choices.includes("approve") ? "(needed to return it, optional to approve)" : ""}
        </label>
        {failed?.fieldErrors.reason && (
          <span className="nhsuk-error-message" id="reason-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {failed.fieldErrors.reason}
          </span>
        )}
        <textarea className="nhsuk-textarea" id="reason" name="reason" rows={3} defaultValue={failed?.values?.reason ?? ""} aria-describedby={failed?.fieldErrors.reason ? "reason-error" : undefined} />
      </div>
      <div className="nhsuk-button-group">
        {choices.map((choice, i) => (
          <button key={choice} className={`nhsuk-button${i > 0 ? " nhsuk-button--secondary" : ""}`} type="submit" name="transition" value={choice} disabled={pending}>
            {labels[choice]}
          </button>
        ))}
      </div>
    </form>
  );
}
