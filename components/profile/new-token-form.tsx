"use client";

import { useActionState } from "react";
import { createApiTokenAction, type CreateApiTokenState } from "@/app/profile/actions";
import { describedBy, FieldError, FormFeedback, groupClass } from "@/components/forms/form-feedback";
import { apiTokenLifetimes, apiTokenScopeLabels, apiTokenScopes } from "@/lib/api/tokens";
import { NewTokenPanel } from "./new-token-panel";

const scopeHints: Record<(typeof apiTokenScopes)[number], string> = {
  read: "For reports and dashboards: it can read everything you can read, and change nothing.",
  "read-write": "Can also save assessment scores and start assessments, wherever your role allows you to.",
};

const lifetimeLabels: Record<(typeof apiTokenLifetimes)[number], string> = { 30: "In 30 days", 90: "In 90 days", 365: "In a year (365 days)" };

/** Create a personal API token; the new secret is shown once, above the form. */
export function NewTokenForm() {
  const [state, formAction, pending] = useActionState<CreateApiTokenState, FormData>(createApiTokenAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  const created = state && state.ok && "created" in state ? state.created : null;
  return (
    <>
      {created && <NewTokenPanel token={created} />}
      <form action={formAction} noValidate key={state ? JSON.stringify(state) : "initial"} data-testid="new-token-form">
        {state && !state.ok && <FormFeedback state={state} fieldIds={{ scope: "scope-read", lifetimeDays: "lifetimeDays-30" }} />}
        <div className={groupClass(state, "name")}>
          <label className="nhsuk-label" htmlFor="name">
            Name
          </label>
          <div className="nhsuk-hint" id="name-hint">
            What it is for, so you can tell your tokens apart: for example, Power BI maturity report.
          </div>
          <FieldError state={state} field="name" />
          <input
            className="nhsuk-input nhsuk-input--width-30"
            id="name"
            name="name"
            maxLength={100}
            autoComplete="off"
            aria-describedby={["name-hint", describedBy(state, "name")].filter(Boolean).join(" ")}
            defaultValue={typed?.name ?? ""}
          />
        </div>
        <div className={groupClass(state, "scope")}>
          <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(state, "scope")}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What it may do</legend>
            <FieldError state={state} field="scope" />
            <div className="nhsuk-radios">
              {apiTokenScopes.map((scope) => (
                <div className="nhsuk-radios__item" key={scope}>
                  <input
                    className="nhsuk-radios__input"
                    id={`scope-${scope}`}
                    name="scope"
                    type="radio"
                    value={scope}
                    aria-describedby={`scope-${scope}-hint`}
                    defaultChecked={(typed?.scope ?? "read") === scope}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={`scope-${scope}`}>
                    {apiTokenScopeLabels[scope]}
                  </label>
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`scope-${scope}-hint`}>
                    {scopeHints[scope]}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={groupClass(state, "lifetimeDays")}>
          <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(state, "lifetimeDays")}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">When it expires</legend>
            <FieldError state={state} field="lifetimeDays" />
            <div className="nhsuk-radios">
              {apiTokenLifetimes.map((days) => (
                <div className="nhsuk-radios__item" key={days}>
                  <input
                    className="nhsuk-radios__input"
                    id={`lifetimeDays-${days}`}
                    name="lifetimeDays"
                    type="radio"
                    value={days}
                    defaultChecked={(typed?.lifetimeDays ?? "90") === String(days)}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={`lifetimeDays-${days}`}>
                    {lifetimeLabels[days]}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button className="nhsuk-button" type="submit" disabled={pending}>
          Create token
        </button>
      </form>
    </>
  );
}
