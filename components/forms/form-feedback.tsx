import type { ActionState } from "@/lib/auth/action";
import { ErrorSummary } from "./error-summary";

/** The banner above a form after its action ran: success, or the error summary. */
export function FormFeedback({ state }: { state: ActionState }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <div className="nhsuk-inset-text" role="status">
        <p>{state.message}</p>
      </div>
    );
  }
  return <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} />;
}

export function FieldError({ state, field }: { state: ActionState; field: string }) {
  const message = state && !state.ok ? state.fieldErrors[field] : undefined;
  if (!message) return null;
  return (
    <span className="nhsuk-error-message" id={`${field}-error`}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  );
}

export function groupClass(state: ActionState, field: string): string {
  return state && !state.ok && state.fieldErrors[field] ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group";
}
