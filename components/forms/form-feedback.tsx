import type { ActionState } from "@/lib/auth/action";
import { ErrorSummary } from "./error-summary";

/** The banner above a form after its action ran: success, or the error summary. */
/** `fieldIds` maps a field name to its input's id where the two differ (several forms on a page). */
export function FormFeedback({ state, fieldIds }: { state: ActionState; fieldIds?: Record<string, string> }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <div className="nhsuk-inset-text" role="status">
        <p>{state.message}</p>
      </div>
    );
  }
  return <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={fieldIds} />;
}

export function FieldError({ state, field, inputId = field }: { state: ActionState; field: string; inputId?: string }) {
  const message = state && !state.ok ? state.fieldErrors[field] : undefined;
  if (!message) return null;
  return (
    <span className="nhsuk-error-message" id={`${inputId}-error`}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  );
}

export function groupClass(state: ActionState, field: string): string {
  return state && !state.ok && state.fieldErrors[field] ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group";
}

/** aria-describedby for an input whose field has an error, so screen readers read it out. */
export function describedBy(state: ActionState, field: string, inputId = field): string | undefined {
  return state && !state.ok && state.fieldErrors[field] ? `${inputId}-error` : undefined;
}
