"use client";

import { useActionState } from "react";
import { saveAssessmentAction } from "@/app/assessments/actions";
import { ErrorSummary } from "./error-summary";
import type { ActionState } from "@/lib/auth/action";
import { SCORE_FIELD_PREFIX } from "@/lib/schemas/assessment";
import { describeScore, type Scale } from "@/lib/scale";

interface Section {
  id: string;
  name: string;
  domains: { id: string; code: string; name: string }[];
}

export function AssessmentForm({
  assessmentId,
  version,
  sections,
  values,
  canSubmit,
  scale,
}: {
  scale: Scale;
  assessmentId: string;
  version: number;
  sections: Section[];
  values: Record<string, number | undefined>;
  canSubmit: boolean;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(saveAssessmentAction, null);
  const failed = state && !state.ok ? state : null;
  const inputId = (code: string) => `score-${code}`;
  const inputIds = Object.fromEntries(sections.flatMap((s) => s.domains.map((d) => [d.id, inputId(d.code)])));
  return (
    // A new key after each refusal re-creates the fields from what the user typed.
    <form action={formAction} noValidate key={failed ? JSON.stringify(failed) : "initial"} aria-describedby="scores-hint">
      {failed && <ErrorSummary message={failed.message} fieldErrors={failed.fieldErrors} labels={inputIds} />}
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="version" value={version} />
      <p className="nhsuk-hint" id="scores-hint">
        Enter each domain&apos;s score as {describeScore(scale)}.
      </p>
      {sections.map((section) => (
        <fieldset className="nhsuk-fieldset" key={section.id}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">{section.name}</legend>
          <div className="app-fieldset-grid">
            {section.domains.map((d) => {
              const name = `${SCORE_FIELD_PREFIX}${d.id}`;
              const error = failed?.fieldErrors[d.id];
              const typed = failed?.values?.[name];
              return (
                <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`} key={d.id}>
                  <label className="nhsuk-label" htmlFor={inputId(d.code)}>
                    {d.name}
                  </label>
                  {error && (
                    <span className="nhsuk-error-message" id={`${inputId(d.code)}-error`}>
                      <span className="nhsuk-u-visually-hidden">Error:</span> {error}
                    </span>
                  )}
                  <div className="nhsuk-input-wrapper">
                    <input
                      className={`nhsuk-input app-score-input${error ? " nhsuk-input--error" : ""}`}
                      id={inputId(d.code)}
                      name={name}
                      type="text"
                      inputMode={scale.decimals > 0 ? "decimal" : "numeric"}
                      autoComplete="off"
                      defaultValue={typed ?? values[d.id] ?? ""}
                      aria-describedby={error ? `${inputId(d.code)}-error` : undefined}
                    />
                    {scale.unit && (
                      <div className="nhsuk-input__suffix" aria-hidden="true">
                        {scale.unit}
                      </div>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit" name="intent" value="save" disabled={pending}>
          Save draft
        </button>
        {canSubmit && (
          <button className="nhsuk-button nhsuk-button--secondary" type="submit" name="intent" value="submit" disabled={pending}>
            Save and submit for approval
          </button>
        )}
      </div>
    </form>
  );
}
