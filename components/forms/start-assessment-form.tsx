"use client";

import { useActionState } from "react";
import { startAssessmentAction } from "@/app/assessments/actions";
import type { ActionState } from "@/lib/auth/action";
import { careSettingLabels, type CareSetting } from "@/lib/care-settings";

export function StartAssessmentForm({
  organisationId,
  periods,
  careSettings,
}: {
  organisationId: string;
  periods: { id: string; name: string }[];
  /** The framework's care settings: a choice only where there are several. */
  careSettings: readonly CareSetting[];
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(startAssessmentAction, null);
  return (
    <form action={formAction} className="app-selection-form">
      <input type="hidden" name="organisationId" value={organisationId} />
      {state && !state.ok && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {state.message}
        </p>
      )}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="start-period">
          Open assessment period
        </label>
        <select className="nhsuk-select" id="start-period" name="periodId">
          {periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {careSettings.length > 1 && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="start-setting">
            Care setting
          </label>
          <select className="nhsuk-select" id="start-setting" name="careSetting">
            {careSettings.map((c) => (
              <option key={c} value={c}>
                {careSettingLabels[c]}
              </option>
            ))}
          </select>
        </div>
      )}
      <button className="nhsuk-button" type="submit" disabled={pending}>
        Start assessment
      </button>
    </form>
  );
}
